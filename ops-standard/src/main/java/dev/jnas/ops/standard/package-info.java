/**
 * The eight DARTS candidate operations as a PF4J plugin: {@code none}, {@code max_pool_3x3},
 * {@code avg_pool_3x3}, {@code skip_connect}, {@code sep_conv_3x3}, {@code sep_conv_5x5},
 * {@code dil_conv_3x3} and {@code dil_conv_5x5}, each an {@link dev.jnas.api.Operation} extension
 * that computes what the DARTS code's operation of the same name computes. They are assembled from
 * the building blocks of {@link dev.jnas.api.nn}.
 */
package dev.jnas.ops.standard;
