/**
 * Regularized (aging) evolution over a discrete space:
 * {@link dev.jnas.strategies.evolution.RegularizedEvolutionSearchStrategy}.
 */
package dev.jnas.strategies.evolution;
