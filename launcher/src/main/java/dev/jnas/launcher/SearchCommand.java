package dev.jnas.launcher;

import static dev.jnas.launcher.SizeOptions.pick;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.jnas.api.HypergradientEstimator;
import dev.jnas.api.Operation;
import dev.jnas.api.Regularizer;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.data.SearchData;
import dev.jnas.api.SearchResult;
import dev.jnas.api.SearchSettings;
import dev.jnas.api.space.CellSpace;
import dev.jnas.platform.plugin.Extensions;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.run.RunConfig;
import dev.jnas.platform.run.RunDirectory;
import dev.jnas.platform.run.RunRecorder;
import dev.jnas.platform.search.DefaultSearchContext;
import dev.jnas.platform.search.Listeners;
import dev.jnas.platform.search.SupernetSummary;
import dev.jnas.platform.supernet.DartsSupernet;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            "Writes a run directory with config.json, metrics.jsonl (one line per epoch) and genotype.json."})
final class SearchCommand implements Callable<Integer> {

    /** Named settings; explicit options override them. */
    enum Preset {
        /** Under 5 minutes on 2 CPU cores: 600 images of the embedded sample, C=4, 5 cells. */
        quick(5, 16, 4, 5, 600),
        /** The DARTS paper's search: 50 epochs, C=16, 8 cells, batch 64, all training images. */
        paper(50, 64, 16, 8, 0);

        final int epochs;
        final int batchSize;
        final int channels;
        final int cells;
        final int trainLimit;

        Preset(int epochs, int batchSize, int channels, int cells, int trainLimit) {
            this.epochs = epochs;
            this.batchSize = batchSize;
            this.channels = channels;
            this.cells = cells;
            this.trainLimit = trainLimit;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--preset", paramLabel = "quick|paper",
            description = "quick: minutes on a laptop CPU (5 epochs, batch 16, C=4, 5 cells, 600 images of the "
                    + "embedded sample); paper, the default: the DARTS paper's setting (50 epochs, batch 64, C=16, "
                    + "8 cells, all images; half of the training images train the weights, half α).")
    Preset preset;

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

    @Mixin
    RunOptions runOptions;

    @Override
    public Integer call() throws IOException {
        common.routeLogs();
        SearchSettings settings = settings();
        DatasetInfo info = data.info();
        CellSpace space = CellSpace.darts();
        PrintWriter out = spec.commandLine().getOut();
        int threadCount = runOptions.threadCount();
        Session session = Session.start(common, threadCount);
        Engine engine = session.engine();
        Device device = session.device();
        Extensions plugins = session.plugins();
        Map<String, Operation> operations = session.operations();
        if (runOptions.dryRun) {
            return dryRun(out, engine, device, space, info, settings, operations);
        }
        SearchStrategy searchStrategy = plugins.get(SearchStrategy.class, strategy);
        HypergradientEstimator hypergradient = plugins.get(HypergradientEstimator.class, estimator);
        List<Regularizer> chosen = new ArrayList<>();
        for (String id : regularizers) {
            chosen.add(plugins.get(Regularizer.class, id));
        }
        DefaultSearchContext.resolveOperations(space, operations);
        SearchData searchData = data.load(info, seed, settings.trainPortion(), settings.trainLimit());
        RunDirectory run = runOptions.createRun("search", common.verbose);
        Json.write(run.config(), new RunConfig("search", List.of(spec.commandLine().getParseResult().originalArgs()
                .toArray(new String[0])), settings, data.describe(info), device.toString(), threadCount,
                versions(engine), pluginVersions(plugins)));
        PrintWriter err = spec.commandLine().getErr();
        err.println("jnas: " + strategy + " search on " + info.name() + " (" + data.describe(info) + "), "
                + settings.epochs() + " epochs, C=" + settings.channels() + ", " + settings.cells()
                + " cells, batch " + settings.batchSize() + " -> " + run.path());
        engine.setRandomSeed((int) seed);
        SearchResult result;
        try (DefaultSearchContext context = new DefaultSearchContext(settings, space, searchData, operations,
                hypergradient, chosen, Listeners.of(List.of(new RunRecorder(run),
                new ProgressBar(err, System.console() != null))), run.path(), engine.newBaseManager(device))) {
            result = searchStrategy.search(context);
        }
        out.println(Json.line(result.genotype()));
        err.println("jnas: genotype written to " + run.genotype());
        return 0;
    }

    private int dryRun(PrintWriter out, Engine engine, Device device, CellSpace space, DatasetInfo info,
                       SearchSettings settings, Map<String, Operation> operations) {
        try (NDManager manager = engine.newBaseManager(device)) {
            engine.setRandomSeed((int) seed);
            DartsSupernet net = DartsSupernet.build(manager, space,
                    DefaultSearchContext.resolveOperations(space, operations), info, settings.channels(),
                    settings.cells(), List.of());
            SupernetSummary summary = SupernetSummary.of(net, info);
            if (runOptions.json) {
                out.print(Json.pretty(summary));
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
        SearchSettings s = new SearchSettings(strategy, estimator, regularizers, data.dataset,
                pick(sizes.epochs, base.epochs), pick(sizes.batchSize, base.batchSize),
                pick(sizes.channels, base.channels), pick(sizes.cells, base.cells), seed,
                pick(sizes.trainLimit, base.trainLimit), paper.trainPortion(), paper.learningRate(),
                paper.learningRateMin(), paper.momentum(), paper.weightDecay(), paper.gradientClip(),
                paper.archLearningRate(), paper.archWeightDecay(), paper.archBeta1(), paper.archBeta2());
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
