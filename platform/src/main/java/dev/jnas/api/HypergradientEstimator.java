package dev.jnas.api;

import dev.jnas.api.data.Batch;
import org.pf4j.ExtensionPoint;

/**
 * Estimates the hypergradient of the bilevel problem: the gradient of the validation loss with
 * respect to the architecture parameters, {@code dL_val(w*(α), α) / dα}.
 *
 * <p>Life-cycle: a gradient-based strategy calls {@link #estimate} once per architecture step.
 * On return the gradients of {@link BilevelProblem#supernet()}'s {@code alphas()} hold the
 * estimate (previous gradients are overwritten) and the weights are exactly as before.
 *
 * <pre>{@code float validLoss = estimator.estimate(problem, trainBatch, validBatch);}</pre>
 */
public interface HypergradientEstimator extends ExtensionPoint {

    /** The stable id used on the command line, e.g. {@code first-order}. */
    String id();

    /**
     * Leaves the estimated hypergradient in the architecture parameters' gradients.
     *
     * @return the validation loss at the current weights
     */
    float estimate(BilevelProblem problem, Batch train, Batch valid);
}
