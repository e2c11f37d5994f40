package dev.jnas.api.blackbox;

import java.util.ArrayList;
import java.util.List;

/**
 * An evaluator opened for one search run: maps architectures of one space to
 * {@link Evaluation}s. It may keep state across calls (a random source for noisy rewards, a
 * device, a cache); close it when the run ends.
 *
 * <p>An evaluator that trains may evaluate several architectures at once; it says how many with
 * {@link #parallelism()} and does so in {@link #evaluateAll}. Strategies that can propose a batch
 * (random search, the population of evolution) use it; the results are the same as one by one.
 *
 * <pre>{@code
 * try (EvaluationSession<Nb201Cell> session = evaluator.open(Nb201Space.INSTANCE, settings)) {
 *     double reward = session.evaluate(cell).reward();
 * }
 * }</pre>
 *
 * @param <A> the architecture type of the space it was opened for
 */
@FunctionalInterface
public interface EvaluationSession<A> extends AutoCloseable {

    /** Evaluates one architecture; may give a different reward each time when the reward is noisy. */
    Evaluation evaluate(A architecture);

    /** How many evaluations {@link #evaluateAll} runs at once; 1 by default. */
    default int parallelism() {
        return 1;
    }

    /** Evaluates architectures in order, as many at once as the session can; one by one by default. */
    default List<Evaluation> evaluateAll(List<A> architectures) {
        List<Evaluation> evaluations = new ArrayList<>(architectures.size());
        for (A architecture : architectures) {
            evaluations.add(evaluate(architecture));
        }
        return evaluations;
    }

    /** Releases what the session holds; does nothing by default. */
    @Override
    default void close() {
    }
}
