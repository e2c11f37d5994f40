package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.jnas.api.Checkpoints;
import dev.jnas.api.Operation;
import dev.jnas.api.StepProgress;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.data.SearchData;
import dev.jnas.platform.data.DatasetSource;
import dev.jnas.platform.data.Datasets;
import dev.jnas.platform.evaluation.DartsNetwork;
import dev.jnas.platform.evaluation.DropPath;
import dev.jnas.platform.evaluation.Genotypes;
import dev.jnas.platform.evaluation.TrainListener;
import dev.jnas.platform.evaluation.TrainSettings;
import dev.jnas.platform.evaluation.Trainer;
import dev.jnas.platform.plugin.Extensions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The evaluation network with the standard operations: outputs, gradients, and a flat memory footprint. */
class DartsNetworkTest {

    private static Map<String, Operation> operations() {
        EngineSupport.start(1);
        return Extensions.load(Path.of(System.getProperty("jnas.home")).resolve("plugins")).byId(Operation.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fashion-mnist", "cifar10"})
    void theAuxiliaryHeadAddsLogitsInTrainingOnly(String dataset) {
        DatasetInfo info = DatasetInfo.byName(dataset);
        Map<String, Operation> ops = operations();
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape input = new Shape(3, info.channels(), info.height(), info.width());
            NDArray images = manager.randomNormal(input);
            DartsNetwork withHead = DartsNetwork.build(manager, Genotypes.builtIn("darts-v2"), ops, info, 2, 3, true);
            NDArray masks = DropPath.masks(manager, withHead.dropPathSites(), 3, 0.2, DropPath.random(0, 1, 0));
            NDList training = withHead.forward(images, masks, true);
            assertEquals(2, training.size());
            assertEquals(new Shape(3, 10), training.get(0).getShape());
            assertEquals(new Shape(3, 10), training.get(1).getShape());
            NDList inference = withHead.forward(images, null, false);
            assertEquals(1, inference.size());
            assertEquals(new Shape(3, 10), inference.get(0).getShape());

            DartsNetwork plain = DartsNetwork.build(manager, Genotypes.builtIn("darts-v1"), ops, info, 2, 3, false);
            assertEquals(1, plain.forward(images, null, true).size());
            assertEquals(0, plain.auxiliaryWeightCount());
        }
    }

    @Test
    void everyWeightGetsAGradientFromBothHeads() {
        DatasetInfo info = DatasetInfo.CIFAR10;
        try (NDManager manager = NDManager.newBaseManager()) {
            DartsNetwork net = DartsNetwork.build(manager, Genotypes.builtIn("darts-v2"), operations(), info, 2, 3,
                    true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList out = net.forward(manager.randomNormal(new Shape(2, 3, 32, 32)), null, true);
                collector.backward(out.get(0).square().sum().add(out.get(1).square().sum()));
            }
            List<String> without = new ArrayList<>();
            net.weights().forEach((name, p) -> {
                if (p.getArray().getGradient().abs().sum().getFloat() == 0f) {
                    without.add(name);
                }
            });
            assertTrue(without.isEmpty(), "no gradient: " + without);
        }
    }

    @Test
    void trainingKeepsTheLiveArraysFlat() {
        Map<String, Operation> ops = operations();
        SearchData data = Datasets.load(DatasetSource.sample(), DatasetInfo.FASHION_MNIST, 1, 1.0, 48);
        TrainSettings paper = TrainSettings.darts(DatasetInfo.FASHION_MNIST, 1);
        TrainSettings settings = new TrainSettings("darts", "fashion-mnist", 2, 8, 2, 3, 1, 48, paper.learningRate(), 0,
                paper.momentum(), paper.weightDecay(), paper.gradientClip(), true, 0.4, 0.2, 8, 0, false);
        List<Integer> live = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            DartsNetwork net = DartsNetwork.build(manager, Genotypes.builtIn("darts-v2"), ops, data.info(), 2, 3, true);
            TrainListener counter = new TrainListener() {
                @Override
                public void onStep(StepProgress progress) {
                    live.add(manager.getManagedArrays().size());
                }
            };
            try (Trainer trainer = new Trainer(net, settings, settings.augmentation().applyTo(data.train()),
                    data.train(), manager, List.of(counter), Checkpoints.NONE)) {
                trainer.run();
                assertEquals(2, trainer.progress().completedEpochs());
                assertEquals(96, trainer.progress().imagesProcessed());
            }
        }
        assertEquals(12, live.size(), "two epochs of 6 steps");
        for (int i = 1; i < live.size(); i++) {
            assertEquals(live.get(0), live.get(i), "live arrays after step " + (i + 1) + ": " + live);
        }
    }
}
