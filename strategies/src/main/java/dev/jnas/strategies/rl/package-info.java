/**
 * Reinforcement-learning search over a discrete space:
 * {@link dev.jnas.strategies.rl.ReinforceSearchStrategy} and its policy.
 */
package dev.jnas.strategies.rl;
