package dev.jnas.api.blackbox;

/**
 * An evaluator opened for one search run: maps architectures of one space to
 * {@link Evaluation}s. It may keep state across calls (a random source for noisy rewards, a
 * device, a cache); close it when the run ends.
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

    /** Releases what the session holds; does nothing by default. */
    @Override
    default void close() {
    }
}
