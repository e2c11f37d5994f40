package dev.jnas.ops.standard;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import org.pf4j.Extension;

/**
 * {@code max_pool_3x3}: {@code MaxPool2d(3, stride, padding=1)} (see {@link PoolOperation}).
 */
@Extension
public class MaxPoolOperation extends PoolOperation {

    @Override
    public String id() {
        return "max_pool_3x3";
    }

    @Override
    protected Block pool(int stride) {
        return Pool.maxPool2dBlock(new Shape(3, 3), new Shape(stride, stride), new Shape(1, 1));
    }
}
