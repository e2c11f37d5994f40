package dev.jnas.platform.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jnas.api.Evaluator;
import dev.jnas.api.SearchListener;
import dev.jnas.api.SearchResult;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.blackbox.Budget;
import dev.jnas.api.blackbox.DiscreteProblem;
import dev.jnas.api.blackbox.EvaluationSession;
import dev.jnas.api.blackbox.EvaluationSettings;
import dev.jnas.api.blackbox.Options;
import dev.jnas.api.blackbox.Trial;
import dev.jnas.api.blackbox.TrialRunner;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DiscreteSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs a sample-based strategy once per seed on one space, evaluator and budget, as benchmark
 * papers report search methods: the mean and standard deviation, over runs, of the reported
 * result (test accuracy) of the architecture each run returns.
 *
 * <p>Run {@code seed} gives the strategy the seed {@code seed} and opens the evaluator with a
 * seed derived from it, so a run's result depends only on the strategy, its options, the seed,
 * the evaluator and the budget, not on which other runs share the process.
 *
 * <pre>{@code
 * List<Run> runs = RepeatedSearch.run(strategy, options, Nb201Space.INSTANCE, table, tableOptions,
 *         Budget.seconds(12000), 0, 100, done -> {});
 * Summary s = RepeatedSearch.summarise(strategy.id(), runs);
 * }</pre>
 */
public final class RepeatedSearch {

    /** Mixes a run's seed into the evaluator's, so the two random streams differ. */
    private static final long EVALUATOR_SEED_MIX = 0x9E3779B97F4A7C15L;

    /**
     * One run.
     *
     * @param strategy the strategy id
     * @param seed the run's seed
     * @param architecture the returned architecture's canonical text
     * @param reward its reward when it was evaluated
     * @param reported its reported result (test accuracy)
     * @param trials the number of evaluations within the budget
     * @param spentSeconds the seconds spent
     * @param spentImages the images the evaluations processed
     * @param history every trial, for anytime curves
     */
    public record Run(
            @JsonProperty("strategy") String strategy,
            @JsonProperty("seed") long seed,
            @JsonProperty("architecture") String architecture,
            @JsonProperty("reward") double reward,
            @JsonProperty("reported") double reported,
            @JsonProperty("trials") int trials,
            @JsonProperty("spent_seconds") double spentSeconds,
            @JsonProperty("spent_images") long spentImages,
            @JsonProperty("history") List<Trial> history) {
    }

    /**
     * The runs of one strategy, summarised.
     *
     * @param strategy the strategy id
     * @param runs the number of runs
     * @param meanReported mean reported result (test accuracy) of the returned architectures
     * @param stdReported its standard deviation over runs (population form, as numpy's default)
     * @param meanReward mean reward of the returned architectures
     * @param meanTrials mean number of evaluations a run made within the budget
     */
    public record Summary(
            @JsonProperty("strategy") String strategy,
            @JsonProperty("runs") int runs,
            @JsonProperty("mean_reported") double meanReported,
            @JsonProperty("std_reported") double stdReported,
            @JsonProperty("mean_reward") double meanReward,
            @JsonProperty("mean_trials") double meanTrials) {
    }

    private RepeatedSearch() {
    }

    /**
     * Runs {@code strategy} for seeds {@code first .. first+count-1}.
     *
     * @param progress told the number of runs done after each run
     * @throws JnasException if the budget does not cover a single evaluation, or as the strategy
     *     and the evaluator do for bad options
     */
    public static List<Run> run(SearchStrategy strategy, Options strategyOptions, DiscreteSpace<?> space,
                                Evaluator evaluator, Options evaluatorOptions, Budget budget, long first,
                                int count, IntConsumer progress) {
        if (count < 0) {
            throw new IllegalArgumentException("negative run count " + count);
        }
        List<Run> runs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            runs.add(once(strategy, strategyOptions, space, evaluator, evaluatorOptions, budget, first + i));
            progress.accept(i + 1);
        }
        return runs;
    }

    /** One run of {@code strategy} with {@code seed}, for an evaluator that runs no trainings. */
    public static <A> Run once(SearchStrategy strategy, Options strategyOptions, DiscreteSpace<A> space,
                               Evaluator evaluator, Options evaluatorOptions, Budget budget, long seed) {
        return once(strategy, strategyOptions, space, evaluator, evaluatorOptions, TrialRunner.NONE, budget, seed);
    }

    /** One run of {@code strategy} with {@code seed}, whose evaluator trains through {@code runner}. */
    public static <A> Run once(SearchStrategy strategy, Options strategyOptions, DiscreteSpace<A> space,
                               Evaluator evaluator, Options evaluatorOptions, TrialRunner runner,
                               Budget budget, long seed) {
        SearchResult result;
        try (EvaluationSession<A> session = evaluator.open(space,
                new EvaluationSettings(seed * EVALUATOR_SEED_MIX + 1, evaluatorOptions, runner))) {
            DiscreteProblem<A> problem = new DiscreteProblem<>(space, session, budget, seed, strategyOptions);
            result = strategy.search(new DiscreteSearchContext(problem, new SearchListener() { }, null));
        }
        Trial best = result.best();
        if (best == null) {
            throw new JnasException("a budget of " + budget + " does not cover a single evaluation of "
                    + evaluator.id() + " (strategy " + strategy.id() + ", seed " + seed + ")");
        }
        List<Trial> trials = result.trials();
        Trial last = trials.get(trials.size() - 1);
        return new Run(strategy.id(), seed, best.architecture(), best.evaluation().reward(),
                best.evaluation().reported(), trials.size(), last.spentSeconds(), last.spentImages(), trials);
    }

    /** Mean and standard deviation of the reported results, and mean reward and trials. */
    public static Summary summarise(String strategy, List<Run> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs of " + strategy);
        }
        double n = runs.size();
        double mean = runs.stream().mapToDouble(Run::reported).sum() / n;
        double variance = runs.stream().mapToDouble(r -> (r.reported() - mean) * (r.reported() - mean)).sum() / n;
        double reward = runs.stream().mapToDouble(Run::reward).sum() / n;
        double trials = runs.stream().mapToInt(Run::trials).sum() / n;
        return new Summary(strategy, runs.size(), mean, Math.sqrt(variance), reward, trials);
    }
}
