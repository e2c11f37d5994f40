/**
 * Black-box (sample-based) search: what random search, evolution and reinforcement learning work
 * with. A {@link dev.jnas.api.blackbox.DiscreteProblem} bundles a
 * {@link dev.jnas.api.space.DiscreteSpace}, an {@link dev.jnas.api.blackbox.EvaluationSession}
 * (an {@link dev.jnas.api.Evaluator} opened for one run), a budget, a seed and
 * {@link dev.jnas.api.blackbox.Options}; a {@link dev.jnas.api.blackbox.TrialLog} spends the
 * budget under one rule and records the {@link dev.jnas.api.blackbox.Trial}s.
 *
 * <p>This package depends on {@code space} and {@code error} only, never on {@code dev.jnas.api}.
 */
package dev.jnas.api.blackbox;
