package dev.jnas.launcher;

import static dev.jnas.launcher.SizeOptions.pick;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.jnas.api.CheckpointState;
import dev.jnas.api.Operation;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.data.SearchData;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.Nb201Space;
import dev.jnas.launcher.logging.LogSink;
import dev.jnas.platform.data.Augmentation;
import dev.jnas.platform.data.Datasets;
import dev.jnas.platform.evaluation.NetworkSummary;
import dev.jnas.platform.evaluation.TrainConfig;
import dev.jnas.platform.evaluation.TrainListener;
import dev.jnas.platform.evaluation.TrainResult;
import dev.jnas.platform.evaluation.TrainSettings;
import dev.jnas.platform.evaluation.TrainableNetwork;
import dev.jnas.platform.evaluation.TrainedArchitecture;
import dev.jnas.platform.evaluation.Trainer;
import dev.jnas.platform.run.FileCheckpoints;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.run.RunDirectory;
import dev.jnas.platform.run.RunRecorder;
import dev.jnas.platform.trials.Networks;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jnas train}: trains a genotype from scratch, reports its test accuracy and writes a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a cell architecture (DARTS genotype or NAS-Bench-201 cell) from scratch and report its "
                + "test accuracy.",
            "Writes a run directory with config.json, metrics.jsonl (one line per epoch) and result.json."})
final class TrainCommand implements Callable<Integer> {

    /** What a preset fixes; explicit options override it. */
    record Defaults(int epochs, int batchSize, int channels, int cells, int trainLimit, boolean auxiliary,
                    double dropPath, int cutout, int nb201Channels, int nb201Cells) {
    }

    /** Named settings; explicit options override them. */
    enum Preset {
        /** About a minute on 2 CPU cores: the 3,000 images of the embedded sample, C=8, 5 cells, 5 epochs. */
        quick(new Defaults(5, 32, 8, 5, 0, false, 0.2, 0, 8, 2)),
        /**
         * The DARTS evaluation: 600 epochs, batch 96, C=36, 20 cells, auxiliary head, drop-path 0.2, cutout 16; a
         * NAS-Bench-201 cell in the benchmark's network (C=16, N=5), without auxiliary head and drop-path.
         */
        paper(new Defaults(600, 96, 36, 20, 0, true, 0.2, 16, 16, 5));

        final Defaults defaults;

        Preset(Defaults defaults) {
            this.defaults = defaults;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = {"--genotype", "-g"}, paramLabel = "FILE|NAME", defaultValue = "darts-v2",
            description = "A built-in genotype (darts-v1, darts-v2), a genotype.json written by jnas search, "
                    + "or a search's run directory (default: ${DEFAULT-VALUE}); or a NAS-Bench-201 cell, as its "
                    + "string ('|nor_conv_3x3~0|+|...') or a jnas search --space nb201 run directory, trained in the "
                    + "benchmark's network with --cells cells per stage (C=16, N=5 with the paper preset; C=8, N=2 "
                    + "with quick) and otherwise the same protocol, without auxiliary head and drop-path.")
    String genotype;

    @Option(names = "--preset", paramLabel = "quick|paper",
            description = "quick: minutes on a laptop CPU (5 epochs, batch 32, C=8, 5 cells, the embedded sample, no "
                    + "auxiliary head, no cutout); paper, the default: the DARTS evaluation (600 epochs, batch 96, "
                    + "C=36, 20 cells, all images, auxiliary head, cutout 16).")
    Preset preset;

    @Mixin
    DataOptions data;

    @Mixin
    SizeOptions sizes;

    @Option(names = "--auxiliary", negatable = true,
            description = "Add the auxiliary head after the second reduction cell (paper: on; quick: off).")
    Boolean auxiliary;

    @Option(names = "--auxiliary-weight", paramLabel = "W", description = "Weight of the auxiliary loss (default: 0.4).")
    Double auxiliaryWeight;

    @Option(names = "--drop-path", paramLabel = "P",
            description = "Drop-path probability P; epoch e of E drops with P·e/E, from 0 in the first (default: 0.2).")
    Double dropPath;

    @Option(names = "--cutout", paramLabel = "SIZE", description = "Cutout square size, 0 for none (paper: 16; quick: 0).")
    Integer cutout;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}, as DARTS).")
    long seed;

    @Mixin
    RunOptions runOptions;

    @Option(names = "--learning-rate", paramLabel = "LR",
            description = "Initial learning rate, cosine-annealed to 0 (default: 0.025).")
    Double learningRate;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue the training in RUN_DIR from its last checkpoint, with the settings of its config.json.")
    Path resume;

    @Option(names = "--checkpoint-every", paramLabel = "STEPS", defaultValue = "50",
            description = "Also checkpoint every STEPS steps inside an epoch (0: at epoch ends only; default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Override
    public Integer call() throws IOException {
        common.routeLogs();
        if (resume != null) {
            return resume();
        }
        DatasetInfo info = data.info();
        Session session = Session.start(common, runOptions.threadCount());
        Engine engine = session.engine();
        Map<String, Operation> operations = session.operations();
        TrainedArchitecture chosen = TrainedArchitecture.resolve(genotype, operations.keySet());
        TrainSettings settings = settings(info, chosen.space());
        if (runOptions.dryRun) {
            try (NDManager manager = engine.newBaseManager(session.device())) {
                engine.setRandomSeed((int) seed);
                printSummary(spec.commandLine().getOut(), Networks.build(manager, settings, chosen, operations,
                        info).summary(genotype));
            }
            return 0;
        }
        SearchData images = data.load(info, seed, 1.0, settings.trainLimit());
        RunDirectory run = runOptions.createRun("train", common.verbose);
        Json.write(run.config(), new TrainConfig("train", List.of(spec.commandLine().getParseResult().originalArgs()
                .toArray(new String[0])), genotype, chosen, settings, data.token(info), session.device().toString(),
                runOptions.threadCount(), SearchCommand.versions(engine), SearchCommand.pluginVersions(session.plugins())));
        return execute(session, run, genotype, chosen, settings, data.token(info), images, false);
    }

    /** Continues the training in {@code --resume DIR} from its last checkpoint, with its own settings. */
    private int resume() throws IOException {
        for (String option : List.of("--genotype", "--preset", "--dataset", "--data", "--data-dir", "--epochs",
                "--batch-size", "--channels", "--cells", "--train-limit", "--auxiliary", "--auxiliary-weight",
                "--drop-path", "--cutout", "--seed", "--learning-rate", "--output", "--dry-run")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new JnasException("--resume takes the settings from the run's config.json; drop " + option);
            }
        }
        RunDirectory run = new RunDirectory(resume);
        if (!Files.isRegularFile(run.config())) {
            throw new JnasException(resume + " is not a jnas run directory (no " + RunDirectory.CONFIG + ")");
        }
        TrainConfig config = Json.read(run.config(), TrainConfig.class, "run configuration");
        if (!"train".equals(config.command()) || config.settings() == null
                || config.genotype() == null && config.cell() == null || config.data() == null) {
            throw new JnasException(resume + " is not a jnas training run (" + run.config() + " describes no training)");
        }
        TrainedArchitecture architecture = config.architecture();
        CheckpointState state = FileCheckpoints.check(run, fingerprint(config.settings(), architecture));
        RunRecorder.resumeMetrics(run, Trainer.readHistory(state));
        if (!common.verbose) {
            LogSink.toFile(run.log());
        }
        Session session = Session.start(common, runOptions.threadCount());
        DatasetInfo info = DatasetInfo.byName(config.settings().dataset());
        if (architecture.genotype() != null) {
            architecture.genotype().validate(List.copyOf(session.operations().keySet()));
        }
        SearchData images = Datasets.load(DataOptions.source(config.data()), info, config.settings().seed(), 1.0,
                config.settings().trainLimit());
        return execute(session, run, config.genotypeSource(), architecture, config.settings(), config.data(), images,
                true);
    }

    private static String fingerprint(TrainSettings settings, TrainedArchitecture architecture) {
        return FileCheckpoints.fingerprint(List.of(settings, architecture));
    }

    private int execute(Session session, RunDirectory run, String source, TrainedArchitecture chosen,
                        TrainSettings settings,
                        String dataToken, SearchData images, boolean resuming)
            throws IOException {
        Engine engine = session.engine();
        DatasetInfo info = DatasetInfo.byName(settings.dataset());
        PrintWriter err = spec.commandLine().getErr();
        err.println("jnas: " + (resuming ? "resuming the training of " : "training ") + source + " on " + info.name()
                + " (" + dataToken + ", " + images.train().size() + " training images), " + settings.epochs()
                + " epochs, C=" + settings.channels() + ", " + settings.cells() + " cells, batch "
                + settings.batchSize() + " -> " + run.path());
        TrainResult result;
        try (NDManager manager = engine.newBaseManager(session.device())) {
            engine.setRandomSeed((int) settings.seed());
            TrainableNetwork network = Networks.build(manager, settings, chosen, session.operations(), info);
            FileCheckpoints checkpoints = new FileCheckpoints(run, fingerprint(settings, chosen), checkpointEvery,
                    resuming, manager);
            try (Trainer trainer = new Trainer(network, settings, settings.augmentation().applyTo(images.train()),
                    images.test(), manager, List.of(TrainListener.appendingTo(run.metrics()),
                    new ProgressBar(err, System.console() != null)), checkpoints)) {
                result = trainer.run();
            }
            ByteArrayOutputStream weights = new ByteArrayOutputStream();
            network.saveParameters(new DataOutputStream(weights));
            Json.writeAtomically(run.weights(), weights.toByteArray());
        }
        Json.write(run.result(), result);
        spec.commandLine().getOut().println(Json.line(result));
        err.println(String.format(Locale.ROOT, "jnas: test accuracy %.2f%% with %,d weights after %d epochs "
                        + "(%,d training images, %.0f s); result in %s", 100 * result.testAccuracy(), result.weights(),
                result.epochs(), result.imagesProcessed(), result.elapsedSeconds(), run.result()));
        return 0;
    }

    private void printSummary(PrintWriter out, NetworkSummary summary) {
        if (runOptions.json) {
            out.print(Json.pretty(summary));
        } else {
            out.printf("%s for %s %s, %d classes: C=%d, %d cells (reduction at %s)%n%,d weights%s%n",
                    summary.genotype(), summary.dataset(), summary.input(), summary.classes(), summary.channels(),
                    summary.cells(), summary.reductionCells(), summary.weights(), summary.auxiliary()
                            ? String.format(Locale.ROOT, ", and %,d in the auxiliary head", summary.auxiliaryWeights())
                            : "");
        }
        out.flush();
    }

    /** The settings this command line resolves to on {@code info}: explicit options over the preset's (paper without one). */
    TrainSettings settings(DatasetInfo info, String space) {
        Defaults base = (preset == null ? Preset.paper : preset).defaults;
        boolean nb201 = Nb201Space.ID.equals(space);
        TrainSettings paper = TrainSettings.darts(info, seed);
        Augmentation augmentation = Augmentation.darts(info, cutout != null ? cutout : base.cutout());
        return new TrainSettings(space, info.name(), pick(sizes.epochs, base.epochs()),
                pick(sizes.batchSize, base.batchSize()),
                pick(sizes.channels, nb201 ? base.nb201Channels() : base.channels()),
                pick(sizes.cells, nb201 ? base.nb201Cells() : base.cells()), seed,
                pick(sizes.trainLimit, base.trainLimit()),
                learningRate != null ? learningRate : paper.learningRate(), paper.learningRateMin(), paper.momentum(),
                paper.weightDecay(),
                paper.gradientClip(),
                auxiliary != null ? auxiliary : base.auxiliary() && !nb201,
                auxiliaryWeight != null ? auxiliaryWeight : paper.auxiliaryWeight(),
                dropPath != null ? dropPath : nb201 ? 0 : base.dropPath(),
                augmentation.cutout(), augmentation.cropPadding(), augmentation.flip());
    }
}
