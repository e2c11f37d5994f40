package dev.jnas.api.blackbox;

import dev.jnas.api.error.JnasException;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the trainings behind an evaluator's trials: in this process, in worker processes on this
 * machine, or elsewhere. Strategies never see it; an evaluator that trains ({@code train}) turns
 * each proposal into a {@link TrialRequest} and submits it here, so a cluster engine can replace the
 * local workers without touching strategies or evaluators.
 *
 * <p>Life-cycle: the launcher creates one runner per command, hands it to evaluators through
 * {@link EvaluationSettings#trials()}, and closes it at the end, which stops its workers.
 *
 * <pre>{@code Evaluation e = runner.submit(request).join();}</pre>
 */
public interface TrialRunner extends AutoCloseable {

    /** A runner for evaluators that never train (table lookups): it refuses every request. */
    TrialRunner NONE = new TrialRunner() {
        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public CompletableFuture<Evaluation> submit(TrialRequest request) {
            return CompletableFuture.failedFuture(new JnasException(
                    "this command runs no trainings; use an evaluator that looks architectures up"));
        }
    };

    /** How many trials run at once; submitting more queues them. */
    int parallelism();

    /**
     * Starts a training. The future completes with its evaluation, or exceptionally with a
     * {@link JnasException} that names the problem (a bad architecture or setting, a worker that died).
     */
    CompletableFuture<Evaluation> submit(TrialRequest request);

    /** Stops what the runner started; does nothing by default. */
    @Override
    default void close() {
    }
}
