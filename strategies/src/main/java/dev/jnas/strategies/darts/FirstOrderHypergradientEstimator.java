package dev.jnas.strategies.darts;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import dev.jnas.api.HypergradientEstimator;
import dev.jnas.api.data.Batch;
import dev.jnas.api.optim.ParameterOptimizer;
import dev.jnas.api.BilevelProblem;
import dev.jnas.api.Supernet;
import org.pf4j.Extension;

/**
 * First-order DARTS: the hypergradient is the gradient of the validation loss at the current
 * weights, ignoring how the weights depend on α ({@code w*(α) ≈ w}). Only α's gradients are
 * computed; the weights are frozen for the backward pass.
 */
@Extension
public class FirstOrderHypergradientEstimator implements HypergradientEstimator {

    @Override
    public String id() {
        return "first-order";
    }

    @Override
    public float estimate(BilevelProblem problem, Batch train, Batch valid) {
        Supernet net = problem.supernet();
        ParameterOptimizer.zeroGradients(net.alphas());
        ParameterOptimizer.setRequiresGradient(net.weights(), false);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = problem.validationLoss(valid);
            collector.backward(loss);
            return loss.getFloat();
        } finally {
            ParameterOptimizer.setRequiresGradient(net.weights(), true);
        }
    }
}
