package dev.jnas.platform.search;

import ai.djl.ndarray.NDManager;
import dev.jnas.api.Checkpoints;
import dev.jnas.api.HypergradientEstimator;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.Operation;
import dev.jnas.api.Regularizer;
import dev.jnas.api.data.SearchData;
import dev.jnas.api.SearchContext;
import dev.jnas.api.SearchListener;
import dev.jnas.api.SearchSettings;
import dev.jnas.api.Supernet;
import dev.jnas.api.space.CellSpace;
import dev.jnas.platform.supernet.DartsSupernet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's {@link SearchContext}: holds the run's pieces and builds the supernet on first use
 * from the operation factories the plugins provide.
 */
public final class DefaultSearchContext implements SearchContext, AutoCloseable {

    private final SearchSettings settings;
    private final CellSpace space;
    private final SearchData data;
    private final Map<String, Operation> operations;
    private final HypergradientEstimator estimator;
    private final List<Regularizer> regularizers;
    private final SearchListener listener;
    private final Path runDirectory;
    private final NDManager manager;
    private final Checkpoints checkpoints;
    private DartsSupernet supernet;

    /**
     * @param operations every available operation by id; the space's must all be there
     * @param manager owned by the context from now on, closed by {@link #close()}
     * @param checkpoints where the strategy saves and finds checkpoints
     */
    public DefaultSearchContext(SearchSettings settings, CellSpace space, SearchData data,
                                Map<String, Operation> operations, HypergradientEstimator estimator,
                                List<Regularizer> regularizers, SearchListener listener, Path runDirectory,
                                NDManager manager, Checkpoints checkpoints) {
        this.settings = settings;
        this.space = space;
        this.data = data;
        this.operations = Map.copyOf(operations);
        this.estimator = estimator;
        this.regularizers = List.copyOf(regularizers);
        this.listener = listener;
        this.runDirectory = runDirectory;
        this.manager = manager;
        this.checkpoints = checkpoints;
        resolveOperations(space, this.operations);
    }

    /** The factories of the space's operations, in α's column order. */
    public static List<Operation> resolveOperations(CellSpace space, Map<String, Operation> available) {
        List<Operation> ops = new ArrayList<>();
        for (String id : space.operations()) {
            Operation op = available.get(id);
            if (op == null) {
                throw new JnasException("unknown operation '" + id + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(available.keySet())) + ")");
            }
            ops.add(op);
        }
        return ops;
    }

    @Override
    public SearchSettings settings() {
        return settings;
    }

    @Override
    public CellSpace space() {
        return space;
    }

    @Override
    public SearchData data() {
        return data;
    }

    @Override
    public synchronized Supernet supernet() {
        if (supernet == null) {
            supernet = DartsSupernet.build(manager, space, resolveOperations(space, operations), data.info(),
                    settings.channels(), settings.cells(), regularizers);
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
