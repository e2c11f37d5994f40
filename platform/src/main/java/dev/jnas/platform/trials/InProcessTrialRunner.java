package dev.jnas.platform.trials;

import dev.jnas.api.blackbox.Evaluation;
import dev.jnas.api.blackbox.TrialRequest;
import dev.jnas.api.blackbox.TrialRunner;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs each trial at once, on the calling thread: one at a time, no processes to start. The
 * training engine's one-gradient-collector rule makes this the only safe way to train inside one
 * process; {@link WorkerPool} trains several at once.
 */
public final class InProcessTrialRunner implements TrialRunner {

    private final Function<TrialRequest, Evaluation> training;

    /** @param training what a trial does, e.g. a {@link ProxyTraining} */
    public InProcessTrialRunner(Function<TrialRequest, Evaluation> training) {
        this.training = training;
    }

    @Override
    public int parallelism() {
        return 1;
    }

    @Override
    public CompletableFuture<Evaluation> submit(TrialRequest request) {
        try {
            return CompletableFuture.completedFuture(training.apply(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
