package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.jnas.api.Checkpoints;
import dev.jnas.api.Operation;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.data.SearchData;
import dev.jnas.platform.data.DatasetSource;
import dev.jnas.platform.data.Datasets;
import dev.jnas.platform.evaluation.DartsNetwork;
import dev.jnas.platform.evaluation.Genotypes;
import dev.jnas.platform.evaluation.TrainSettings;
import dev.jnas.platform.evaluation.Trainer;
import dev.jnas.platform.plugin.Extensions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link Trainer} uses the optimizer settings it is given: the cosine schedule from the
 * learning rate to its minimum over the epochs, the gradient-norm bound, the momentum and the
 * weight decay. A tiny network (C=2, 3 cells) on 16 images of the embedded sample.
 */
class TrainerTest {

    private static final DatasetInfo INFO = DatasetInfo.FASHION_MNIST;

    private static Map<String, Operation> operations() {
        EngineSupport.start(1);
        return Extensions.load(Path.of(System.getProperty("jnas.home")).resolve("plugins")).byId(Operation.class);
    }

    /** The protocol's optimizer on a tiny network, with {@code epochs} and {@code clip} as given. */
    private static TrainSettings settings(int epochs, double clip) {
        TrainSettings paper = TrainSettings.darts(INFO, 1);
        return new TrainSettings("darts", INFO.name(), epochs, 8, 2, 3, 1, 16, paper.learningRate(), paper.learningRateMin(),
                paper.momentum(), paper.weightDecay(), clip, true, paper.auxiliaryWeight(), 0, 0, 0, false);
    }

    /** The weights, in a fixed order, as doubles. */
    private static double[] snapshot(DartsNetwork net) {
        List<Double> all = new ArrayList<>();
        net.weights().values().forEach(p -> {
            for (float v : p.getArray().toFloatArray()) {
                all.add((double) v);
            }
        });
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    @Test
    void theLearningRateFollowsTheCosineFromTheSettingsDownToZeroAtTheLastEpoch() {
        Map<String, Operation> ops = operations();
        SearchData data = Datasets.load(DatasetSource.sample(), INFO, 1, 0.5, 32);
        TrainSettings settings = settings(600, 5);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            DartsNetwork net = DartsNetwork.build(manager, Genotypes.builtIn("darts-v2"), ops, INFO, 2, 3, true);
            try (Trainer trainer = new Trainer(net, settings, data.train(), data.valid(), manager, List.of(),
                    Checkpoints.NONE)) {
                assertEquals(0.025, trainer.trainEpoch(0).learningRate(), 1e-15);
                assertEquals(0.0125, trainer.trainEpoch(300).learningRate(), 1e-15);
                assertEquals(0.025 * (1 - Math.cos(Math.PI / 600)) / 2, trainer.trainEpoch(599).learningRate(), 1e-15,
                        "the last epoch is one step of the cosine above its end, 0");
            }
        }
    }

    /**
     * Two steps at learning rate 1 with the gradient norm bounded at 0.05 (far below the gradient
     * of an untrained network): the update of each step, less the weight decay and the previous
     * step's momentum, is a gradient of norm exactly 0.05.
     */
    @Test
    void eachStepClipsTheGradientNormAndAddsMomentumAndWeightDecay() {
        Map<String, Operation> ops = operations();
        SearchData data = Datasets.load(DatasetSource.sample(), INFO, 1, 1.0, 16);
        double clip = 0.05;
        TrainSettings settings = settings(1, clip);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            DartsNetwork net = DartsNetwork.build(manager, Genotypes.builtIn("darts-v2"), ops, INFO, 2, 3, true);
            try (Trainer trainer = new Trainer(net, settings, data.train(), data.test(), manager, List.of(),
                    Checkpoints.NONE)) {
                assertEquals(0.9, trainer.optimizer().momentum());
                assertEquals(3e-4, trainer.optimizer().weightDecay());
                double[] w0 = snapshot(net);
                trainer.trainStep(0, 0, 1.0, 0);
                double[] w1 = snapshot(net);
                trainer.trainStep(0, 1, 1.0, 0);
                double[] w2 = snapshot(net);
                double[] g1 = new double[w0.length];
                double[] g2 = new double[w0.length];
                for (int i = 0; i < w0.length; i++) {
                    double buffer1 = w0[i] - w1[i];
                    g1[i] = buffer1 - 3e-4 * w0[i];
                    g2[i] = (w1[i] - w2[i]) - 0.9 * buffer1 - 3e-4 * w1[i];
                }
                assertEquals(clip, norm(g1), clip * 1e-3, "the first step's clipped gradient");
                assertEquals(clip, norm(g2), clip * 1e-3, "the second step's clipped gradient, momentum taken out");
            }
        }
    }
}
