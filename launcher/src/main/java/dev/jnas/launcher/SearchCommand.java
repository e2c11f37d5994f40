package dev.jnas.launcher;

import static dev.jnas.launcher.SizeOptions.pick;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.jnas.api.CheckpointState;
import dev.jnas.api.HypergradientEstimator;
import dev.jnas.api.Operation;
import dev.jnas.api.Regularizer;
import dev.jnas.api.SearchResult;
import dev.jnas.api.SearchSettings;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.data.SearchData;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.Evaluator;
import dev.jnas.api.Supernet;
import dev.jnas.api.blackbox.EvaluationSession;
import dev.jnas.api.blackbox.EvaluationSettings;
import dev.jnas.api.blackbox.Options;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.api.space.Nb201Space;
import dev.jnas.launcher.logging.LogSink;
import dev.jnas.platform.data.Datasets;
import dev.jnas.platform.plugin.Extensions;
import dev.jnas.platform.run.ArchitectureRecord;
import dev.jnas.platform.run.FileCheckpoints;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.run.RunConfig;
import dev.jnas.platform.run.RunDirectory;
import dev.jnas.platform.run.RunRecorder;
import dev.jnas.platform.search.DefaultSearchContext;
import dev.jnas.platform.search.Listeners;
import dev.jnas.platform.search.SupernetSummary;
import dev.jnas.platform.search.Supernets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jnas search}: runs an architecture search and writes a run directory. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search a cell architecture.",
            "Writes a run directory with config.json, metrics.jsonl (one line per epoch), architecture.json,",
            "genotype.json (DARTS space) and checkpoint.bin; --resume continues an interrupted run."})
final class SearchCommand implements Callable<Integer> {

    /** Named settings; explicit options override them. */
    enum Preset {
        /** Under 5 minutes on 2 CPU cores: 600 images of the embedded sample, C=4, 5 cells (nb201: N=2). */
        quick(5, 16, 4, 5, 2, 600),
        /** The papers' search: 50 epochs, C=16, batch 64, all training images; 8 cells (nb201: N=5). */
        paper(50, 64, 16, 8, 5, 0);

        final int epochs;
        final int batchSize;
        final int channels;
        final int cells;
        final int cellsPerStage;
        final int trainLimit;

        Preset(int epochs, int batchSize, int channels, int cells, int cellsPerStage, int trainLimit) {
            this.epochs = epochs;
            this.batchSize = batchSize;
            this.channels = channels;
            this.cells = cells;
            this.cellsPerStage = cellsPerStage;
            this.trainLimit = trainLimit;
        }

        /** The preset's {@code --cells} for a space: L for DARTS, N (cells per stage) for NAS-Bench-201. */
        int cells(String space) {
            return Nb201Space.ID.equals(space) ? cellsPerStage : cells;
        }
    }

    /** The evaluator that looks a NAS-Bench-201 cell up in the benchmark's table. */
    static final String TABLE_EVALUATOR = "nb201-table";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--preset", paramLabel = "quick|paper",
            description = "quick: minutes on a laptop CPU (5 epochs, batch 16, C=4, 5 cells or N=2 for nb201, 600 "
                    + "images of the embedded sample); paper, the default: the DARTS paper's setting (50 epochs, "
                    + "batch 64, C=16, 8 cells or N=5 for nb201, all images; half of the training images train the "
                    + "weights, half α).")
    Preset preset;

    @Option(names = "--space", paramLabel = "darts|nb201", defaultValue = "darts",
            description = "The space whose supernet is searched (default: ${DEFAULT-VALUE}): darts, the DARTS cell "
                    + "space (--cells: the L cells of the network); nb201, NAS-Bench-201's (--cells: N cells per "
                    + "stage, 3N cells and two residual reductions; N=5 with the paper preset, 2 with quick), whose "
                    + "result is looked up in the NAS-Bench-201 table.")
    String space;

    @Option(names = "--strategy", defaultValue = "darts", description = "Search strategy id (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--estimator", defaultValue = "first-order",
            description = "Hypergradient estimator id (default: ${DEFAULT-VALUE}).")
    String estimator;

    @Option(names = "--regularizer", paramLabel = "ID", description = "Regularizer id; repeat for several.")
    List<String> regularizers = new ArrayList<>();

    @Mixin
    DataOptions data;

    @Mixin
    SizeOptions sizes;

    @Option(names = "--seed", defaultValue = "2", description = "Random seed (default: ${DEFAULT-VALUE}, as DARTS).")
    long seed;

    @Option(names = "--learning-rate", paramLabel = "LR", description = "Initial weight learning rate (default: 0.025).")
    Double learningRate;

    @Option(names = "--arch-learning-rate", paramLabel = "LR", description = "Adam learning rate of α (default: 3e-4).")
    Double archLearningRate;

    @Mixin
    RunOptions runOptions;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue the search in RUN_DIR from its last checkpoint, with the settings of its config.json.")
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
        SearchSettings settings = settings();
        DatasetInfo info = data.info();
        if (runOptions.dryRun) {
            return dryRun(info, settings);
        }
        List<String> arguments = List.of(spec.commandLine().getParseResult().originalArgs().toArray(new String[0]));
        return execute(settings, data.token(info), runOptions.output, false, arguments);
    }

    /** Continues the run in {@code --resume DIR} from its last checkpoint, with its own settings. */
    private int resume() throws IOException {
        for (String option : List.of("--preset", "--space", "--strategy", "--estimator", "--regularizer", "--dataset",
                "--data", "--data-dir", "--learning-rate", "--arch-learning-rate", "--epochs", "--batch-size",
                "--channels", "--cells", "--seed", "--train-limit", "--output", "--dry-run")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new JnasException("--resume takes the settings from the run's config.json; drop " + option);
            }
        }
        RunDirectory run = new RunDirectory(resume);
        if (!Files.isRegularFile(run.config())) {
            throw new JnasException(resume + " is not a jnas run directory (no " + RunDirectory.CONFIG + ")");
        }
        RunConfig config = Json.read(run.config(), RunConfig.class, "run configuration");
        if (!"search".equals(config.command()) || config.settings() == null || config.data() == null) {
            throw new JnasException(resume + " is not a jnas search run (" + run.config() + " describes no search)");
        }
        CheckpointState state = FileCheckpoints.check(run, FileCheckpoints.fingerprint(config.settings()));
        RunRecorder.resumeMetrics(run, state.history());
        return execute(config.settings(), config.data(), resume, true, config.arguments());
    }

    /**
     * Runs a search into {@code directory} (a fresh one when null), or continues the one there.
     */
    private int execute(SearchSettings settings, String dataToken, Path directory, boolean resuming,
                        List<String> arguments) throws IOException {
        DatasetInfo info = DatasetInfo.byName(settings.dataset());
        int threadCount = runOptions.threadCount();
        Session session = Session.start(common, threadCount);
        Engine engine = session.engine();
        Device device = session.device();
        Extensions plugins = session.plugins();
        Map<String, Operation> operations = session.operations();
        Chosen extensions = Chosen.of(plugins, settings);
        SearchStrategy searchStrategy = extensions.strategy();
        HypergradientEstimator hypergradient = extensions.estimator();
        List<Regularizer> chosen = extensions.regularizers();
        Supernets.resolve(Supernets.operations(settings.space()), operations);
        SearchData searchData = Datasets.load(DataOptions.source(dataToken), info, settings.seed(),
                settings.trainPortion(), settings.trainLimit());
        RunDirectory run;
        if (resuming) {
            run = new RunDirectory(directory);
            if (!common.verbose) {
                LogSink.toFile(run.log());
            }
        } else {
            run = runOptions.createRun("search", common.verbose);
            Json.write(run.config(), new RunConfig("search", arguments, settings, dataToken, device.toString(),
                    threadCount, versions(engine), pluginVersions(plugins)));
        }
        PrintWriter err = spec.commandLine().getErr();
        String ofSpace = settings.space().equals(Nb201Space.ID) ? " of the nb201 space" : "";
        err.println("jnas: " + (resuming ? "resuming " : "") + settings.strategy() + " search" + ofSpace + " on "
                + info.name() + " (" + dataToken + "), " + settings.epochs()
                + " epochs, C=" + settings.channels() + ", " + cellsText(settings) + ", batch " + settings.batchSize()
                + " -> " + run.path());
        engine.setRandomSeed((int) settings.seed());
        SearchResult result;
        NDManager manager = engine.newBaseManager(device);
        FileCheckpoints checkpoints = new FileCheckpoints(run, FileCheckpoints.fingerprint(settings), checkpointEvery,
                resuming, manager);
        try (DefaultSearchContext context = new DefaultSearchContext(settings, searchData, operations,
                hypergradient, chosen, Listeners.of(List.of(new RunRecorder(run, settings.space()),
                new ProgressBar(err, System.console() != null))), run.path(), manager, checkpoints)) {
            result = searchStrategy.search(context);
        }
        if (!settings.space().equals(Nb201Space.ID)) {
            spec.commandLine().getOut().println(Json.line(result.genotype()));
            err.println("jnas: genotype written to " + run.genotype());
            return 0;
        }
        String architecture = result.history().isEmpty() ? null
                : result.history().get(result.history().size() - 1).architecture();
        if (architecture != null) {
            Nb201Cell cell = Nb201Cell.parse(architecture);
            spec.commandLine().getOut().println(cell.format());
            lookUp(plugins, cell, settings.seed(), run, err);
            err.println("jnas: architecture written to " + run.architecture());
        }
        return 0;
    }

    /**
     * Reports the table's CIFAR-10 test accuracy of a NAS-Bench-201 cell and adds it to
     * {@code architecture.json}; says so in one line when no plugin has the table.
     */
    private static void lookUp(Extensions plugins, Nb201Cell cell, long seed, RunDirectory run, PrintWriter err) {
        Evaluator table = plugins.byId(Evaluator.class).get(TABLE_EVALUATOR);
        if (table == null) {
            err.println("jnas: no '" + TABLE_EVALUATOR + "' evaluator among the plugins; the NAS-Bench-201 table "
                    + "lookup is skipped");
            return;
        }
        double accuracy;
        try (EvaluationSession<Nb201Cell> session = table.open(Nb201Space.INSTANCE,
                new EvaluationSettings(seed, Options.none(TABLE_EVALUATOR)))) {
            accuracy = session.evaluate(cell).reported();
        } catch (JnasException e) {
            err.println("jnas: the NAS-Bench-201 table lookup failed: " + e.getMessage());
            return;
        }
        err.println(String.format(Locale.ROOT, "jnas: NAS-Bench-201 table: CIFAR-10 test accuracy %.2f%% for %s",
                accuracy, cell.format()));
        Json.write(run.architecture(), new ArchitectureRecord(Nb201Space.ID, cell.format(), accuracy));
    }

    private static String cellsText(SearchSettings settings) {
        return settings.space().equals(Nb201Space.ID) ? "N=" + settings.cells() + " cells per stage"
                : settings.cells() + " cells";
    }

    /** The extensions a search runs with, resolved (and so checked) before anything is built or read. */
    private record Chosen(SearchStrategy strategy, HypergradientEstimator estimator, List<Regularizer> regularizers) {

        static Chosen of(Extensions plugins, SearchSettings settings) {
            SearchStrategy strategy = plugins.get(SearchStrategy.class, settings.strategy());
            if (!strategy.usesSupernet()) {
                throw new JnasException("strategy '" + strategy.id() + "' samples architectures for an evaluator;"
                        + " jnas search runs supernet strategies (e.g. darts); try: jnas reproduce nb201 --strategies "
                        + strategy.id());
            }
            HypergradientEstimator estimator = plugins.get(HypergradientEstimator.class, settings.estimator());
            List<Regularizer> regularizers = new ArrayList<>();
            for (String id : settings.regularizers()) {
                regularizers.add(plugins.get(Regularizer.class, id));
            }
            return new Chosen(strategy, estimator, List.copyOf(regularizers));
        }
    }

    private int dryRun(DatasetInfo info, SearchSettings settings) {
        PrintWriter out = spec.commandLine().getOut();
        Session session = Session.start(common, runOptions.threadCount());
        Engine engine = session.engine();
        Device device = session.device();
        Map<String, Operation> operations = session.operations();
        try (NDManager manager = engine.newBaseManager(device)) {
            engine.setRandomSeed((int) seed);
            Supernet net = Supernets.build(manager, settings, operations, info, List.of());
            Chosen.of(session.plugins(), settings);
            SupernetSummary summary = SupernetSummary.of(net, info);
            if (runOptions.json) {
                out.print(Json.pretty(summary));
            } else if (summary.cellsPerStage() != null) {
                out.printf("supernet of %s for %s %s, %d classes: C=%d, N=%d cells per stage (%d layers, residual"
                                + " reductions at %s), %d nodes, %d edges, %d operations%n%,d weights, %d architecture"
                                + " parameters%n",
                        summary.space(), info.name(), summary.input(), info.classes(), summary.channels(),
                        summary.cellsPerStage(), summary.cells(), summary.reductionCells(), summary.nodes(),
                        summary.edges(), summary.operations().size(), summary.weights(), summary.alphas());
            } else {
                out.printf("supernet for %s %s, %d classes: C=%d, %d cells (reduction at %s), %d nodes, %d edges,"
                                + " %d operations%n%,d weights, %d architecture parameters%n",
                        info.name(), summary.input(), info.classes(), summary.channels(), summary.cells(),
                        summary.reductionCells(), summary.nodes(), summary.edges(), summary.operations().size(),
                        summary.weights(), summary.alphas());
            }
            out.flush();
            return 0;
        }
    }

    private SearchSettings settings() {
        Preset base = preset == null ? Preset.paper : preset;
        SearchSettings paper = SearchSettings.darts(data.dataset, seed);
        SearchSettings s = new SearchSettings(strategy, space, estimator, regularizers, data.dataset,
                pick(sizes.epochs, base.epochs), pick(sizes.batchSize, base.batchSize),
                pick(sizes.channels, base.channels), pick(sizes.cells, base.cells(space)), seed,
                pick(sizes.trainLimit, base.trainLimit), paper.trainPortion(),
                learningRate != null ? learningRate : paper.learningRate(),
                learningRate != null ? Math.min(learningRate, paper.learningRateMin()) : paper.learningRateMin(),
                paper.momentum(), paper.weightDecay(), paper.gradientClip(),
                archLearningRate != null ? archLearningRate : paper.archLearningRate(), paper.archWeightDecay(),
                paper.archBeta1(), paper.archBeta2());
        return s;
    }

    static Map<String, String> pluginVersions(Extensions plugins) {
        Map<String, String> v = new LinkedHashMap<>();
        plugins.plugins().forEach(p -> v.put(p.id(), p.version()));
        return v;
    }

    static Map<String, String> versions(Engine engine) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("jnas", VersionProvider.version());
        v.put("java", System.getProperty("java.version"));
        v.put("djl", Engine.getDjlVersion());
        v.put("pytorch", engine.getVersion());
        return v;
    }
}
