package dev.jnas.api;

import ai.djl.nn.Block;
import dev.jnas.api.optim.ParameterOptimizer;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run keeps its checkpoints, so that a crash never costs the work done.
 *
 * <p>Life-cycle: a strategy first calls {@link #restore} with its freshly built model and
 * optimizers; when the run is resumed, their parameters, BatchNorm statistics and optimizer
 * states are overwritten with the saved ones and the saved progress is returned. It then calls
 * {@link #save} at every epoch end and every {@link #interval()} steps inside an epoch. A save is
 * atomic (a temporary file, then a rename) and refuses a state with a non-finite weight, so the
 * previous good checkpoint is never replaced by a bad one.
 *
 * <pre>{@code Optional<CheckpointState> resumed = checkpoints.restore(net.block(), Map.of("weights", sgd));}</pre>
 */
public interface Checkpoints {

    /** Checkpoints that are never written and never found (benchmarks, tests). */
    Checkpoints NONE = new Checkpoints() {
        @Override
        public int interval() {
            return 0;
        }

        @Override
        public void save(CheckpointState state, Block model, Map<String, ParameterOptimizer> optimizers) {
            // nothing is kept
        }

        @Override
        public Optional<CheckpointState> restore(Block model, Map<String, ParameterOptimizer> optimizers) {
            return Optional.empty();
        }

        @Override
        public String lastSaved() {
            return "none";
        }
    };

    /** Steps between checkpoints inside an epoch; 0 for epoch ends only. */
    int interval();

    /**
     * Saves the model's parameters, the optimizers' states and the progress.
     *
     * @throws dev.jnas.api.error.DivergenceException if a weight is NaN or infinite (nothing is written)
     */
    void save(CheckpointState state, Block model, Map<String, ParameterOptimizer> optimizers);

    /**
     * Loads the last checkpoint into {@code model} and {@code optimizers}, when the run is resumed.
     *
     * @return the saved progress, or empty for a run that starts afresh
     */
    Optional<CheckpointState> restore(Block model, Map<String, ParameterOptimizer> optimizers);

    /** The last checkpoint written or restored, for messages ({@code none} if there is none). */
    String lastSaved();
}
