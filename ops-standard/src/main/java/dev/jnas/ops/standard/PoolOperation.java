package dev.jnas.ops.standard;

import ai.djl.nn.Block;
import dev.jnas.api.Operation;

/**
 * A 3×3 pooling with padding 1 at the given stride; no weights and no BatchNorm, affine or not.
 *
 * <p>The DARTS search code appends {@code BatchNorm2d(C, affine=False)} to each pooling of a mixed
 * edge; that is the supernet's business (the platform's mixed edge adds it for the DARTS space),
 * not the operation's: NAS-Bench-201's supernet pools without it.
 */
public abstract class PoolOperation implements Operation {

    /** The pooling alone, a 3×3 window with padding 1. */
    protected abstract Block pool(int stride);

    @Override
    public Block create(int channels, int stride, boolean affine) {
        return pool(stride);
    }

    @Override
    public boolean weightFree() {
        return true;
    }
}
