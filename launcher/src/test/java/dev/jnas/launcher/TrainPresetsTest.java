package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnas.api.data.DatasetInfo;
import dev.jnas.platform.evaluation.TrainSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The settings a {@code jnas train} command line resolves to, as they go to {@code config.json}:
 * the DARTS evaluation protocol without a preset, each preset's documented values, and explicit
 * options over both. Parsing only: nothing is built or read.
 */
class TrainPresetsTest {

    /** Parses {@code jnas train OPTIONS} as the CLI does. */
    private static TrainCommand parse(String... options) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(List.of(options));
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
        return (TrainCommand) parsed.subcommand().commandSpec().userObject();
    }

    private static TrainSettings resolve(String... options) {
        TrainCommand train = parse(options);
        return train.settings(train.data.info(), "darts");
    }

    @Test
    void withoutAPresetTheSettingsAreTheDartsEvaluationProtocol() {
        TrainSettings s = resolve();
        assertEquals("fashion-mnist", s.dataset());
        assertEquals(600, s.epochs());
        assertEquals(96, s.batchSize());
        assertEquals(36, s.channels());
        assertEquals(20, s.cells());
        assertEquals(0, s.trainLimit(), "all training images");
        assertEquals(0, s.seed());
        assertEquals(0.025, s.learningRate());
        assertEquals(0.0, s.learningRateMin(), "cosine-annealed to 0");
        assertEquals(0.9, s.momentum());
        assertEquals(3e-4, s.weightDecay());
        assertEquals(5.0, s.gradientClip());
        assertEquals(16, s.cutout());
        assertEquals(0.2, s.dropPath());
        assertEquals(0.4, s.auxiliaryWeight());
        assertTrue(s.auxiliary(), "the auxiliary head is on");
        assertEquals(TrainSettings.darts(DatasetInfo.FASHION_MNIST, 0), s, "the platform's protocol factory agrees");
    }

    @Test
    void onlyCifar10GetsRandomCropsAndFlips() {
        TrainSettings cifar = resolve("--dataset", "cifar10");
        assertEquals(4, cifar.cropPadding());
        assertTrue(cifar.flip());
        assertEquals(16, cifar.cutout());
        assertEquals(TrainSettings.darts(DatasetInfo.CIFAR10, 0), cifar);

        TrainSettings fashion = resolve("--dataset", "fashion-mnist");
        assertEquals(0, fashion.cropPadding(), "the reference crops CIFAR only");
        assertFalse(fashion.flip(), "the reference flips CIFAR only");
        assertEquals(16, fashion.cutout(), "cutout applies to every dataset");
    }

    @Test
    void thePaperPresetIsTheDefault() {
        assertEquals(resolve(), resolve("--preset", "paper"));
        assertEquals(resolve("--dataset", "cifar10"), resolve("--preset", "paper", "--dataset", "cifar10"));
    }

    @Test
    void theQuickPresetIsTheDocumentedLaptopRun() {
        TrainSettings s = resolve("--preset", "quick");
        assertEquals(5, s.epochs());
        assertEquals(32, s.batchSize());
        assertEquals(8, s.channels());
        assertEquals(5, s.cells());
        assertEquals(0, s.trainLimit(), "all 3,000 images of the sample");
        assertFalse(s.auxiliary(), "no auxiliary head");
        assertEquals(0, s.cutout(), "no cutout");
        assertEquals(0.2, s.dropPath());
        TrainCommand quick = parse("--preset", "quick");
        assertEquals("sample", quick.data.token(quick.data.info()), "the embedded sample");
        TrainSettings paper = resolve();
        assertEquals(paper.learningRate(), s.learningRate(), "the optimizer stays the protocol's");
        assertEquals(paper.learningRateMin(), s.learningRateMin());
        assertEquals(paper.momentum(), s.momentum());
        assertEquals(paper.weightDecay(), s.weightDecay());
        assertEquals(paper.gradientClip(), s.gradientClip());
        assertEquals(paper.auxiliaryWeight(), s.auxiliaryWeight());

        TrainSettings cifar = resolve("--preset", "quick", "--dataset", "cifar10");
        assertEquals(4, cifar.cropPadding());
        assertTrue(cifar.flip());
        assertEquals(0, cifar.cutout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"quick", "paper"})
    void explicitOptionsOverrideThePreset(String preset) {
        TrainSettings s = resolve("--preset", preset, "--epochs", "7", "--batch-size", "12", "-C", "4",
                "--cells", "6", "--train-limit", "100", "--learning-rate", "0.05", "--drop-path", "0.3",
                "--cutout", "8", "--auxiliary-weight", "0.25", "--seed", "9", "--dataset", "cifar10");
        assertEquals("cifar10", s.dataset());
        assertEquals(7, s.epochs());
        assertEquals(12, s.batchSize());
        assertEquals(4, s.channels());
        assertEquals(6, s.cells());
        assertEquals(100, s.trainLimit());
        assertEquals(0.05, s.learningRate());
        assertEquals(0.0, s.learningRateMin());
        assertEquals(0.3, s.dropPath());
        assertEquals(8, s.cutout());
        assertEquals(0.25, s.auxiliaryWeight());
        assertEquals(9, s.seed());
        assertEquals(4, s.cropPadding());
        assertTrue(s.flip());
    }

    @Test
    void theAuxiliaryHeadCanBeSwitchedEitherWay() {
        assertTrue(resolve("--preset", "quick", "--auxiliary").auxiliary());
        assertFalse(resolve("--preset", "paper", "--no-auxiliary").auxiliary());
        assertFalse(resolve("--no-auxiliary").auxiliary());
        assertEquals(0, resolve("--cutout", "0").cutout());
    }
}
