package dev.jnas.api.blackbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * One training an evaluator asks a {@link TrialRunner} for: which architecture, with which seed,
 * under which settings. It is a plain value that travels as one JSON line, so a runner can hand it
 * to another process or machine.
 *
 * <pre>{@code new TrialRequest("darts", DartsSpace.INSTANCE.format(genotype), 7, Map.of("epochs", "1"))}</pre>
 *
 * @param space the id of the space the architecture belongs to ({@code darts}, {@code nb201})
 * @param architecture the architecture's canonical text in that space
 * @param seed the seed of the training (initial weights, data order)
 * @param settings the training's settings by name (the evaluator's validated options)
 */
public record TrialRequest(
        @JsonProperty("space") String space,
        @JsonProperty("architecture") String architecture,
        @JsonProperty("seed") long seed,
        @JsonProperty("settings") Map<String, String> settings) {

    public TrialRequest {
        if (space == null || architecture == null) {
            throw new IllegalArgumentException("a trial needs a space and an architecture");
        }
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    }
}
