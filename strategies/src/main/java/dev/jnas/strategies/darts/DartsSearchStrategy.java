package dev.jnas.strategies.darts;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.jnas.api.CheckpointState;
import dev.jnas.api.Checkpoints;
import dev.jnas.api.HypergradientEstimator;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.data.Batch;
import dev.jnas.api.error.DivergenceException;
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
import dev.jnas.api.space.Architecture;
import dev.jnas.api.space.Genotype;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * DARTS (Liu et al., 2019): alternate an architecture step on a validation batch (the context's
 * hypergradient estimator, then Adam on α) and a weight step on a training batch (SGD with
 * momentum, cosine-annealed learning rate, global-norm clipping). After each epoch the supernet is
 * measured on the validation part and the architecture is derived in the supernet's space (a DARTS
 * genotype, or a NAS-Bench-201 cell). The run is checkpointed at every
 * epoch end and every {@link Checkpoints#interval()} steps, and resumes from the last checkpoint
 * with the same result as an uninterrupted run: the batches of a step are a function of
 * (seed, epoch, step), and no other randomness is drawn after the supernet is built.
 */
@Extension
public class DartsSearchStrategy implements SearchStrategy {

    private static final String LOSS_SUM = "train_loss_sum";
    private static final String CORRECT = "train_correct";
    private static final String SEEN = "train_seen";
    private static final String ELAPSED = "elapsed_seconds";
    private static final String IMAGES = "images_processed";

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
        Checkpoints checkpoints = context.checkpoints();
        DataSplit train = context.data().train();
        DataSplit valid = context.data().valid();
        int steps = train.batches(s.batchSize());
        int validBatches = valid.batches(s.batchSize());
        CosineSchedule schedule = new CosineSchedule(s.learningRate(), s.learningRateMin(), s.epochs());
        long start = System.nanoTime();
        try (Sgd sgd = new Sgd(supernet.weights(), manager, s.momentum(), s.weightDecay());
             Adam adam = new Adam(supernet.alphas(), manager, s.archBeta1(), s.archBeta2(), 1e-8,
                     s.archWeightDecay())) {
            Map<String, ParameterOptimizer> optimizers = Map.of("weights", sgd, "alphas", adam);
            CheckpointState resumed = checkpoints.restore(supernet.block(), optimizers)
                    .orElse(new CheckpointState(0, 0, Map.of(), List.of()));
            List<EpochReport> history = new ArrayList<>(resumed.history());
            double elapsedBefore = resumed.counter(ELAPSED, 0);
            long images = (long) resumed.counter(IMAGES, 0);
            listener.onStart(s.epochs(), steps);
            for (int epoch = resumed.epoch(); epoch < s.epochs(); epoch++) {
                double lr = schedule.at(epoch);
                boolean continuing = epoch == resumed.epoch();
                double lossSum = continuing ? resumed.counter(LOSS_SUM, 0) : 0;
                long correct = continuing ? (long) resumed.counter(CORRECT, 0) : 0;
                long seen = continuing ? (long) resumed.counter(SEEN, 0) : 0;
                for (int step = continuing ? resumed.step() : 0; step < steps; step++) {
                    double progress = (epoch + (double) step / steps) / s.epochs();
                    DartsProblem problem = new DartsProblem(supernet, sgd, lr, context.regularizers(), progress);
                    try (NDScope scope = new NDScope()) {
                        Batch trainBatch = train.batch(manager, epoch, step, s.batchSize());
                        Batch validBatch = valid.batch(manager, epoch, step % validBatches, s.batchSize());
                        // each phase frees its graph's arrays before the next one builds its own
                        try (NDScope architecture = new NDScope()) {
                            float validLoss = estimator.estimate(problem, trainBatch, validBatch);
                            requireFinite("validation", validLoss, epoch, step, checkpoints);
                            adam.step(s.archLearningRate());
                            architecture.suppressNotUsedWarning();
                        }
                        float[] lossAndCorrect;
                        try (NDScope weights = new NDScope()) {
                            lossAndCorrect = weightStep(problem, sgd, trainBatch, lr, s.gradientClip());
                            weights.suppressNotUsedWarning();
                        }
                        requireFinite("training", lossAndCorrect[0], epoch, step, checkpoints);
                        lossSum += lossAndCorrect[0] * trainBatch.size();
                        correct += (long) lossAndCorrect[1];
                        seen += trainBatch.size();
                        images += trainBatch.size() + validBatch.size();
                        scope.suppressNotUsedWarning();
                    }
                    listener.onStep(new StepProgress(epoch + 1, step + 1, steps, lossSum / seen, (double) correct / seen));
                    int done = step + 1;
                    if (checkpoints.interval() > 0 && done % checkpoints.interval() == 0 && done < steps) {
                        checkpoints.save(new CheckpointState(epoch, done, Map.of(LOSS_SUM, lossSum,
                                        CORRECT, (double) correct, SEEN, (double) seen, IMAGES, (double) images,
                                        ELAPSED, elapsedBefore + seconds(start)), history),
                                supernet.block(), optimizers);
                    }
                }
                double[] validation = evaluate(supernet, valid, manager, s.batchSize());
                float[][][] weights = supernet.alphaWeights();
                Map<String, float[][]> alphas = new LinkedHashMap<>();
                for (int t = 0; t < weights.length; t++) {
                    alphas.put(supernet.cellTypes().get(t), weights[t]);
                }
                Architecture<?> derived = supernet.derive(weights);
                EpochReport report = new EpochReport(epoch + 1, lossSum / seen, (double) correct / seen,
                        validation[0], validation[1], alphas,
                        derived.value() instanceof Genotype genotype ? genotype : null, derived.text(),
                        elapsedBefore + seconds(start), images);
                history.add(report);
                listener.onEpoch(report);
                checkpoints.save(new CheckpointState(epoch + 1, 0, Map.of(ELAPSED, report.elapsedSeconds(),
                                IMAGES, (double) images), history), supernet.block(), optimizers);
            }
            Genotype genotype = history.isEmpty() ? null : history.get(history.size() - 1).genotype();
            return new SearchResult(genotype, history);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void requireFinite(String which, float loss, int epoch, int step, Checkpoints checkpoints) {
        if (!Float.isFinite(loss)) {
            throw new DivergenceException("the " + which + " loss is " + loss + " at epoch " + (epoch + 1) + ", step "
                    + (step + 1) + "; last good checkpoint: " + checkpoints.lastSaved());
        }
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
