package dev.jnas.ops.standard;

import ai.djl.nn.Block;
import dev.jnas.api.Operation;
import dev.jnas.api.nn.Zero;
import org.pf4j.Extension;

/** {@code none}: zeros of the output shape (strided at stride 2); it removes an edge. */
@Extension
public class ZeroOperation implements Operation {

    @Override
    public String id() {
        return "none";
    }

    @Override
    public Block create(int channels, int stride, boolean affine) {
        return new Zero(stride);
    }

    @Override
    public boolean weightFree() {
        return true;
    }
}
