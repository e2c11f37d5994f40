package dev.jnas.api.blackbox;

import dev.jnas.api.error.JnasException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Spends a {@link DiscreteProblem}'s budget and records the history; every sample-based strategy
 * evaluates through one, so all follow the same rule.
 *
 * <p><b>Budget rule</b> (NAS-Bench-201's): a query whose cost — in the budget's unit, seconds or
 * images processed — would take the total past the budget
 * is discarded — neither charged nor recorded — and ends the search; {@link #exhausted()} is then
 * true and every later {@link #evaluate} is refused. The total spent therefore never exceeds the
 * budget. With a table the discarded query costs nothing; an evaluator that trains has done the
 * work, which the rule deliberately does not count, so that all strategies are compared on the
 * same budget.
 *
 * <pre>{@code
 * TrialLog<A> log = new TrialLog<>(problem, listener::onTrial);
 * while (!log.exhausted()) {
 *     log.evaluate(problem.space().sample(random));
 * }
 * }</pre>
 *
 * @param <A> the architecture type
 */
public final class TrialLog<A> {

    private final DiscreteProblem<A> problem;
    private final Consumer<Trial> listener;
    private final List<Trial> trials = new ArrayList<>();
    private A bestArchitecture;
    private Trial best;
    private double spent;
    private long spentImages;
    private boolean exhausted;

    /** @param listener told of every recorded trial, e.g. a search listener's {@code onTrial} */
    public TrialLog(DiscreteProblem<A> problem, Consumer<Trial> listener) {
        this.problem = problem;
        this.listener = listener;
    }

    /** The budget this log spends. */
    public Budget budget() {
        return problem.budget();
    }

    /**
     * Evaluates {@code architecture} if the budget allows.
     *
     * @return the recorded trial, or empty if the query did not fit the budget (the search is over)
     */
    public Optional<Trial> evaluate(A architecture) {
        if (exhausted) {
            return Optional.empty();
        }
        return record(architecture, problem.evaluator().evaluate(architecture));
    }

    /**
     * Evaluates a batch, as many at once as the evaluator can ({@link #parallelism()}), and records
     * the evaluations in order while the budget allows: the first that does not fit ends the search
     * and is discarded with all after it. With a batch of one this is {@link #evaluate}.
     *
     * @return the recorded trials; fewer than the batch when the search is over
     */
    public List<Trial> evaluateAll(List<A> architectures) {
        if (exhausted || architectures.isEmpty()) {
            return List.of();
        }
        List<Evaluation> evaluations = problem.evaluator().evaluateAll(architectures);
        List<Trial> recorded = new ArrayList<>(architectures.size());
        for (int i = 0; i < architectures.size(); i++) {
            Optional<Trial> trial = record(architectures.get(i), evaluations.get(i));
            if (trial.isEmpty()) {
                break;
            }
            recorded.add(trial.get());
        }
        return recorded;
    }

    /** How many architectures the evaluator measures at once: a good batch size for {@link #evaluateAll}. */
    public int parallelism() {
        return Math.max(1, problem.evaluator().parallelism());
    }

    private Optional<Trial> record(A architecture, Evaluation evaluation) {
        Budget budget = problem.budget();
        double before = budget.unit() == Budget.Unit.SECONDS ? spent : spentImages;
        double cost = budget.cost(evaluation);
        if (!(cost > 0)) {
            throw new JnasException("the evaluation of " + problem.space().format(architecture) + " cost nothing against "
                    + "a budget of " + budget + "; a search whose queries are free would never end (does the "
                    + "evaluator count " + budget.unit().name().toLowerCase(java.util.Locale.ROOT) + "?)");
        }
        if (before + cost > budget.amount()) {
            exhausted = true;
            return Optional.empty();
        }
        spent += evaluation.seconds();
        spentImages += evaluation.images();
        int number = trials.size() + 1;
        String text = problem.space().format(architecture);
        Trial trial;
        if (best == null || evaluation.reward() > best.evaluation().reward()) {
            trial = new Trial(number, text, evaluation, spent, spentImages, number, evaluation.reward(),
                    evaluation.reported());
            best = trial;
            bestArchitecture = architecture;
        } else {
            trial = new Trial(number, text, evaluation, spent, spentImages, best.number(), best.evaluation().reward(),
                    best.evaluation().reported());
        }
        trials.add(trial);
        listener.accept(trial);
        return Optional.of(trial);
    }

    /** Whether a query has been refused for the budget: the search is over. */
    public boolean exhausted() {
        return exhausted;
    }

    /** The seconds spent so far. */
    public double spentSeconds() {
        return spent;
    }

    /** The images processed so far. */
    public long spentImages() {
        return spentImages;
    }

    /** The recorded trials, in order; unmodifiable. */
    public List<Trial> trials() {
        return Collections.unmodifiableList(trials);
    }

    /** The best trial so far by reward (the earliest among equals), or empty before the first. */
    public Optional<Trial> best() {
        return Optional.ofNullable(best);
    }

    /** The architecture of {@link #best()}, or empty before the first trial. */
    public Optional<A> bestArchitecture() {
        return Optional.ofNullable(bestArchitecture);
    }
}
