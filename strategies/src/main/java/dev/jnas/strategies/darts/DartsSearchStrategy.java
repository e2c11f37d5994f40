package dev.jnas.strategies.darts;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.jnas.api.HypergradientEstimator;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.data.Batch;
import dev.jnas.api.data.DataSplit;
import dev.jnas.api.optim.Adam;
import dev.jnas.api.optim.CosineSchedule;
import dev.jnas.api.optim.GradientClipping;
import dev.jnas.api.optim.ParameterOptimizer;
import dev.jnas.api.optim.Sgd;
import dev.jnas.api.EpochReport;
import dev.jnas.api.SearchContext;
import dev.jnas.api.SearchListener;
import dev.jnas.api.SearchResult;
import dev.jnas.api.SearchSettings;
import dev.jnas.api.StepProgress;
import dev.jnas.api.Supernet;
import dev.jnas.api.space.Genotype;
import dev.jnas.api.space.GenotypeDerivation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * DARTS (Liu et al., 2019): alternate an architecture step on a validation batch (the context's
 * hypergradient estimator, then Adam on α) and a weight step on a training batch (SGD with
 * momentum, cosine-annealed learning rate, global-norm clipping). After each epoch the supernet is
 * measured on the validation part and a genotype is derived.
 */
@Extension
public class DartsSearchStrategy implements SearchStrategy {

    @Override
    public String id() {
        return "darts";
    }

    @Override
    public String description() {
        return "DARTS: differentiable search over a softmax-relaxed cell supernet";
    }

    @Override
    public SearchResult search(SearchContext context) {
        SearchSettings s = context.settings();
        Supernet supernet = context.supernet();
        NDManager manager = context.manager();
        HypergradientEstimator estimator = context.estimator();
        SearchListener listener = context.listener();
        DataSplit train = context.data().train();
        DataSplit valid = context.data().valid();
        int steps = train.batches(s.batchSize());
        int validBatches = valid.batches(s.batchSize());
        CosineSchedule schedule = new CosineSchedule(s.learningRate(), s.learningRateMin(), s.epochs());
        List<EpochReport> history = new ArrayList<>();
        Genotype genotype = null;
        long start = System.nanoTime();
        listener.onStart(s.epochs(), steps);
        try (Sgd sgd = new Sgd(supernet.weights(), manager, s.momentum(), s.weightDecay());
             Adam adam = new Adam(supernet.alphas(), manager, s.archBeta1(), s.archBeta2(), 1e-8,
                     s.archWeightDecay())) {
            for (int epoch = 0; epoch < s.epochs(); epoch++) {
                double lr = schedule.at(epoch);
                double lossSum = 0;
                long correct = 0;
                long seen = 0;
                for (int step = 0; step < steps; step++) {
                    double progress = (epoch + (double) step / steps) / s.epochs();
                    DartsProblem problem = new DartsProblem(supernet, sgd, lr, context.regularizers(), progress);
                    try (NDScope scope = new NDScope()) {
                        Batch trainBatch = train.batch(manager, epoch, step, s.batchSize());
                        Batch validBatch = valid.batch(manager, epoch, step % validBatches, s.batchSize());
                        // each phase frees its graph's arrays before the next one builds its own
                        try (NDScope architecture = new NDScope()) {
                            estimator.estimate(problem, trainBatch, validBatch);
                            adam.step(s.archLearningRate());
                            architecture.suppressNotUsedWarning();
                        }
                        float[] lossAndCorrect;
                        try (NDScope weights = new NDScope()) {
                            lossAndCorrect = weightStep(problem, sgd, trainBatch, lr, s.gradientClip());
                            weights.suppressNotUsedWarning();
                        }
                        lossSum += lossAndCorrect[0] * trainBatch.size();
                        correct += (long) lossAndCorrect[1];
                        seen += trainBatch.size();
                        scope.suppressNotUsedWarning();
                    }
                    listener.onStep(new StepProgress(epoch + 1, step + 1, steps, lossSum / seen, (double) correct / seen));
                }
                double[] validation = evaluate(supernet, valid, manager, s.batchSize());
                float[][][] weights = supernet.alphaWeights();
                genotype = GenotypeDerivation.derive(supernet.space(), weights[0], weights[1]);
                Map<String, float[][]> alphas = new LinkedHashMap<>();
                alphas.put(Supernet.NORMAL, weights[0]);
                alphas.put(Supernet.REDUCE, weights[1]);
                EpochReport report = new EpochReport(epoch + 1, lossSum / seen, (double) correct / seen,
                        validation[0], validation[1], alphas, genotype, (System.nanoTime() - start) / 1e9);
                history.add(report);
                listener.onEpoch(report);
            }
        }
        return new SearchResult(genotype, history);
    }

    /** One weight update on a training batch; returns the batch's loss and number of correct predictions. */
    static float[] weightStep(DartsProblem problem, Sgd sgd, Batch batch, double lr, double clip) {
        Supernet supernet = problem.supernet();
        sgd.zeroGradients();
        ParameterOptimizer.setRequiresGradient(supernet.alphas(), false);
        float loss;
        long correct;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logits = supernet.forward(batch.images(), true);
            NDArray objective = problem.loss(logits, batch.labels(), dev.jnas.api.Regularizer.Phase.WEIGHTS);
            collector.backward(objective);
            loss = DartsProblem.crossEntropy(logits, batch.labels()).getFloat();
            correct = DartsProblem.correct(logits, batch.labels());
        } finally {
            ParameterOptimizer.setRequiresGradient(supernet.alphas(), true);
        }
        GradientClipping.clipGlobalNorm(sgd.parameters(), clip);
        sgd.step(lr);
        return new float[] {loss, correct};
    }

    /** Mean loss and accuracy of the supernet (inference mode) over a whole split. */
    static double[] evaluate(Supernet supernet, DataSplit split, NDManager manager, int batchSize) {
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        for (int i = 0; i < split.batches(batchSize); i++) {
            try (NDScope scope = new NDScope()) {
                Batch batch = split.batch(manager, 0, i, batchSize);
                NDArray logits = supernet.forward(batch.images(), false);
                lossSum += DartsProblem.crossEntropy(logits, batch.labels()).getFloat() * batch.size();
                correct += DartsProblem.correct(logits, batch.labels());
                seen += batch.size();
                scope.suppressNotUsedWarning();
            }
        }
        return new double[] {seen == 0 ? 0 : lossSum / seen, seen == 0 ? 0 : (double) correct / seen};
    }
}
