/**
 * Search spaces and the architectures in them: {@link dev.jnas.api.space.CellSpace},
 * {@link dev.jnas.api.space.Genotype} and the DARTS discretisation rule
 * {@link dev.jnas.api.space.GenotypeDerivation}.
 */
package dev.jnas.api.space;
