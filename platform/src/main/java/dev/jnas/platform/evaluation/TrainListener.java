package dev.jnas.platform.evaluation;

import dev.jnas.api.StepProgress;
import dev.jnas.platform.run.Json;
import java.nio.file.Path;

/** Hears how a {@link Trainer} progresses: a progress bar, the metrics file. All methods default to nothing. */
public interface TrainListener {

    /** Before the first epoch. */
    default void onStart(int epochs, int stepsPerEpoch) {
    }

    /** After each training step, with the epoch's running loss and accuracy. */
    default void onStep(StepProgress progress) {
    }

    /** After each epoch's test evaluation. */
    default void onEpoch(TrainEpoch epoch) {
    }

    /** A listener that appends each epoch as one JSON line to {@code metrics} ({@code metrics.jsonl}), flushed at once. */
    static TrainListener appendingTo(Path metrics) {
        return new TrainListener() {
            @Override
            public void onEpoch(TrainEpoch epoch) {
                Json.appendLine(metrics, epoch);
            }
        };
    }
}
