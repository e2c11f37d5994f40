package dev.jnas.ops.standard;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import dev.jnas.api.Operation;

/**
 * {@code sep_conv_k×k}: twice (ReLU, depthwise {@code k×k} convolution with padding {@code k / 2},
 * pointwise 1×1 convolution, BatchNorm); only the first depthwise convolution has the stride; no
 * bias. {@code 2·(C·k² + C²)} weights.
 */
public abstract class SepConvOperation implements Operation {

    private final int kernel;

    /** @param kernel 3 or 5 */
    protected SepConvOperation(int kernel) {
        this.kernel = kernel;
    }

    @Override
    public String id() {
        return "sep_conv_" + kernel + "x" + kernel;
    }

    @Override
    public Block create(int channels, int stride, boolean affine) {
        int padding = kernel / 2;
        return new SequentialBlock()
                .add(DilConvOperation.dilConv(channels, kernel, stride, padding, 1, affine))
                .add(DilConvOperation.dilConv(channels, kernel, 1, padding, 1, affine));
    }
}
