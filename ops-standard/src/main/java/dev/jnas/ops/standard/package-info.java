/**
 * The candidate operations of DARTS and NAS-Bench-201 as a PF4J plugin: the eight DARTS primitives
 * {@code none}, {@code max_pool_3x3}, {@code avg_pool_3x3}, {@code skip_connect},
 * {@code sep_conv_3x3}, {@code sep_conv_5x5}, {@code dil_conv_3x3} and {@code dil_conv_5x5}, and
 * NAS-Bench-201's {@code nor_conv_1x1} and {@code nor_conv_3x3} (its other three, {@code none},
 * {@code skip_connect} and {@code avg_pool_3x3}, are DARTS's at stride 1). Each is an
 * {@link dev.jnas.api.Operation} extension that computes what the papers' operation of the same
 * name computes. They are assembled from the building blocks of {@link dev.jnas.api.nn}.
 */
package dev.jnas.ops.standard;
