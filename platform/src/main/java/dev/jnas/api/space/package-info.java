/**
 * Search spaces and the architectures in them: the DARTS cell space
 * {@link dev.jnas.api.space.CellSpace}, its {@link dev.jnas.api.space.Genotype} and the DARTS
 * discretisation rule {@link dev.jnas.api.space.GenotypeDerivation}; the NAS-Bench-201 cell
 * {@link dev.jnas.api.space.Nb201Cell}; and the {@link dev.jnas.api.space.DiscreteSpace} view that
 * sample-based strategies search, with its two spaces {@link dev.jnas.api.space.Nb201Space} and
 * {@link dev.jnas.api.space.DartsSpace}; {@link dev.jnas.api.space.Architecture} pairs an
 * architecture with its space, as a supernet derives it.
 */
package dev.jnas.api.space;
