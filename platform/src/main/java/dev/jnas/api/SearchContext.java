package dev.jnas.api;

import ai.djl.ndarray.NDManager;
import dev.jnas.api.blackbox.DiscreteProblem;
import dev.jnas.api.data.SearchData;
import dev.jnas.api.error.JnasException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link dev.jnas.api.SearchStrategy} is given: settings, data, the supernet (built
 * on first use), the chosen estimator and regularizers, a listener and the run directory.
 *
 * <p>The platform creates one context per run and closes its manager after the search returns.
 *
 * <p>Differentiable strategies use the supernet side (settings, data, supernet, estimator,
 * regularizers, manager); sample-based strategies use only {@link #discreteProblem()} and the
 * listener. A context for a sample-based run may refuse the supernet side with a
 * {@link JnasException}, and a context for a supernet run refuses {@link #discreteProblem()}.
 */
public interface SearchContext {

    /** The run's settings (budget, sizes, seed, hyperparameters). */
    SearchSettings settings();

    /** Training, validation and test data. */
    SearchData data();

    /**
     * The supernet of the space searched ({@link SearchSettings#space()}), built and initialised on
     * first call, the same afterwards.
     */
    Supernet supernet();

    /** The hypergradient estimator chosen for the run. */
    HypergradientEstimator estimator();

    /** The regularizers chosen for the run, in order. */
    List<Regularizer> regularizers();

    /** Where the strategy reports progress. */
    SearchListener listener();

    /** The run directory, for a strategy's own files. */
    Path runDirectory();

    /** Where the run saves and finds its checkpoints. */
    Checkpoints checkpoints();

    /** The manager (and device) long-lived arrays of the run belong to. */
    NDManager manager();

    /**
     * The problem of a sample-based strategy: discrete space, evaluator session, budget, seed and
     * the strategy's options.
     *
     * @throws JnasException if this run has none (a supernet run), which is the default
     */
    default DiscreteProblem<?> discreteProblem() {
        throw new JnasException("this run has no discrete space and evaluator, which sample-based strategies "
                + "(random, evolution, reinforce) need; run them with 'jnas reproduce nb201'");
    }
}
