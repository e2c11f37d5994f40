/**
 * The NAS-Bench-201 tabular benchmark: {@link dev.jnas.strategies.nb201.Nb201Table} reads the
 * table of all 15,625 cells, and {@link dev.jnas.strategies.nb201.Nb201TableEvaluator}
 * ({@code nb201-table}) answers evaluations from it.
 */
package dev.jnas.strategies.nb201;
