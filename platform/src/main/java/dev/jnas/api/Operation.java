package dev.jnas.api;

import ai.djl.nn.Block;
import org.pf4j.ExtensionPoint;

/**
 * A candidate operation of a cell edge: a factory that builds a fresh DJL {@link Block} for a
 * given number of channels, stride and BatchNorm affinity.
 *
 * <p>Life-cycle: the platform asks for one new block per edge (blocks are never shared between
 * edges), adds it to the network and initialises it with the input shape {@code (N, C, H, W)}.
 * The block maps {@code (N, C, H, W)} to {@code (N, C, ceil(H / stride), ceil(W / stride))}.
 *
 * <p>Ids are the primitive names used by the papers' code ({@code sep_conv_3x3},
 * {@code skip_connect}, {@code none}...), so genotypes stay interchangeable with it.
 *
 * <pre>{@code Block edge = operation.create(16, 2, false);}</pre>
 */
public interface Operation extends ExtensionPoint {

    /** The stable id, e.g. {@code sep_conv_3x3}. */
    String id();

    /**
     * Builds a new block.
     *
     * @param channels input and output channels
     * @param stride 1, or 2 in a reduction cell's edges from the cell inputs
     * @param affine whether BatchNorm layers learn a scale and shift (false inside a search supernet)
     */
    Block create(int channels, int stride, boolean affine);

    /** Whether the operation has no weights at stride 1 (none, pooling, identity). */
    default boolean weightFree() {
        return false;
    }
}
