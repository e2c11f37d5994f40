package dev.jnas.ops.standard;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import dev.jnas.api.Operation;
import dev.jnas.api.nn.Layers;

/**
 * {@code dil_conv_k×k}: ReLU, a depthwise {@code k×k} convolution with dilation 2 and padding
 * {@code k − 1} at the given stride, a pointwise 1×1 convolution, BatchNorm; no bias. Its receptive
 * field is {@code 2k − 1} wide with {@code C·k² + C²} weights.
 */
public abstract class DilConvOperation implements Operation {

    private final int kernel;

    /** @param kernel 3 or 5 */
    protected DilConvOperation(int kernel) {
        this.kernel = kernel;
    }

    @Override
    public String id() {
        return "dil_conv_" + kernel + "x" + kernel;
    }

    @Override
    public Block create(int channels, int stride, boolean affine) {
        return dilConv(channels, kernel, stride, kernel - 1, 2, affine);
    }

    /** The DARTS code's {@code DilConv(C, C, kernel, stride, padding, dilation, affine)}. */
    static SequentialBlock dilConv(int channels, int kernel, int stride, int padding, int dilation, boolean affine) {
        return new SequentialBlock()
                .add(Layers.relu())
                .add(Layers.conv2d(channels, kernel, stride, padding, dilation, channels))
                .add(Layers.conv2d(channels, 1, 1, 0, 1, 1))
                .add(Layers.batchNorm(affine));
    }
}
