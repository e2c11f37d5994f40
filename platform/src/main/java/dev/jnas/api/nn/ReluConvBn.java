package dev.jnas.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * ReLU, then a {@code kernel × kernel} convolution without bias, then BatchNorm: the DARTS
 * reference code's {@code ReLUConvBN(C_in, C_out, kernel, stride, padding, affine)}.
 *
 * <p>The input channels are read from the input shape when the block is initialised. Output
 * shape: {@code (N, outChannels, (H + 2·padding − kernel) / stride + 1, same for W)}. The cell
 * preprocessing of a supernet uses {@code new ReluConvBn(c, 1, 1, 0, false)}.
 *
 * <p>Parameters: {@code 01conv_weight} of shape {@code (outChannels, C_in, kernel, kernel)} and the
 * BatchNorm's {@code 02bn_*}.
 *
 * <pre>{@code Block pre = new ReluConvBn(16, 1, 1, 0, false);}</pre>
 */
public class ReluConvBn extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int outChannels;
    private final Conv2d conv;
    private final BatchNorm bn;

    /**
     * @param outChannels output channels
     * @param kernel kernel height and width
     * @param stride stride in both directions
     * @param padding zero padding on every side
     * @param affine whether the BatchNorm learns a scale and shift
     */
    public ReluConvBn(int outChannels, int kernel, int stride, int padding, boolean affine) {
        super(VERSION);
        if (outChannels < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("ReluConvBn needs outChannels, kernel, stride >= 1 and padding >= 0, got "
                    + outChannels + ", " + kernel + ", " + stride + ", " + padding);
        }
        this.outChannels = outChannels;
        this.conv = addChildBlock("conv", Layers.conv2d(outChannels, kernel, stride, padding, 1, 1));
        this.bn = addChildBlock("bn", Layers.batchNorm(affine));
    }

    /** The number of output channels. */
    public int outChannels() {
        return outChannels;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = Activation.relu(inputs.singletonOrThrow());
        NDList y = conv.forward(parameterStore, new NDList(x), training, params);
        return bn.forward(parameterStore, y, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
        bn.initialize(manager, dataType, conv.getOutputShapes(inputShapes));
    }
}
