/**
 * The jnas extension points: {@link dev.jnas.api.Operation}, {@link dev.jnas.api.SearchStrategy},
 * {@link dev.jnas.api.HypergradientEstimator} and {@link dev.jnas.api.Regularizer}.
 *
 * <p>A plugin implements one or more of them, annotates each implementation with PF4J's
 * {@code @Extension} and declares this module, DJL, PF4J, Jackson and slf4j {@code provided}.
 */
package dev.jnas.api;
