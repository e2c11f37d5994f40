package dev.jnas.api;

import ai.djl.ndarray.NDArray;
import dev.jnas.api.data.Batch;
import dev.jnas.api.optim.Sgd;

/**
 * The bilevel problem of a differentiable search, as a hypergradient estimator sees it: weights
 * trained on the training loss, architecture parameters chosen on the validation loss.
 *
 * <p>Both losses include the penalties of the active regularizers for their phase. They must be
 * computed inside an open {@link ai.djl.training.GradientCollector} to be differentiated.
 */
public interface BilevelProblem {

    /** The supernet whose {@code alphas()} receive the hypergradient. */
    Supernet supernet();

    /** The weights' loss on a training batch (a scalar). */
    NDArray trainingLoss(Batch batch);

    /** The architecture's loss on a validation batch (a scalar). */
    NDArray validationLoss(Batch batch);

    /** The weight optimizer, whose momentum an unrolled estimator needs. */
    Sgd weightOptimizer();

    /** The weight learning rate of the current step. */
    double learningRate();
}
