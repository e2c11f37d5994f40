package dev.jnas.ops.standard;

import ai.djl.nn.Block;
import dev.jnas.api.Operation;
import dev.jnas.api.nn.ReluConvBn;

/**
 * {@code nor_conv_k×k}, NAS-Bench-201's plain convolution: ReLU, a {@code k×k} convolution with
 * the stride and padding {@code k / 2}, no bias, then BatchNorm ({@link ReluConvBn}).
 * {@code C²·k²} weights, plus {@code 2·C} when affine.
 *
 * <p>NAS-Bench-201's code gives the convolution a bias when the BatchNorm is not affine (inside its
 * search supernet); that bias is subtracted again by the BatchNorm's mean, so its gradient is zero
 * and it is left out here.
 */
public abstract class NorConvOperation implements Operation {

    private final int kernel;

    /** @param kernel 1 or 3 */
    protected NorConvOperation(int kernel) {
        this.kernel = kernel;
    }

    @Override
    public String id() {
        return "nor_conv_" + kernel + "x" + kernel;
    }

    @Override
    public Block create(int channels, int stride, boolean affine) {
        return new ReluConvBn(channels, kernel, stride, kernel / 2, affine);
    }
}
