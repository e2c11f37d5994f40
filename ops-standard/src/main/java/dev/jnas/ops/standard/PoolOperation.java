package dev.jnas.ops.standard;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import dev.jnas.api.Operation;
import dev.jnas.api.nn.Layers;

/**
 * A 3×3 pooling with padding 1 at the given stride, followed by a non-affine BatchNorm exactly
 * when {@code affine} is false.
 *
 * <p>{@code affine == false} means the block is an edge of a search supernet: there the DARTS
 * search code ({@code MixedOp}) appends {@code BatchNorm2d(C, affine=False)} to each pooling so its
 * output is on the scale of the convolutions' normalised outputs. The network that trains a derived
 * genotype uses {@code affine == true} and, as the DARTS evaluation code, no BatchNorm after a
 * pooling.
 */
public abstract class PoolOperation implements Operation {

    /** The pooling alone, a 3×3 window with padding 1. */
    protected abstract Block pool(int stride);

    @Override
    public Block create(int channels, int stride, boolean affine) {
        SequentialBlock block = new SequentialBlock().add(pool(stride));
        if (!affine) {
            block.add(Layers.batchNorm(false));
        }
        return block;
    }

    @Override
    public boolean weightFree() {
        return true;
    }
}
