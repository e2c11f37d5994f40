package dev.jnas.api.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer over a named group of parameters with PyTorch's update rules, whose state is a
 * plain map from {@code "<parameter path>/<slot>"} to arrays, so it can be saved and restored.
 *
 * <p>Life-cycle: build it over a parameter group (its state arrays live in a sub-manager of
 * {@code manager}), call {@link #step} after each backward pass, {@link #close} at the end. Updates
 * happen in place, outside any gradient recording; temporaries are freed before {@code step}
 * returns, so the number of live arrays stays flat.
 */
public abstract class ParameterOptimizer implements AutoCloseable {

    private final Map<String, Parameter> parameters;
    private final NDManager stateManager;
    private final Map<String, NDArray> state = new LinkedHashMap<>();

    protected ParameterOptimizer(Map<String, Parameter> parameters, NDManager manager) {
        this.parameters = new LinkedHashMap<>(parameters);
        this.stateManager = manager.newSubManager();
    }

    /** The parameters updated, by path name. */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** Applies one update with learning rate {@code lr} from the parameters' current gradients. */
    public final void step(double lr) {
        try (NDScope scope = new NDScope()) {
            beforeStep();
            for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
                NDArray weight = e.getValue().getArray();
                update(e.getKey(), weight, weight.getGradient(), lr);
            }
            scope.suppressNotUsedWarning();
        }
    }

    /** Called once per step before the parameters are updated. */
    protected void beforeStep() {
    }

    /** Updates one parameter in place. */
    protected abstract void update(String name, NDArray weight, NDArray gradient, double lr);

    /** A state slot of a parameter, created as zeros the first time it is asked for. */
    protected NDArray slot(String name, String slot, NDArray like) {
        return state.computeIfAbsent(name + "/" + slot, k -> {
            NDArray zeros = stateManager.zeros(like.getShape(), like.getDataType(), like.getDevice());
            NDScope.unregister(zeros);
            return zeros;
        });
    }

    /** The state arrays by key; they stay owned by the optimizer. */
    public Map<String, NDArray> state() {
        return state;
    }

    /** Scalar state (step counters...), saved beside the arrays. */
    public Map<String, Double> scalars() {
        return Map.of();
    }

    /** Restores the state saved by {@link #state()} and {@link #scalars()}; copies the arrays. */
    public void load(Map<String, NDArray> arrays, Map<String, Double> scalars) {
        state.values().forEach(NDArray::close);
        state.clear();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray copy = e.getValue().duplicate();
            copy.attach(stateManager);
            NDScope.unregister(copy);
            state.put(e.getKey(), copy);
        }
        loadScalars(scalars);
    }

    protected void loadScalars(Map<String, Double> scalars) {
    }

    /** Sets the gradients of all parameters to zero. */
    public void zeroGradients() {
        zeroGradients(parameters);
    }

    /** Sets the gradients of {@code group} to zero, in place. */
    public static void zeroGradients(Map<String, Parameter> group) {
        try (NDScope scope = new NDScope()) {
            for (Parameter p : group.values()) {
                NDArray g = p.getArray().getGradient();
                g.subi(g);
            }
            scope.suppressNotUsedWarning();
        }
    }

    /**
     * Switches gradient recording of a parameter group on or off, so that a backward pass computes
     * gradients only for the other group (their stored gradients are kept).
     */
    public static void setRequiresGradient(Map<String, Parameter> group, boolean requiresGradient) {
        for (Parameter p : group.values()) {
            p.getArray().setRequiresGradient(requiresGradient);
        }
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
