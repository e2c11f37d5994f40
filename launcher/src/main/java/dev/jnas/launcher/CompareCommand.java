package dev.jnas.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnas.api.Evaluator;
import dev.jnas.api.SearchListener;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.blackbox.Budget;
import dev.jnas.api.blackbox.DiscreteProblem;
import dev.jnas.api.blackbox.Evaluation;
import dev.jnas.api.blackbox.EvaluationSettings;
import dev.jnas.api.blackbox.Options;
import dev.jnas.api.blackbox.Trial;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DartsSpace;
import dev.jnas.api.space.DiscreteSpace;
import dev.jnas.api.space.Nb201Space;
import dev.jnas.launcher.ComparisonReport.Outcome;
import dev.jnas.launcher.logging.LogSink;
import dev.jnas.platform.evaluation.TrainedArchitecture;
import dev.jnas.platform.plugin.Extensions;
import dev.jnas.platform.run.ArchitectureRecord;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.run.RunDirectory;
import dev.jnas.platform.search.DiscreteSearchContext;
import dev.jnas.platform.search.RepeatedSearch;
import dev.jnas.platform.trials.WorkerPool;
import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code jnas compare}: DARTS and black-box search on the same data and space under an equal
 * budget, every found architecture then trained under one common protocol.
 *
 * <p>Per seed: DARTS searches first (a {@code jnas search} child process); its search time becomes
 * the budget of each black-box strategy with the same seed (unless {@code --budget} fixes it),
 * whose proposals the {@code train} evaluator trains in worker processes on the same training and
 * validation images. Then every found genotype is trained from scratch by a {@code jnas train}
 * child with the same settings and seed, and measured on the test images, which no search saw.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare DARTS with black-box search (evolution, REINFORCE, random) on the same data under an "
                + "equal budget, then train every architecture found under one protocol.",
            "Writes results.csv, summary.csv, anytime.csv/.json, anytime.png and compare.json into a run directory."})
final class CompareCommand implements Callable<Integer> {

    /** What a preset fixes: the search, the black-box proxy training and the final training. */
    enum Preset {
        /** Minutes per run on 2 cores: jnas search and jnas train --preset quick, 1-epoch C=4 proxy trainings. */
        quick("quick", "quick", 600, Map.of("epochs", "1", "channels", "4", "cells", "5", "batch-size", "16"), "2"),
        /** The papers' settings: DARTS's search and evaluation; 10-epoch C=16, 8-cell proxy trainings. */
        paper("paper", "paper", 0, Map.of("epochs", "10", "channels", "16", "cells", "8", "batch-size", "64"), "5");

        final String search;
        final String train;
        final int trainLimit;
        final Map<String, String> proxy;
        /** The proxy networks' cells per stage in the NAS-Bench-201 space (the preset's search has as many). */
        final String nb201Cells;

        Preset(String search, String train, int trainLimit, Map<String, String> proxy, String nb201Cells) {
            this.search = search;
            this.train = train;
            this.trainLimit = trainLimit;
            this.proxy = proxy;
            this.nb201Cells = nb201Cells;
        }

        /** The proxy training's settings in a space. */
        Map<String, String> proxy(DiscreteSpace<?> space) {
            Map<String, String> settings = new LinkedHashMap<>(proxy);
            if (Nb201Space.ID.equals(space.id())) {
                settings.put("cells", nb201Cells);
            }
            return settings;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--strategies", split = ",", paramLabel = "ID", defaultValue = "darts,evolution,reinforce,random",
            description = "Strategies to compare (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--seeds", defaultValue = "2", paramLabel = "N",
            description = "Runs per strategy, seeds 0..N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--preset", defaultValue = "quick", paramLabel = "quick|paper",
            description = "quick (default): the quick presets of jnas search and jnas train, 1-epoch proxy trainings; "
                    + "paper: the DARTS paper's search and evaluation.")
    Preset preset;

    @Option(names = "--space", defaultValue = "darts", paramLabel = "darts|nb201",
            description = "The space every strategy searches: darts (default; DARTS cells, trained in the DARTS "
                    + "evaluation network) or nb201 (NAS-Bench-201 cells, trained in the benchmark's network).")
    String space;

    @Mixin
    DataOptions data;

    @Option(names = "--search-epochs", paramLabel = "N", description = "DARTS search epochs (default: the preset's).")
    Integer searchEpochs;

    @Option(names = "--train-epochs", paramLabel = "N",
            description = "Epochs of the common final training (default: the preset's).")
    Integer trainEpochs;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Training images the searches and the final trainings use (default: the preset's; 0: all).")
    Integer trainLimit;

    @Option(names = "--budget", paramLabel = "AMOUNT",
            description = "Search budget of each black-box run, in --budget-unit (default: what the DARTS search of "
                    + "the same seed spent; required without darts).")
    Double budget;

    @Option(names = "--budget-unit", defaultValue = "seconds", paramLabel = "seconds|images",
            description = "What the budget counts: seconds (default; worker-seconds of the black-box trainings, "
                    + "DARTS's wall seconds) or images (passed forward and backward by training steps).")
    Budget.Unit budgetUnit;

    @Option(names = "--workers", paramLabel = "N",
            description = "Trainings at once, each a process with cores/N threads (default: 2, or 1 on one core).")
    Integer workers;

    @Option(names = {"-O", "--option"}, paramLabel = "ID.KEY=VALUE",
            description = "A black-box strategy's or the train evaluator's option (repeatable), e.g. "
                    + "evolution.population=20 or train.epochs=2.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = {"--output", "-o"}, paramLabel = "DIR",
            description = "Run directory (default: runs/compare-<date>-<time>).")
    Path output;

    @Override
    public Integer call() throws IOException {
        common.routeLogs();
        if (seeds < 1) {
            throw new JnasException("seeds must be positive, got " + seeds);
        }
        if (budget != null) {
            new Budget(budget, budgetUnit);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int parallel = workers != null ? workers : Math.min(2, cores);
        if (parallel < 1) {
            throw new JnasException("workers must be positive, got " + parallel);
        }
        int threadsEach = Math.max(1, cores / parallel);
        for (Integer n : new Integer[] {searchEpochs, trainEpochs}) {
            if (n != null && n < 1) {
                throw new JnasException("epochs must be positive, got " + n);
            }
        }
        if (trainLimit != null && trainLimit < 0) {
            throw new JnasException("train limit must be zero (all) or positive, got " + trainLimit);
        }
        int images = trainLimit != null ? trainLimit : preset.trainLimit;
        DiscreteSpace<?> searched = switch (space) {
            case DartsSpace.ID -> DartsSpace.INSTANCE;
            case Nb201Space.ID -> Nb201Space.INSTANCE;
            default -> throw new JnasException("unknown space '" + space + "' (known: darts, nb201)");
        };
        DatasetInfo info = data.info();
        String token = data.token(info);
        Set<String> chosen = new LinkedHashSet<>();
        strategies.forEach(id -> chosen.add(id.strip()));
        boolean darts = chosen.remove("darts");
        if (!darts && budget == null) {
            throw new JnasException("without darts among the strategies, --budget AMOUNT is required");
        }
        EngineSupport.start(1);
        Extensions plugins = Extensions.load(common.pluginsDirectory());
        Evaluator evaluator = plugins.get(Evaluator.class, "train");
        Map<String, SearchStrategy> blackBox = new LinkedHashMap<>();
        for (String id : chosen) {
            SearchStrategy strategy = plugins.get(SearchStrategy.class, id);
            if (strategy.usesSupernet()) {
                throw new JnasException("strategy '" + id + "' trains a supernet; jnas compare runs darts and the "
                        + "sample-based strategies");
            }
            blackBox.put(id, strategy);
        }
        Map<String, Map<String, String>> owned = ReproduceNb201Command.splitOptions(options, chosen, evaluator.id());
        Map<String, String> proxy = preset.proxy(searched);
        proxy.putAll(owned.get(evaluator.id()));
        Options evaluatorOptions = new Options(evaluator.id(), proxy);
        evaluator.open(searched, new EvaluationSettings(0, evaluatorOptions)).close();
        blackBox.forEach((id, strategy) -> checkOptions(strategy, searched, new Options(id, owned.get(id))));

        RunDirectory run = RunDirectory.create(output != null ? output : RunDirectory.fresh(Path.of("runs"), "compare"));
        if (!common.verbose) {
            LogSink.toFile(run.log());
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("command", "compare");
        config.put("arguments", spec.commandLine().getParseResult().originalArgs());
        config.put("preset", preset.name());
        config.put("seeds", seeds);
        config.put("strategies", (darts ? "darts," : "") + String.join(",", chosen));
        config.put("space", searched.id());
        config.put("dataset", info.name());
        config.put("data", token);
        config.put("proxy_training", proxy);
        config.put("train_limit", images);
        config.put("search_epochs", searchEpochs == null ? "preset" : searchEpochs);
        config.put("train_epochs", trainEpochs == null ? "preset" : trainEpochs);
        config.put("workers", parallel);
        config.put("threads_per_worker", threadsEach);
        config.put("budget_unit", budgetUnit.name().toLowerCase(Locale.ROOT));
        config.put("budget", budget == null ? "what the darts search of each seed spent" : budget);
        config.put("versions", Map.of("jnas", VersionProvider.version(), "java", System.getProperty("java.version")));
        Json.write(run.config(), config);
        PrintWriter err = spec.commandLine().getErr();
        err.println("jnas: comparing " + (darts ? "darts, " : "") + String.join(", ", chosen) + " in the "
                + searched.id() + " space on " + info.name()
                + " (" + token + "), " + seeds + " seed(s), preset " + preset + ", " + parallel + " worker(s) -> "
                + run.path());
        List<String> dataArgs = dataArguments(info, token);
        List<String> searchArgs = new ArrayList<>(dataArgs);
        searchArgs.addAll(List.of("--space", searched.id(), "--train-limit", Integer.toString(images)));
        if (searchEpochs != null) {
            searchArgs.addAll(List.of("--epochs", searchEpochs.toString()));
        }
        List<String> trainArgs = new ArrayList<>(dataArgs);
        if (trainLimit != null) {
            trainArgs.addAll(List.of("--train-limit", trainLimit.toString()));
        }
        if (trainEpochs != null) {
            trainArgs.addAll(List.of("--epochs", trainEpochs.toString()));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (long seed = 0; seed < seeds; seed++) {
            Budget seedBudget = budget != null ? new Budget(budget, budgetUnit) : null;
            if (darts) {
                Outcome d = dartsSearch(run.path(), seed, searchArgs, cores);
                outcomes.add(d);
                if (seedBudget == null) {
                    seedBudget = new Budget(budgetUnit == Budget.Unit.SECONDS ? d.searchSeconds() : d.searchImages(),
                            budgetUnit);
                }
                err.println(String.format(Locale.ROOT, "jnas: seed %d: darts searched %.0f s, %,d images (supernet "
                        + "validation %.2f%%)", seed, d.searchSeconds(), d.searchImages(), d.searchReward()));
            }
            if (!blackBox.isEmpty()) {
                List<String> worker = new ArrayList<>(List.of("worker", "--dataset", info.name(), "--data", token,
                        "--seed", Long.toString(seed), "--train-limit", Integer.toString(images),
                        "--threads", Integer.toString(threadsEach), "--plugins-dir",
                        common.pluginsDirectory().toAbsolutePath().toString()));
                try (WorkerPool pool = new WorkerPool(ChildJnas.command(worker), parallel, run.path())) {
                    for (SearchStrategy strategy : blackBox.values()) {
                        Outcome o = blackBoxSearch(run.path(), strategy, new Options(strategy.id(),
                                owned.get(strategy.id())), searched, evaluator, evaluatorOptions, pool, seedBudget, seed);
                        outcomes.add(o);
                        err.println(String.format(Locale.ROOT, "jnas: seed %d: %s made %d evaluations in %.0f s, "
                                + "%,d images of a %s budget (best validation %.2f%%)", seed, strategy.id(),
                                o.evaluations(), o.searchSeconds(), o.searchImages(), seedBudget, o.searchReward()));
                    }
                }
            }
        }
        List<Outcome> trained = FinalTrainings.trainAll(outcomes, preset.train, trainArgs, parallel, threadsEach, err);
        ComparisonReport report = new ComparisonReport(info.name(), budgetUnit, trained);
        report.write(run.path());
        report.printTable(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        err.println("jnas: results in " + run.path());
        return 0;
    }

    private List<String> dataArguments(DatasetInfo info, String token) {
        List<String> args = new ArrayList<>(List.of("--dataset", info.name()));
        switch (token) {
            case "sample" -> args.addAll(List.of("--data", "sample"));
            case "system" -> args.addAll(List.of("--data", "full"));
            default -> args.addAll(List.of("--data-dir", token));
        }
        args.addAll(List.of("--plugins-dir", common.pluginsDirectory().toAbsolutePath().toString(), "--device",
                common.device.name()));
        return args;
    }

    /** Runs strategy options through a zero-cost search, so a bad option fails before any training. */
    private static <A> void checkOptions(SearchStrategy strategy, DiscreteSpace<A> space, Options options) {
        DiscreteProblem<A> probe = new DiscreteProblem<>(space, architecture -> new Evaluation(0, 0, 1, 0), 1, 0,
                options);
        strategy.search(new DiscreteSearchContext(probe, new SearchListener() { }, null));
    }

    private Outcome dartsSearch(Path root, long seed, List<String> extra, int threads) throws IOException {
        Path dir = root.resolve("darts-seed" + seed);
        List<String> args = new ArrayList<>(List.of("search", "--preset", preset.search, "--seed", Long.toString(seed),
                "--threads", Integer.toString(threads), "--output", dir.toString()));
        args.addAll(extra);
        ChildJnas.run("the darts search with seed " + seed, args, root.resolve("darts-seed" + seed + ".log"));
        List<double[]> curve = new ArrayList<>();
        double seconds = 0;
        long images = 0;
        double reward = 0;
        int epochs = 0;
        for (String line : Files.readAllLines(dir.resolve("metrics.jsonl"))) {
            JsonNode epoch = Json.COMPACT.readTree(line);
            seconds = epoch.get("elapsed_seconds").asDouble();
            images = epoch.get("images_processed").asLong();
            reward = 100 * epoch.get("valid_accuracy").asDouble();
            curve.add(new double[] {budgetUnit == Budget.Unit.SECONDS ? seconds : images, reward});
            epochs++;
        }
        ArchitectureRecord found = Json.read(new RunDirectory(dir).architecture(), ArchitectureRecord.class,
                "architecture");
        return new Outcome("darts", seed, TrainedArchitecture.parse(found.space(), found.architecture()), seconds, images, epochs,
                reward, curve, dir, Double.NaN, 0);
    }

    private static Outcome blackBoxSearch(Path root, SearchStrategy strategy, Options strategyOptions,
                                          DiscreteSpace<?> space, Evaluator evaluator, Options evaluatorOptions,
                                          WorkerPool pool, Budget budget, long seed) {
        RepeatedSearch.Run r = RepeatedSearch.once(strategy, strategyOptions, space, evaluator, evaluatorOptions, pool,
                budget, seed);
        RunDirectory dir = RunDirectory.create(root.resolve(strategy.id() + "-seed" + seed));
        TrainedArchitecture found = TrainedArchitecture.parse(space.id(), r.architecture());
        Json.write(dir.architecture(), new ArchitectureRecord(space.id(), found.text(), null));
        if (found.genotype() != null) {
            Json.write(dir.genotype(), found.genotype());
        }
        List<double[]> curve = new ArrayList<>();
        for (Trial t : r.history()) {
            Json.appendLine(dir.path().resolve("trials.jsonl"), t);
            curve.add(new double[] {budget.unit() == Budget.Unit.SECONDS ? t.spentSeconds() : t.spentImages(),
                t.bestReward()});
        }
        return new Outcome(strategy.id(), seed, found, r.spentSeconds(), r.spentImages(), r.trials(), r.reward(),
                curve, dir.path(), Double.NaN, 0);
    }
}
