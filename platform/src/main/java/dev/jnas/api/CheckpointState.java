package dev.jnas.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The progress of a run at a checkpoint, beside the model and optimizer states.
 *
 * @param epoch the epoch in progress, from 0 ({@code epochs} when the run is over)
 * @param step the steps of that epoch already done
 * @param counters the strategy's own running numbers (sums over the epoch so far, elapsed seconds)
 * @param history the reports of the finished epochs
 */
public record CheckpointState(
        @JsonProperty("epoch") int epoch,
        @JsonProperty("step") int step,
        @JsonProperty("counters") Map<String, Double> counters,
        @JsonProperty("history") List<EpochReport> history) {

    public CheckpointState {
        counters = Map.copyOf(counters);
        history = List.copyOf(history);
    }

    /** A counter, or {@code otherwise} when it was not saved. */
    public double counter(String name, double otherwise) {
        return counters.getOrDefault(name, otherwise);
    }
}
