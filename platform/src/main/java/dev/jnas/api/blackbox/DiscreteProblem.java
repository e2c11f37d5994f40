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
 * @param budgetSeconds the total cost, in the evaluator's seconds, the search may spend
 * @param seed the seed of the strategy's random choices
 * @param options the strategy's options
 * @param <A> the architecture type
 */
public record DiscreteProblem<A>(DiscreteSpace<A> space, EvaluationSession<A> evaluator, double budgetSeconds,
                                 long seed, Options options) {

    public DiscreteProblem {
        if (space == null || evaluator == null || options == null) {
            throw new IllegalArgumentException("space, evaluator and options are required");
        }
        if (!(budgetSeconds > 0) || !Double.isFinite(budgetSeconds)) {
            throw new JnasException("budget must be a positive number of seconds, got " + budgetSeconds);
        }
    }
}
