package dev.jnas.api.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/**
 * Factories for DJL layers configured as their PyTorch counterparts in the DARTS reference code.
 *
 * <ul>
 *   <li>{@link #batchNorm(boolean)} is {@code nn.BatchNorm2d(C, affine=affine)}: epsilon
 *       {@value #BATCH_NORM_EPSILON}, running statistics updated with PyTorch momentum 0.1 (DJL
 *       counts momentum the other way round: {@value #BATCH_NORM_MOMENTUM}), and a learned scale
 *       and shift only when {@code affine}. Without them DJL still keeps {@code gamma}/{@code beta}
 *       arrays (ones and zeros) but they do not require gradient, so they are not trainable
 *       weights.
 *   <li>{@link #conv2d(int, int, int, int, int, int)} is {@code nn.Conv2d(..., bias=False)} with a
 *       square kernel.
 *   <li>{@link #relu()} is {@code nn.ReLU(inplace=False)}.
 * </ul>
 *
 * <pre>{@code Block depthwise = Layers.conv2d(c, 3, stride, 1, 1, c);}</pre>
 */
public final class Layers {

    /** PyTorch's default BatchNorm epsilon. */
    public static final float BATCH_NORM_EPSILON = 1e-5f;

    /** DJL's momentum equal to PyTorch's default BatchNorm momentum 0.1. */
    public static final float BATCH_NORM_MOMENTUM = 0.9f;

    private Layers() {}

    /**
     * A 2-d BatchNorm over the channel axis with PyTorch's defaults.
     *
     * @param affine whether it learns a per-channel scale and shift (false inside a search supernet)
     * @return a new, uninitialised BatchNorm over axis 1
     */
    public static BatchNorm batchNorm(boolean affine) {
        return BatchNorm.builder()
                .optAxis(1)
                .optCenter(affine)
                .optScale(affine)
                .optEpsilon(BATCH_NORM_EPSILON)
                .optMomentum(BATCH_NORM_MOMENTUM)
                .build();
    }

    /**
     * A 2-d convolution without bias and a {@code kernel × kernel} window; the input channels come
     * from the input shape.
     *
     * @param filters output channels
     * @param kernel kernel height and width
     * @param stride stride in both directions
     * @param padding zero padding on every side
     * @param dilation dilation in both directions
     * @param groups 1 for a dense convolution, the input channels for a depthwise one
     * @return a new, uninitialised convolution
     */
    public static Conv2d conv2d(int filters, int kernel, int stride, int padding, int dilation, int groups) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optDilation(new Shape(dilation, dilation))
                .optGroups(groups)
                .optBias(false)
                .build();
    }

    /** A ReLU block (not in place: the input array is left as it is). */
    public static Block relu() {
        return Activation.reluBlock();
    }
}
