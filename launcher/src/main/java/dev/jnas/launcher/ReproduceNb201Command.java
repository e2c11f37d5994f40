package dev.jnas.launcher;

import dev.jnas.api.Evaluator;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.blackbox.Budget;
import dev.jnas.api.blackbox.Options;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DiscreteSpace;
import dev.jnas.launcher.logging.LogSink;
import dev.jnas.platform.plugin.Extensions;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.search.RepeatedSearch;
import dev.jnas.platform.search.RepeatedSearch.Run;
import dev.jnas.platform.search.RepeatedSearch.Summary;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jnas reproduce nb201}: the NAS-Bench-201 paper's search baselines (regularized evolution,
 * REINFORCE, random search) under its simulated 12000 s budget, many seeds each, answered by
 * table lookups; prints the mean ± std of the CIFAR-10 test accuracy of the returned cells beside
 * the published figures.
 */
@Command(name = "nb201", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run random search, regularized evolution and REINFORCE on NAS-Bench-201 with table lookups, "
                + "many seeds each, and compare the CIFAR-10 test accuracy of the cells they return with the "
                + "published results (Dong & Yang, ICLR 2020). All lookups: seconds, not GPU-days.")
final class ReproduceNb201Command implements Callable<Integer> {

    /** Published mean ± std (CIFAR-10 test, %) of NAS-Bench-201's Table 5, by strategy id. */
    private static final Map<String, double[]> PUBLISHED = Map.of(
            "evolution", new double[] {93.92, 0.30},
            "reinforce", new double[] {93.85, 0.37},
            "random", new double[] {93.70, 0.36});
    private static final Map<String, String> PAPER_NAMES = Map.of(
            "evolution", "REA", "reinforce", "REINFORCE", "random", "RS");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--seeds", defaultValue = "100", paramLabel = "N",
            description = "Runs per strategy, with seeds 0..N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--budget", defaultValue = "12000", paramLabel = "SECONDS",
            description = "Simulated search budget per run, in seconds (default: ${DEFAULT-VALUE}, the paper's).")
    double budget;

    @Option(names = "--strategies", split = ",", paramLabel = "ID",
            defaultValue = "evolution,reinforce,random",
            description = "Strategies to run (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--table", paramLabel = "FILE",
            description = "A NAS-Bench-201 table CSV with the columns of data/nasbench201/nb201.csv "
                    + "(default: the table shipped with jnas).")
    Path table;

    @Option(names = "--evaluator", defaultValue = "nb201-table", paramLabel = "ID",
            description = "Evaluator id (default: ${DEFAULT-VALUE}).")
    String evaluatorId;

    @Option(names = "--space", defaultValue = "nb201", paramLabel = "ID",
            description = "Search space id (default: ${DEFAULT-VALUE}).")
    String spaceId;

    @Option(names = {"-O", "--option"}, paramLabel = "ID.KEY=VALUE",
            description = "A strategy's or the evaluator's option (repeatable), e.g. evolution.population=20 "
                    + "or reinforce.entropy=0.1.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print the summary as JSON instead of a table.")
    boolean json;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE",
            description = "Also write every run (and, for .json, every trial) to FILE: CSV if it ends with .csv, else JSON.")
    Path output;

    @Override
    public Integer call() {
        if (common.verbose) {
            LogSink.toTerminal();
        }
        if (!(budget > 0) || !Double.isFinite(budget)) {
            throw new JnasException("budget must be a positive number of seconds, got " + budget);
        }
        if (seeds < 1) {
            throw new JnasException("seeds must be positive, got " + seeds);
        }
        Set<String> chosen = new LinkedHashSet<>();
        strategies.forEach(id -> chosen.add(id.strip()));
        DiscreteSpace<?> space = DiscreteSpace.byId(spaceId);
        EngineSupport.start(1);
        Extensions plugins = Extensions.load(common.pluginsDirectory());
        Evaluator evaluator = plugins.get(Evaluator.class, evaluatorId);
        Map<String, SearchStrategy> byId = new LinkedHashMap<>();
        for (String id : chosen) {
            byId.put(id, plugins.get(SearchStrategy.class, id));
        }
        Map<String, Map<String, String>> split = splitOptions(options, chosen, evaluatorId);
        if (table != null) {
            split.get(evaluatorId).put("table", table.toAbsolutePath().toString());
        }
        Options evaluatorOptions = new Options(evaluatorId, split.get(evaluatorId));

        checkWritable(output);
        // Seed 0 of every strategy runs before anything is printed: it checks the strategies' options,
        // the evaluator and the budget, so bad input fails with one line.
        Map<String, Run> firstRuns = new LinkedHashMap<>();
        for (SearchStrategy strategy : byId.values()) {
            firstRuns.put(strategy.id(), RepeatedSearch.once(strategy, new Options(strategy.id(),
                    split.get(strategy.id())), space, evaluator, evaluatorOptions, Budget.seconds(budget), 0));
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = System.console() != null;
        err.println("jnas: " + String.join(", ", chosen) + " on " + space.id() + " with " + evaluatorId + ", "
                + seeds + " seed(s) each, " + format(budget) + " s budget");
        List<Summary> summaries = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        for (SearchStrategy strategy : byId.values()) {
            List<Run> strategyRuns = new ArrayList<>(seeds);
            strategyRuns.add(firstRuns.get(strategy.id()));
            strategyRuns.addAll(RepeatedSearch.run(strategy, new Options(strategy.id(), split.get(strategy.id())),
                    space, evaluator, evaluatorOptions, Budget.seconds(budget), 1, seeds - 1, done -> {
                        if (interactive) {
                            err.print("\r" + strategy.id() + " " + (done + 1) + "/" + seeds);
                            err.flush();
                        }
                    }));
            Summary summary = RepeatedSearch.summarise(strategy.id(), strategyRuns);
            summaries.add(summary);
            runs.addAll(strategyRuns);
            err.print(interactive ? "\r\033[K" : "");
            err.println(String.format(Locale.ROOT, "jnas: %s: %d runs, %.1f evaluations each on average",
                    strategy.id(), seeds, summary.meanTrials()));
        }
        Map<String, Object> report = report(summaries);
        if (output != null) {
            write(output, report, runs);
            err.println("jnas: runs written to " + output);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.pretty(report));
        } else {
            printTable(out, summaries);
        }
        out.flush();
        return 0;
    }

    /**
     * {@code ID.KEY=VALUE} options by owner: each of {@code strategies} and the evaluator, an empty
     * (modifiable) map for an owner without options.
     *
     * @throws JnasException for an option not so written, or whose owner is none of them
     */
    static Map<String, Map<String, String>> splitOptions(Map<String, String> options, Set<String> strategies,
                                                         String evaluatorId) {
        Map<String, Map<String, String>> split = new LinkedHashMap<>();
        strategies.forEach(id -> split.put(id, new LinkedHashMap<>()));
        split.put(evaluatorId, new LinkedHashMap<>());
        options.forEach((name, value) -> {
            int dot = name.indexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                throw new JnasException("option '" + name + "' must be written ID.KEY=VALUE, e.g. evolution.population=20");
            }
            Map<String, String> owner = split.get(name.substring(0, dot));
            if (owner == null) {
                throw new JnasException("option '" + name + "': '" + name.substring(0, dot)
                        + "' is none of this run's strategies and evaluator (" + String.join(", ", split.keySet()) + ")");
            }
            owner.put(name.substring(dot + 1), value);
        });
        return split;
    }

    private Map<String, Object> report(List<Summary> summaries) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Summary s : summaries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("strategy", s.strategy());
            row.put("runs", s.runs());
            row.put("mean_test_accuracy", s.meanReported());
            row.put("std_test_accuracy", s.stdReported());
            row.put("mean_reward", s.meanReward());
            row.put("mean_evaluations", s.meanTrials());
            double[] published = PUBLISHED.get(s.strategy());
            if (published != null) {
                row.put("published_mean", published[0]);
                row.put("published_std", published[1]);
            }
            rows.add(row);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "NAS-Bench-201");
        report.put("space", spaceId);
        report.put("evaluator", evaluatorId);
        report.put("table", table == null ? "embedded" : table.toAbsolutePath().toString());
        report.put("budget_seconds", budget);
        report.put("seeds", seeds);
        report.put("strategies", rows);
        return report;
    }

    private void printTable(PrintWriter out, List<Summary> summaries) {
        out.println("NAS-Bench-201, CIFAR-10 test accuracy (%) of the cell each run returns: " + seeds + " seed(s), "
                + format(budget) + " s simulated budget");
        out.println(String.format(Locale.ROOT, "%-12s %5s %12s %10s %16s   %s", "strategy", "runs", "evaluations",
                "reward", "test accuracy", "published (Dong & Yang, ICLR 2020)"));
        for (Summary s : summaries) {
            double[] published = PUBLISHED.get(s.strategy());
            out.println(String.format(Locale.ROOT, "%-12s %5d %12.1f %10.2f %9.2f ± %.2f   %s", s.strategy(),
                    s.runs(), s.meanTrials(), s.meanReward(), s.meanReported(), s.stdReported(),
                    published == null ? "-" : String.format(Locale.ROOT, "%.2f ± %.2f (%s)", published[0],
                            published[1], PAPER_NAMES.get(s.strategy()))));
        }
        out.println("The reward here is the 200-epoch validation accuracy (the table has no 12-epoch one); it is less"
                + " noisy than the published runs' 12-epoch reward, so means land slightly higher.");
    }

    private void write(Path file, Map<String, Object> report, List<Run> runs) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            StringBuilder csv = new StringBuilder("strategy,seed,architecture,reward,test_accuracy,evaluations,spent_seconds\n");
            for (Run r : runs) {
                csv.append(String.format(Locale.ROOT, "%s,%d,\"%s\",%s,%s,%d,%s\n", r.strategy(), r.seed(),
                        r.architecture().replace("\"", "\"\""), r.reward(), r.reported(), r.trials(), r.spentSeconds()));
            }
            Json.writeAtomically(file, csv.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            Map<String, Object> all = new LinkedHashMap<>(report);
            all.put("runs", runs);
            Json.write(file, all);
        }
    }

    /** Fails before any run if {@code file}'s folder does not exist or is not writable. */
    private static void checkWritable(Path file) {
        if (file == null) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new JnasException("cannot write " + file + ": no folder " + dir);
        }
        if (!Files.isWritable(dir) || Files.isDirectory(file)) {
            throw new JnasException("cannot write " + file + ": " + (Files.isDirectory(file) ? "it is a folder"
                    : "folder not writable"));
        }
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? String.format(Locale.ROOT, "%.0f", seconds) : Double.toString(seconds);
    }
}
