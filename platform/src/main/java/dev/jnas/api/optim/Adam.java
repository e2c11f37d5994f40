package dev.jnas.api.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * Adam with L2 weight decay added to the gradient, as {@code torch.optim.Adam} (not AdamW):
 * {@code g = grad + wd·w; m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²;
 * w -= lr/(1-β1^t) · m / (sqrt(v)/sqrt(1-β2^t) + ε)}.
 *
 * <pre>{@code Adam adam = new Adam(supernet.alphas(), manager, 0.5, 0.999, 1e-8, 1e-3); adam.step(3e-4);}</pre>
 */
public class Adam extends ParameterOptimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private long steps;

    public Adam(Map<String, Parameter> parameters, NDManager manager,
                double beta1, double beta2, double epsilon, double weightDecay) {
        super(parameters, manager);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    /** The number of steps taken. */
    public long steps() {
        return steps;
    }

    @Override
    protected void beforeStep() {
        steps++;
    }

    @Override
    protected void update(String name, NDArray weight, NDArray gradient, double lr) {
        NDArray g = weightDecay == 0 ? gradient : gradient.add(weight.mul(weightDecay));
        NDArray m = slot(name, "exp_avg", weight).muli(beta1).addi(g.mul(1 - beta1));
        NDArray v = slot(name, "exp_avg_sq", weight).muli(beta2).addi(g.mul(g).muli(1 - beta2));
        double bias1 = 1 - Math.pow(beta1, steps);
        double bias2 = 1 - Math.pow(beta2, steps);
        NDArray denominator = v.sqrt().divi(Math.sqrt(bias2)).addi(epsilon);
        weight.subi(m.div(denominator).muli(lr / bias1));
    }

    @Override
    public Map<String, Double> scalars() {
        return Map.of("steps", (double) steps);
    }

    @Override
    protected void loadScalars(Map<String, Double> scalars) {
        steps = scalars.getOrDefault("steps", 0.0).longValue();
    }
}
