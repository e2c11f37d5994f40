/**
 * The jnas extension points: {@link dev.jnas.api.Operation}, {@link dev.jnas.api.SearchStrategy},
 * {@link dev.jnas.api.HypergradientEstimator}, {@link dev.jnas.api.Regularizer} and
 * {@link dev.jnas.api.Evaluator}.
 *
 * <p>Beside them live the contracts a strategy works with: {@link dev.jnas.api.SearchContext},
 * {@link dev.jnas.api.Supernet}, {@link dev.jnas.api.BilevelProblem}, {@link dev.jnas.api.SearchSettings},
 * progress reports and results. Values they use are in the leaf packages {@code data}, {@code space},
 * {@code blackbox} (what sample-based strategies work with), {@code optim}, {@code nn} and
 * {@code error}, which never depend back on this package.
 *
 * <p>A plugin implements one or more of them, annotates each implementation with PF4J's
 * {@code @Extension} and declares this module, DJL, PF4J, Jackson and slf4j {@code provided}.
 */
package dev.jnas.api;
