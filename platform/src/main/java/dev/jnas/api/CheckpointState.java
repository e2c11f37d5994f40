package dev.jnas.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The progress of a run at a checkpoint, beside the model and optimizer states.
 *
 * @param epoch the epoch in progress, from 0 ({@code epochs} when the run is over)
 * @param step the steps of that epoch already done
 * @param counters the strategy's own running numbers (sums over the epoch so far, elapsed seconds)
 * @param history the reports of the finished epochs of a search
 * @param records the per-epoch records of a run that is not a search (a training's metrics so
 *     far), as JSON objects its owner reads back into its own type; empty for a search
 */
public record CheckpointState(
        @JsonProperty("epoch") int epoch,
        @JsonProperty("step") int step,
        @JsonProperty("counters") Map<String, Double> counters,
        @JsonProperty("history") List<EpochReport> history,
        @JsonProperty("records") List<JsonNode> records) {

    public CheckpointState {
        counters = Map.copyOf(counters);
        history = List.copyOf(history);
        records = records == null ? List.of() : List.copyOf(records);
    }

    /** The state of a search: its counters and the reports of its finished epochs. */
    public CheckpointState(int epoch, int step, Map<String, Double> counters, List<EpochReport> history) {
        this(epoch, step, counters, history, List.of());
    }

    /** A counter, or {@code otherwise} when it was not saved. */
    public double counter(String name, double otherwise) {
        return counters.getOrDefault(name, otherwise);
    }
}
