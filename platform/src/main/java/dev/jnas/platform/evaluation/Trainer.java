package dev.jnas.platform.evaluation;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import dev.jnas.api.CheckpointState;
import dev.jnas.api.Checkpoints;
import dev.jnas.api.StepProgress;
import dev.jnas.api.data.Batch;
import dev.jnas.api.data.DataSplit;
import dev.jnas.api.error.DivergenceException;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.optim.CosineSchedule;
import dev.jnas.api.optim.GradientClipping;
import dev.jnas.api.optim.ParameterOptimizer;
import dev.jnas.api.optim.Sgd;
import dev.jnas.platform.run.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link TrainableNetwork} (a {@link DartsNetwork}, a NAS-Bench-201 network) from scratch as
 * the DARTS evaluation ({@code train.py}) does, and
 * measures it on the test split after every epoch.
 *
 * <p>The loop is explicit: {@link #run()} calls {@link #trainEpoch(int)} for each remaining epoch;
 * an epoch sets its learning rate ({@code lr(e)}, cosine from {@code learningRate} to
 * {@code learningRateMin}) and drop-path probability ({@code dropPath · e / epochs}), calls
 * {@link #trainStep} for each batch, then evaluates the test split in inference mode. A step
 * zeroes the gradients, runs the network with the step's drop-path masks, back-propagates the
 * cross-entropy plus {@code auxiliaryWeight ×} the auxiliary head's cross-entropy, clips the
 * global gradient norm and takes one SGD step (momentum, weight decay on every weight).
 *
 * <p>Everything random in a step is a pure function of (seed, epoch, step): the batch's images and
 * their augmentation come from the training split ({@link DataSplit#batch}), the drop-path masks
 * from {@link DropPath#random}. The state of a run is the network's parameters (with BatchNorm's
 * running statistics), the {@link Sgd} momentum buffers ({@link #optimizer()}), the per-epoch
 * history ({@link #history()}, kept in every checkpoint) and the {@link Progress} counters ({@link #progress()}: finished
 * epochs, images processed, seconds spent).
 *
 * <p>Each step and each evaluation batch runs in its own {@link NDScope}, so the live arrays stay
 * flat. Life-cycle: construct, {@link #run()}, {@link #close()} (frees the optimizer state; the
 * network and the data belong to the caller).
 *
 * <pre>{@code try (Trainer t = new Trainer(net, settings, train, test, manager, listeners)) { result = t.run(); }}</pre>
 */
public final class Trainer implements AutoCloseable {

    private static final Loss CROSS_ENTROPY = Loss.softmaxCrossEntropyLoss();
    private static final String IMAGES = "images_processed";
    private static final String TRAIN_SECONDS = "train_seconds";
    private static final String ELAPSED = "elapsed_seconds";
    private static final String LOSS_SUM = "epoch_loss_sum";
    private static final String CORRECT = "epoch_correct";
    private static final String EXAMPLES = "epoch_examples";
    private static final String EPOCH_SECONDS = "epoch_seconds";

    private final TrainableNetwork network;
    private final TrainSettings settings;
    private final DataSplit train;
    private final DataSplit test;
    private final NDManager manager;
    private final List<TrainListener> listeners;
    private final Checkpoints checkpoints;
    private final Sgd sgd;
    private final CosineSchedule schedule;
    private final int steps;
    private final List<TrainEpoch> history = new ArrayList<>();
    private Progress progress = Progress.START;

    /**
     * How far a run has come: the counters a run's state holds besides the weights, the optimizer
     * and the history.
     *
     * @param completedEpochs finished epochs; the next epoch to train has this 0-based index
     * @param imagesProcessed training images passed forward and backward
     * @param trainSeconds wall time of the training steps
     * @param elapsedSeconds wall time, test evaluations included
     */
    public record Progress(int completedEpochs, long imagesProcessed, double trainSeconds, double elapsedSeconds) {

        /** Before the first epoch. */
        public static final Progress START = new Progress(0, 0, 0, 0);

        Progress afterEpoch(long images, double stepSeconds, double epochSeconds) {
            return new Progress(completedEpochs + 1, imagesProcessed + images, trainSeconds + stepSeconds,
                    elapsedSeconds + epochSeconds);
        }
    }

    /**
     * @param train the training split, augmented as the settings say
     * @param test the split measured after every epoch
     * @param manager where batches and the optimizer state live (the network's device)
     * @param checkpoints where the run is saved at every epoch end and every {@code interval()} steps, and
     *     restored from when it is resumed
     * @throws JnasException if the training split holds too few images for one batch
     */
    public Trainer(TrainableNetwork network, TrainSettings settings, DataSplit train, DataSplit test, NDManager manager,
                   List<TrainListener> listeners, Checkpoints checkpoints) {
        this.network = network;
        this.checkpoints = checkpoints;
        this.settings = settings;
        this.train = train;
        this.test = test;
        this.manager = manager;
        this.listeners = List.copyOf(listeners);
        this.steps = train.batches(settings.batchSize());
        if (steps == 0) {
            throw new JnasException(train.size() + " training images make no batch of two or more");
        }
        this.schedule = new CosineSchedule(settings.learningRate(), settings.learningRateMin(), settings.epochs());
        this.sgd = new Sgd(network.weights(), manager, settings.momentum(), settings.weightDecay());
    }

    /** Trains the remaining epochs (after the last checkpoint, when resumed) and returns the final result. */
    public TrainResult run() {
        listeners.forEach(l -> l.onStart(settings.epochs(), steps));
        CheckpointState resumed = checkpoints.restore(network, optimizers()).orElse(null);
        int startStep = 0;
        Tally partial = new Tally();
        double partialSeconds = 0;
        if (resumed != null) {
            progress = new Progress(resumed.epoch(), (long) resumed.counter(IMAGES, 0),
                    resumed.counter(TRAIN_SECONDS, 0), resumed.counter(ELAPSED, 0));
            startStep = resumed.step();
            partial = new Tally(resumed.counter(LOSS_SUM, 0), (long) resumed.counter(CORRECT, 0),
                    (long) resumed.counter(EXAMPLES, 0));
            partialSeconds = resumed.counter(EPOCH_SECONDS, 0);
            history.clear();
            history.addAll(readHistory(resumed));
        }
        while (progress.completedEpochs() < settings.epochs()) {
            trainEpoch(progress.completedEpochs(), startStep, partial, partialSeconds);
            startStep = 0;
            partial = new Tally();
            partialSeconds = 0;
        }
        TrainEpoch last = history.get(history.size() - 1);
        return new TrainResult(last.testAccuracy(), last.testLoss(), last.trainAccuracy(), network.weightCount(),
                network.auxiliaryWeightCount(), progress.completedEpochs(), progress.imagesProcessed(),
                progress.trainSeconds(), progress.elapsedSeconds());
    }

    private Map<String, ParameterOptimizer> optimizers() {
        return Map.of("weights", sgd);
    }

    /** Trains epoch {@code epoch} (0-based) from its first step. */
    public TrainEpoch trainEpoch(int epoch) {
        return trainEpoch(epoch, 0, new Tally(), 0);
    }

    /**
     * Trains epoch {@code epoch} from step {@code firstStep} on (the steps before it are in
     * {@code sofar}, taking {@code secondsBefore}), evaluates the test split, records, reports and
     * checkpoints the epoch.
     */
    private TrainEpoch trainEpoch(int epoch, int firstStep, Tally sofar, double secondsBefore) {
        long start = System.nanoTime();
        double lr = schedule.at(epoch);
        double dropProb = DropPath.probability(settings.dropPath(), epoch, settings.epochs());
        Tally epochTally = new Tally();
        epochTally.add(sofar);
        for (int step = firstStep; step < steps; step++) {
            Tally tally = trainStep(epoch, step, lr, dropProb);
            if (!Double.isFinite(tally.loss())) {
                throw new DivergenceException("the training loss is " + tally.loss() + " at epoch " + (epoch + 1)
                        + ", step " + (step + 1) + "; last good checkpoint: " + checkpoints.lastSaved());
            }
            epochTally.add(tally);
            StepProgress stepProgress = new StepProgress(epoch + 1, step + 1, steps, epochTally.loss(),
                    epochTally.accuracy());
            listeners.forEach(l -> l.onStep(stepProgress));
            int done = step + 1;
            if (checkpoints.interval() > 0 && done % checkpoints.interval() == 0 && done < steps) {
                checkpoints.save(new CheckpointState(epoch, done, Map.of(IMAGES, (double) progress.imagesProcessed(),
                        TRAIN_SECONDS, progress.trainSeconds(), ELAPSED, progress.elapsedSeconds(),
                        LOSS_SUM, epochTally.lossSum, CORRECT, (double) epochTally.correct,
                        EXAMPLES, (double) epochTally.examples, EPOCH_SECONDS, secondsBefore + seconds(start)),
                        List.of(), records()), network, optimizers());
            }
        }
        double stepSeconds = secondsBefore + seconds(start);
        Tally testTally = evaluate(test);
        progress = progress.afterEpoch(epochTally.examples(), stepSeconds, secondsBefore + seconds(start));
        TrainEpoch report = new TrainEpoch(epoch + 1, epochTally.loss(), epochTally.accuracy(), testTally.loss(),
                testTally.accuracy(), lr, dropProb, progress.imagesProcessed(), progress.elapsedSeconds());
        history.add(report);
        listeners.forEach(l -> l.onEpoch(report));
        checkpoints.save(new CheckpointState(epoch + 1, 0, Map.of(IMAGES, (double) progress.imagesProcessed(),
                TRAIN_SECONDS, progress.trainSeconds(), ELAPSED, progress.elapsedSeconds()), List.of(), records()),
                network, optimizers());
        return report;
    }

    /** The finished epochs' reports as the checkpoint keeps them. */
    private List<JsonNode> records() {
        List<JsonNode> records = new ArrayList<>(history.size());
        for (TrainEpoch epoch : history) {
            records.add(Json.COMPACT.valueToTree(epoch));
        }
        return records;
    }

    /**
     * The finished epochs' reports kept in a checkpoint.
     *
     * @throws JnasException if the checkpoint holds another number of reports than finished epochs
     */
    public static List<TrainEpoch> readHistory(CheckpointState state) {
        if (state.records().size() != state.epoch()) {
            throw new JnasException("the checkpoint holds " + state.records().size() + " epoch records for "
                    + state.epoch() + " finished epochs; it was not written by jnas train");
        }
        List<TrainEpoch> epochs = new ArrayList<>(state.records().size());
        for (JsonNode record : state.records()) {
            try {
                epochs.add(Json.COMPACT.treeToValue(record, TrainEpoch.class));
            } catch (JsonProcessingException e) {
                throw new JnasException("bad epoch record in the checkpoint: " + e.getOriginalMessage());
            }
        }
        return epochs;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * One SGD step on batch {@code step} of epoch {@code epoch}.
     *
     * @return the batch's minimised loss, correct predictions and size
     */
    public Tally trainStep(int epoch, int step, double lr, double dropProb) {
        try (NDScope scope = new NDScope()) {
            Batch batch = train.batch(manager, epoch, step, settings.batchSize());
            NDArray masks = dropProb > 0
                    ? DropPath.masks(manager, network.dropPathSites(), batch.size(), dropProb,
                            DropPath.random(settings.seed(), epoch, step))
                    : null;
            sgd.zeroGradients();
            Tally tally = new Tally();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList outputs = network.forward(batch.images(), masks, true);
                NDArray objective = crossEntropy(outputs.get(0), batch.labels());
                if (outputs.size() > 1) {
                    NDArray weight = manager.full(new Shape(), (float) settings.auxiliaryWeight());
                    objective = objective.add(crossEntropy(outputs.get(1), batch.labels()).mul(weight));
                }
                collector.backward(objective);
                tally.add(objective, outputs.get(0), batch.labels());
            }
            GradientClipping.clipGlobalNorm(sgd.parameters(), settings.gradientClip());
            sgd.step(lr);
            scope.suppressNotUsedWarning();
            return tally;
        }
    }

    /** Mean cross-entropy and accuracy of the network in inference mode over a whole split. */
    public Tally evaluate(DataSplit split) {
        Tally tally = new Tally();
        int batchSize = settings.batchSize();
        for (int i = 0; i < split.batches(batchSize); i++) {
            try (NDScope scope = new NDScope()) {
                Batch batch = split.batch(manager, 0, i, batchSize);
                NDArray logits = network.forward(batch.images(), null, false).get(0);
                tally.add(crossEntropy(logits, batch.labels()), logits, batch.labels());
                scope.suppressNotUsedWarning();
            }
        }
        return tally;
    }

    /** Running sums of loss and correct predictions over examples. */
    public static final class Tally {

        private double lossSum;
        private long correct;
        private long examples;

        Tally() {
        }

        Tally(double lossSum, long correct, long examples) {
            this.lossSum = lossSum;
            this.correct = correct;
            this.examples = examples;
        }

        /** Adds a batch: its mean loss and, from its logits, its correct predictions. */
        void add(NDArray meanLoss, NDArray logits, NDArray labels) {
            long n = labels.size();
            lossSum += meanLoss.getFloat() * n;
            correct += logits.argMax(1).eq(labels).countNonzero().getLong();
            examples += n;
        }

        void add(Tally other) {
            lossSum += other.lossSum;
            correct += other.correct;
            examples += other.examples;
        }

        /** The mean loss per example; 0 before any. */
        public double loss() {
            return examples == 0 ? 0 : lossSum / examples;
        }

        /** The share of examples classified right; 0 before any. */
        public double accuracy() {
            return examples == 0 ? 0 : (double) correct / examples;
        }

        /** The number of examples. */
        public long examples() {
            return examples;
        }
    }

    private static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return CROSS_ENTROPY.evaluate(new NDList(labels), new NDList(logits));
    }

    /** The optimizer, whose state is the momentum buffers by parameter path. */
    public Sgd optimizer() {
        return sgd;
    }

    /** The finished epochs' reports, in order. */
    public List<TrainEpoch> history() {
        return Collections.unmodifiableList(history);
    }

    /** How far the run has come. */
    public Progress progress() {
        return progress;
    }

    @Override
    public void close() {
        sgd.close();
    }
}
