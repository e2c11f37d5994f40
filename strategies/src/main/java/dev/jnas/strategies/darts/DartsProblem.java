package dev.jnas.strategies.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.jnas.api.Regularizer;
import dev.jnas.api.data.Batch;
import dev.jnas.api.optim.Sgd;
import dev.jnas.api.BilevelProblem;
import dev.jnas.api.Supernet;
import java.util.List;

/** The DARTS bilevel problem at one step: cross-entropy plus the regularizers' penalties. */
final class DartsProblem implements BilevelProblem {

    private static final Loss CROSS_ENTROPY = Loss.softmaxCrossEntropyLoss();

    private final Supernet supernet;
    private final Sgd weightOptimizer;
    private final double learningRate;
    private final List<Regularizer> regularizers;
    private final double progress;

    DartsProblem(Supernet supernet, Sgd weightOptimizer, double learningRate, List<Regularizer> regularizers,
                 double progress) {
        this.supernet = supernet;
        this.weightOptimizer = weightOptimizer;
        this.learningRate = learningRate;
        this.regularizers = regularizers;
        this.progress = progress;
    }

    /** Mean cross-entropy of class scores against labels. */
    static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return CROSS_ENTROPY.evaluate(new NDList(labels), new NDList(logits));
    }

    /** The number of correct predictions. */
    static long correct(NDArray logits, NDArray labels) {
        return logits.argMax(1).eq(labels).countNonzero().getLong();
    }

    NDArray loss(NDArray logits, NDArray labels, Regularizer.Phase phase) {
        NDArray loss = crossEntropy(logits, labels);
        for (Regularizer r : regularizers) {
            NDArray penalty = r.penalty(supernet, phase, progress);
            if (penalty != null) {
                loss = loss.add(penalty);
            }
        }
        return loss;
    }

    @Override
    public Supernet supernet() {
        return supernet;
    }

    @Override
    public NDArray trainingLoss(Batch batch) {
        return loss(supernet.forward(batch.images(), true), batch.labels(), Regularizer.Phase.WEIGHTS);
    }

    @Override
    public NDArray validationLoss(Batch batch) {
        return loss(supernet.forward(batch.images(), true), batch.labels(), Regularizer.Phase.ARCHITECTURE);
    }

    @Override
    public Sgd weightOptimizer() {
        return weightOptimizer;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }
}
