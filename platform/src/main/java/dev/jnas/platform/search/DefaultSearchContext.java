package dev.jnas.platform.search;

import ai.djl.ndarray.NDManager;
import dev.jnas.api.Checkpoints;
import dev.jnas.api.HypergradientEstimator;
import dev.jnas.api.Operation;
import dev.jnas.api.Regularizer;
import dev.jnas.api.data.SearchData;
import dev.jnas.api.SearchContext;
import dev.jnas.api.SearchListener;
import dev.jnas.api.SearchSettings;
import dev.jnas.api.Supernet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The platform's {@link SearchContext}: holds the run's pieces and builds the supernet of the
 * settings' space on first use ({@link Supernets}) from the operation factories the plugins provide.
 */
public final class DefaultSearchContext implements SearchContext, AutoCloseable {

    private final SearchSettings settings;
    private final SearchData data;
    private final Map<String, Operation> operations;
    private final HypergradientEstimator estimator;
    private final List<Regularizer> regularizers;
    private final SearchListener listener;
    private final Path runDirectory;
    private final NDManager manager;
    private final Checkpoints checkpoints;
    private Supernet supernet;

    /**
     * @param operations every available operation by id; the space's must all be there
     * @param manager owned by the context from now on, closed by {@link #close()}
     * @param checkpoints where the strategy saves and finds checkpoints
     */
    public DefaultSearchContext(SearchSettings settings, SearchData data,
                                Map<String, Operation> operations, HypergradientEstimator estimator,
                                List<Regularizer> regularizers, SearchListener listener, Path runDirectory,
                                NDManager manager, Checkpoints checkpoints) {
        this.settings = settings;
        this.data = data;
        this.operations = Map.copyOf(operations);
        this.estimator = estimator;
        this.regularizers = List.copyOf(regularizers);
        this.listener = listener;
        this.runDirectory = runDirectory;
        this.manager = manager;
        this.checkpoints = checkpoints;
        Supernets.resolve(Supernets.operations(settings.space()), this.operations);
    }

    @Override
    public SearchSettings settings() {
        return settings;
    }

    @Override
    public SearchData data() {
        return data;
    }

    @Override
    public synchronized Supernet supernet() {
        if (supernet == null) {
            supernet = Supernets.build(manager, settings, operations, data.info(), regularizers);
        }
        return supernet;
    }

    @Override
    public HypergradientEstimator estimator() {
        return estimator;
    }

    @Override
    public List<Regularizer> regularizers() {
        return regularizers;
    }

    @Override
    public SearchListener listener() {
        return listener;
    }

    @Override
    public Path runDirectory() {
        return runDirectory;
    }

    @Override
    public Checkpoints checkpoints() {
        return checkpoints;
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
