/**
 * Training a found architecture from scratch, as the DARTS evaluation does:
 * {@link dev.jnas.platform.evaluation.DartsNetwork} (the reference's {@code NetworkCIFAR} for a
 * genotype), {@link dev.jnas.platform.evaluation.Genotypes} (built-in and saved genotypes),
 * {@link dev.jnas.platform.evaluation.DropPath} and the epoch/step loop
 * {@link dev.jnas.platform.evaluation.Trainer} with its settings, metrics and result records.
 */
package dev.jnas.platform.evaluation;
