package dev.jnas.api;

import org.pf4j.ExtensionPoint;

/**
 * A way to search an architecture space: DARTS, evolution, reinforcement learning, random search.
 *
 * <p>Life-cycle: the launcher picks a strategy by {@link #id()}, builds a {@link SearchContext}
 * (data, space, budget, seed, run directory, listeners) and calls {@link #search} once. The
 * strategy reports each epoch to the context's listener and returns the architecture it found.
 *
 * <pre>{@code SearchResult result = strategy.search(context);}</pre>
 */
public interface SearchStrategy extends ExtensionPoint {

    /** The stable id used on the command line, e.g. {@code darts}. */
    String id();

    /** One line for help texts and {@code jnas plugins}. */
    String description();

    /**
     * Whether the strategy trains a supernet ({@link SearchContext#supernet()}, DARTS-like) rather
     * than sampling architectures for an evaluator ({@link SearchContext#discreteProblem()}).
     */
    default boolean usesSupernet() {
        return true;
    }

    /** Runs the search to the end of the context's budget. */
    SearchResult search(SearchContext context);
}
