package dev.jnas.api.blackbox;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DiscreteSpace;

/**
 * What a sample-based strategy is given: the space to propose from, the evaluator session that
 * measures proposals, the cost budget, the seed of the strategy's own random choices and the
 * strategy's options. The strategy sees architectures and evaluations, never a supernet.
 *
 * <p>Strategies spend the budget through a {@link TrialLog}, which applies the same stopping rule
 * to all of them.
 *
 * <pre>{@code
 * DiscreteProblem<?> problem = context.discreteProblem();
 * return run(problem);  // a generic <A> SearchResult run(DiscreteProblem<A> p) captures the type
 * }</pre>
 *
 * @param space the space proposals come from
 * @param evaluator measures proposals; opened for this run
 * @param budget the total cost the search may spend: the evaluator's seconds or images processed
 * @param seed the seed of the strategy's random choices
 * @param options the strategy's options
 * @param <A> the architecture type
 */
public record DiscreteProblem<A>(DiscreteSpace<A> space, EvaluationSession<A> evaluator, Budget budget,
                                 long seed, Options options) {

    public DiscreteProblem {
        if (space == null || evaluator == null || budget == null || options == null) {
            throw new IllegalArgumentException("space, evaluator, budget and options are required");
        }
    }

    /**
     * A problem whose budget is {@code budgetSeconds} of the evaluator's seconds.
     *
     * @throws JnasException if the budget is not a positive, finite number
     */
    public DiscreteProblem(DiscreteSpace<A> space, EvaluationSession<A> evaluator, double budgetSeconds, long seed,
                           Options options) {
        this(space, evaluator, Budget.seconds(budgetSeconds), seed, options);
    }
}
