package dev.jnas.api;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.jnas.api.space.Architecture;
import java.util.List;
import java.util.Map;

/**
 * The continuous relaxation of a cell search space: every edge of every cell is a softmax-weighted
 * mixture of all candidate operations, weighted by the architecture parameters α (one
 * {@code edges × operations} matrix per cell type, shared by all cells of that type). The DARTS
 * supernet has two cell types, {@value #NORMAL} and {@value #REDUCE}; NAS-Bench-201's has one,
 * {@value #CELL}.
 *
 * <p>Life-cycle: the platform builds and initialises it (see {@link SearchContext#supernet()});
 * a gradient-based strategy then alternates updates of {@link #weights()} and {@link #alphas()},
 * and after an epoch {@linkplain #derive derives} the discrete architecture in the supernet's space.
 * Arrays returned by {@link #forward} belong to no long-lived manager: call it inside an
 * {@link ai.djl.ndarray.NDScope} or close them.
 *
 * <pre>{@code NDArray logits = supernet.forward(batch.images(), true);}</pre>
 */
public interface Supernet {

    /** The DARTS cell types, in the order of {@link #alphaWeights()}. */
    String NORMAL = "normal";
    String REDUCE = "reduce";

    /** The one cell type of NAS-Bench-201's supernet. */
    String CELL = "cell";

    /** The cell types, one α each, in the order of {@link #alphas()} and {@link #alphaWeights()}. */
    List<String> cellTypes();

    /** The candidate operation ids, in α's column order. */
    List<String> operations();

    /** The network's weights by path name (stable across processes), excluding α. */
    Map<String, Parameter> weights();

    /** The architecture parameters, {@code alphas_<cell type>} ({@code alphas_normal}, {@code alphas_reduce}). */
    Map<String, Parameter> alphas();

    /** Class scores {@code (N, classes)} for normalised images {@code (N, C, H, W)}. */
    NDArray forward(NDArray images, boolean training);

    /** The operation weights after softmax: {@code [cell type][edge][operation]}. */
    float[][][] alphaWeights();

    /**
     * The discrete architecture that operation weights choose, in this supernet's space, by that
     * space's rule: a DARTS {@link dev.jnas.api.space.Genotype}
     * ({@link dev.jnas.api.space.GenotypeDerivation}), a NAS-Bench-201
     * {@link dev.jnas.api.space.Nb201Cell} ({@link dev.jnas.api.space.Nb201Cell#derive}).
     *
     * @param weights {@code [cell type][edge][operation]}, usually {@link #alphaWeights()}
     */
    Architecture<?> derive(float[][][] weights);

    /** The number of trainable weights (α and BatchNorm statistics not counted). */
    long weightCount();

    /** The underlying DJL block, for saving and loading parameters. */
    Block block();
}
