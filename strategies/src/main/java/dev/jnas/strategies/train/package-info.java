/** The {@code train} evaluator: measures an architecture by training it briefly, through the run's trial runner. */
package dev.jnas.strategies.train;
