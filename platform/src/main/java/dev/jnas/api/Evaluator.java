package dev.jnas.api;

import dev.jnas.api.blackbox.EvaluationSession;
import dev.jnas.api.blackbox.EvaluationSettings;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DiscreteSpace;
import org.pf4j.ExtensionPoint;

/**
 * Measures architectures for sample-based search: looks them up in a tabular benchmark
 * ({@code nb201-table}), or trains them. The strategy proposes, the evaluator measures, the space
 * defines what can be proposed: three separate things.
 *
 * <p>Life-cycle: the extension is a stateless factory (it may cache read-only data such as a
 * parsed table). The launcher picks it by {@link #id()} and {@linkplain #open opens} one
 * {@link EvaluationSession} per search run, with that run's seed and the evaluator's options; the
 * strategy evaluates through the session, and the launcher closes it when the run ends.
 *
 * <pre>{@code
 * try (EvaluationSession<Nb201Cell> session = evaluator.open(Nb201Space.INSTANCE, settings)) {
 *     Evaluation e = session.evaluate(cell);
 * }
 * }</pre>
 */
public interface Evaluator extends ExtensionPoint {

    /** The stable id used on the command line, e.g. {@code nb201-table}. */
    String id();

    /** One line for help texts and {@code jnas plugins}. */
    String description();

    /**
     * Opens a session that evaluates architectures of {@code space}.
     *
     * @throws JnasException if the evaluator cannot evaluate that space, an option is unknown or
     *     malformed, or a file it needs is missing or corrupt
     */
    <A> EvaluationSession<A> open(DiscreteSpace<A> space, EvaluationSettings settings);
}
