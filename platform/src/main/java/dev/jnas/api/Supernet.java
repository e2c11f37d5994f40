package dev.jnas.api;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.jnas.api.space.CellSpace;
import java.util.Map;

/**
 * The continuous relaxation of a cell search space: every edge of every cell is a softmax-weighted
 * mixture of all candidate operations, weighted by the architecture parameters α (one
 * {@code edges × operations} matrix per cell type, shared by all cells of that type).
 *
 * <p>Life-cycle: the platform builds and initialises it (see {@link SearchContext#supernet()});
 * a gradient-based strategy then alternates updates of {@link #weights()} and {@link #alphas()}.
 * Arrays returned by {@link #forward} belong to no long-lived manager: call it inside an
 * {@link ai.djl.ndarray.NDScope} or close them.
 *
 * <pre>{@code NDArray logits = supernet.forward(batch.images(), true);}</pre>
 */
public interface Supernet {

    /** The cell types, in the order of {@link #alphaWeights()}. */
    String NORMAL = "normal";
    String REDUCE = "reduce";

    /** The space this supernet relaxes. */
    CellSpace space();

    /** The network's weights by path name (stable across processes), excluding α. */
    Map<String, Parameter> weights();

    /** The architecture parameters: {@code alphas_normal} and {@code alphas_reduce}. */
    Map<String, Parameter> alphas();

    /** Class scores {@code (N, classes)} for normalised images {@code (N, C, H, W)}. */
    NDArray forward(NDArray images, boolean training);

    /** The operation weights after softmax: {@code [cell type][edge][operation]}. */
    float[][][] alphaWeights();

    /** The number of trainable weights (α and BatchNorm statistics not counted). */
    long weightCount();

    /** The underlying DJL block, for saving and loading parameters. */
    Block block();
}
