package dev.jnas.api.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, as {@code torch.optim.SGD}
 * (no dampening, no Nesterov): {@code g = grad + wd·w; buf = μ·buf + g; w -= lr·buf}.
 * The learning rate is applied outside the momentum buffer, so changing it between steps (a
 * schedule) behaves as in PyTorch.
 *
 * <pre>{@code Sgd sgd = new Sgd(supernet.weights(), manager, 0.9, 3e-4); sgd.step(0.025);}</pre>
 */
public class Sgd extends ParameterOptimizer {

    private final double momentum;
    private final double weightDecay;

    public Sgd(Map<String, Parameter> parameters, NDManager manager, double momentum, double weightDecay) {
        super(parameters, manager);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    public double momentum() {
        return momentum;
    }

    public double weightDecay() {
        return weightDecay;
    }

    /** The momentum buffer of a parameter, or null before its first step. */
    public NDArray momentumBuffer(String name) {
        return state().get(name + "/momentum");
    }

    @Override
    protected void update(String name, NDArray weight, NDArray gradient, double lr) {
        NDArray g = weightDecay == 0 ? gradient : gradient.add(weight.mul(weightDecay));
        NDArray step;
        if (momentum != 0) {
            step = slot(name, "momentum", weight).muli(momentum).addi(g);
        } else {
            step = g;
        }
        weight.subi(step.mul(lr));
    }
}
