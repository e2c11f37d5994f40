package dev.jnas.launcher;

import ai.djl.engine.Engine;
import dev.jnas.api.Checkpoints;
import dev.jnas.api.HypergradientEstimator;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.Operation;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.data.SearchData;
import dev.jnas.api.SearchListener;
import dev.jnas.api.SearchSettings;
import dev.jnas.api.StepProgress;
import dev.jnas.launcher.logging.LogSink;
import dev.jnas.platform.plugin.Extensions;
import dev.jnas.platform.data.SyntheticSplit;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.search.DefaultSearchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jnas bench}: times DARTS search steps (an architecture step then a weight step) on random
 * data, with the settings and output fields of the PyTorch reference script, so the two can be
 * compared side by side. The steps are the search strategy's own, observed through its listener.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time search steps on random data; prints one JSON object.",
            "Same settings and fields as the PyTorch reference (darts_reference.py)."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--order", defaultValue = "1", description = "1: first-order, 2: second-order hypergradient.")
    int order;

    @Option(names = "--channels", defaultValue = "8", description = "Initial channels C (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--layers", defaultValue = "5", description = "Cells (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--image", defaultValue = "28", description = "Image side (default: ${DEFAULT-VALUE}).")
    int image;

    @Option(names = "--in-channels", defaultValue = "1", description = "Image channels (default: ${DEFAULT-VALUE}).")
    int inChannels;

    @Option(names = "--classes", defaultValue = "10", description = "Classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--steps", defaultValue = "20", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--strategy", defaultValue = "darts", description = "Strategy whose steps are timed.")
    String strategy;

    @Override
    public Integer call() throws IOException {
        if (common.verbose) {
            LogSink.toTerminal();
        }
        if (order != 1 && order != 2) {
            throw new JnasException("--order must be 1 or 2, got " + order);
        }
        if (steps < 1 || warmup < 0 || batch < 2 || channels < 1 || layers < 3 || image < 1 || inChannels < 1
                || classes < 2) {
            throw new JnasException("bench needs steps >= 1, warmup >= 0, batch >= 2, channels >= 1, layers >= 3,"
                    + " image >= 1, in-channels >= 1, classes >= 2");
        }
        Engine engine = EngineSupport.start(threads);
        DatasetInfo info = new DatasetInfo("random", inChannels, image, image, classes);
        Extensions plugins = Extensions.load(common.pluginsDirectory());
        Map<String, Operation> operations = plugins.byId(Operation.class);
        SearchStrategy searchStrategy = plugins.get(SearchStrategy.class, strategy);
        HypergradientEstimator estimator = plugins.get(HypergradientEstimator.class,
                order == 1 ? "first-order" : "second-order");
        int total = warmup + steps;
        SearchData data = new SearchData(info, new SyntheticSplit(info, total * batch),
                new SyntheticSplit(info, batch), new SyntheticSplit(info, 0));
        SearchSettings base = SearchSettings.darts(info.name(), seed);
        SearchSettings settings = new SearchSettings(strategy, base.space(), estimator.id(), List.of(), info.name(), 1, batch,
                channels, layers, seed, 0, base.trainPortion(), base.learningRate(), base.learningRateMin(),
                base.momentum(), base.weightDecay(), base.gradientClip(), base.archLearningRate(),
                base.archWeightDecay(), base.archBeta1(), base.archBeta2());
        StepTimer timer = new StepTimer(warmup);
        engine.setRandomSeed((int) seed);
        Path scratch = Files.createTempDirectory("jnas-bench");
        try (DefaultSearchContext context = new DefaultSearchContext(settings, data, operations, estimator,
                List.of(), timer, scratch, engine.newBaseManager(EngineSupport.device(engine, common.device)),
                    Checkpoints.NONE)) {
            context.supernet();
            timer.reset();
            searchStrategy.search(context);
        } finally {
            Files.deleteIfExists(scratch);
        }
        spec.commandLine().getOut().println(Json.line(report(engine, timer.times())));
        return 0;
    }

    private Map<String, Object> report(Engine engine, List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("impl", "jnas-djl");
        r.put("djl", Engine.getDjlVersion());
        r.put("torch", engine.getVersion());
        r.put("order", order);
        r.put("channels", channels);
        r.put("layers", layers);
        r.put("batch", batch);
        r.put("image", image);
        r.put("threads", threads);
        r.put("steps", steps);
        r.put("step_ms_median", round(median, 2));
        r.put("step_ms_min", round(sorted.get(0), 2));
        r.put("step_ms_max", round(sorted.get(n - 1), 2));
        r.put("images_per_s", round(2 * batch * 1000.0 / median, 1));
        r.put("peak_rss_mb", round(PeakMemory.peakRssMegabytes(), 1));
        return r;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** Records the time between consecutive step ends, dropping the warm-up steps. */
    private static final class StepTimer implements SearchListener {
        private final int warmup;
        private final List<Double> times = new ArrayList<>();
        private long last;

        StepTimer(int warmup) {
            this.warmup = warmup;
        }

        void reset() {
            last = System.nanoTime();
        }

        @Override
        public void onStart(int epochs, int stepsPerEpoch) {
            reset();
        }

        @Override
        public void onStep(StepProgress progress) {
            long now = System.nanoTime();
            if (progress.step() > warmup) {
                times.add((now - last) / 1e6);
            }
            last = now;
        }

        List<Double> times() {
            return times;
        }
    }
}
