package dev.jnas.platform.search;

import ai.djl.ndarray.NDManager;
import dev.jnas.api.Checkpoints;
import dev.jnas.api.HypergradientEstimator;
import dev.jnas.api.Regularizer;
import dev.jnas.api.SearchContext;
import dev.jnas.api.SearchListener;
import dev.jnas.api.SearchSettings;
import dev.jnas.api.Supernet;
import dev.jnas.api.blackbox.DiscreteProblem;
import dev.jnas.api.data.SearchData;
import dev.jnas.api.error.JnasException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@link SearchContext} of a sample-based run: a discrete problem and a listener, nothing of
 * the supernet machinery. A strategy that asks for settings, data, a supernet, an estimator or a
 * manager gets a one-line {@link JnasException}: it is not a sample-based strategy.
 */
public final class DiscreteSearchContext implements SearchContext {

    private final DiscreteProblem<?> problem;
    private final SearchListener listener;
    private final Path runDirectory;

    /** @param runDirectory where a strategy may write its own files, or {@code null} for none */
    public DiscreteSearchContext(DiscreteProblem<?> problem, SearchListener listener, Path runDirectory) {
        this.problem = problem;
        this.listener = listener;
        this.runDirectory = runDirectory;
    }

    @Override
    public DiscreteProblem<?> discreteProblem() {
        return problem;
    }

    @Override
    public SearchListener listener() {
        return listener;
    }

    @Override
    public List<Regularizer> regularizers() {
        return List.of();
    }

    @Override
    public Path runDirectory() {
        if (runDirectory == null) {
            throw new JnasException("this sample-based run has no run directory");
        }
        return runDirectory;
    }

    @Override
    public SearchSettings settings() {
        throw supernetOnly("settings");
    }

    @Override
    public SearchData data() {
        throw supernetOnly("data");
    }

    @Override
    public Supernet supernet() {
        throw supernetOnly("a supernet");
    }

    @Override
    public HypergradientEstimator estimator() {
        throw supernetOnly("a hypergradient estimator");
    }

    /** Table look-ups are cheap to redo; sample-based runs write no checkpoints yet. */
    @Override
    public Checkpoints checkpoints() {
        return Checkpoints.NONE;
    }

    @Override
    public NDManager manager() {
        throw supernetOnly("a tensor manager");
    }

    private JnasException supernetOnly(String what) {
        return new JnasException("a sample-based run over the " + problem.space().id() + " space has no " + what
                + ": only sample-based strategies (random, evolution, reinforce) can run here");
    }
}
