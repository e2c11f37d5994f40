package dev.jnas.ops.standard;

import ai.djl.nn.Block;
import dev.jnas.api.Operation;
import dev.jnas.api.nn.FactorizedReduce;
import dev.jnas.api.nn.Identity;
import org.pf4j.Extension;

/**
 * {@code skip_connect}: the identity at stride 1; at stride 2 a {@link FactorizedReduce} to the same
 * number of channels (which then has weights, and needs an even number of channels).
 */
@Extension
public class SkipConnectOperation implements Operation {

    @Override
    public String id() {
        return "skip_connect";
    }

    @Override
    public Block create(int channels, int stride, boolean affine) {
        if (stride == 1) {
            return new Identity();
        }
        if (stride != 2) {
            throw new IllegalArgumentException("skip_connect supports stride 1 or 2, got " + stride);
        }
        return new FactorizedReduce(channels, affine);
    }

    @Override
    public boolean weightFree() {
        return true;
    }
}
