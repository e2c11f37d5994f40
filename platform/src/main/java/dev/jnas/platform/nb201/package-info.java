/**
 * NAS-Bench-201's networks (Dong &amp; Yang, ICLR 2020): {@link dev.jnas.platform.nb201.Nb201Network},
 * the discrete network the benchmark trains for a cell (its weight count is the table's), and
 * {@link dev.jnas.platform.nb201.Nb201Supernet}, the supernet its DARTS baseline searches. Both share
 * the benchmark's macro skeleton: stem, three stages of cells joined by residual reduction blocks,
 * BatchNorm–ReLU, pooling and a linear classifier.
 */
package dev.jnas.platform.nb201;
