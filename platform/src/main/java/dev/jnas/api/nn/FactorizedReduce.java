package dev.jnas.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Halves the spatial size without losing every other pixel: ReLU, then two 1×1 stride-2
 * convolutions without bias, each to {@code outChannels / 2} channels, one on the input and one on
 * the input shifted by one pixel ({@code x[:, :, 1:, 1:]}), concatenated on the channel axis, then
 * BatchNorm. This is the DARTS reference code's {@code FactorizedReduce(C_in, C_out, affine)}; the
 * supernet uses it to preprocess a cell input that comes from before a reduction cell, and
 * {@code skip_connect} at stride 2 is {@code new FactorizedReduce(c, affine)}.
 *
 * <p>Odd sizes: the first branch gives {@code ceil(H / 2)} rows, but the shifted input has
 * {@code H − 1} rows, which gives only {@code floor(H / 2)} when {@code H} is odd, so the DARTS
 * reference code fails to concatenate. jnas pads the shifted input with one row of zeros at the
 * bottom (and one column at the right) when the height (width) is odd, as the NAS-Bench-201 code
 * does, so both halves are {@code ceil(H / 2) × ceil(W / 2)}. The padded positions contribute zeros
 * to the last row (column) of the second half. Even sizes are computed exactly as the reference.
 *
 * <p>Output shape: {@code (N, outChannels, ceil(H / 2), ceil(W / 2))}. Parameters:
 * {@code 01conv1_weight}, {@code 02conv2_weight} (each {@code (outChannels / 2, C_in, 1, 1)}) and
 * the BatchNorm's {@code 03bn_*}.
 *
 * <pre>{@code Block pre0 = new FactorizedReduce(16, false);}</pre>
 */
public class FactorizedReduce extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final NDIndex SHIFTED = new NDIndex(":, :, 1:, 1:");

    private final int outChannels;
    private final Conv2d conv1;
    private final Conv2d conv2;
    private final BatchNorm bn;

    /**
     * @param outChannels output channels, even (each branch gives half of them)
     * @param affine whether the BatchNorm learns a scale and shift
     */
    public FactorizedReduce(int outChannels, boolean affine) {
        super(VERSION);
        if (outChannels < 2 || outChannels % 2 != 0) {
            throw new IllegalArgumentException("FactorizedReduce needs an even number of output channels, got "
                    + outChannels);
        }
        this.outChannels = outChannels;
        this.conv1 = addChildBlock("conv1", Layers.conv2d(outChannels / 2, 1, 2, 0, 1, 1));
        this.conv2 = addChildBlock("conv2", Layers.conv2d(outChannels / 2, 1, 2, 0, 1, 1));
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
        Shape shape = x.getShape();
        NDArray shifted = x.get(SHIFTED);
        long padBottom = shape.get(2) % 2;
        long padRight = shape.get(3) % 2;
        if (padBottom + padRight > 0) {
            // torch.nn.functional.pad order: last axis first, (left, right, top, bottom)
            shifted = shifted.pad(new Shape(0, padRight, 0, padBottom), 0);
        }
        NDArray a = conv1.forward(parameterStore, new NDList(x), training, params).singletonOrThrow();
        NDArray b = conv2.forward(parameterStore, new NDList(shifted), training, params).singletonOrThrow();
        return bn.forward(parameterStore, new NDList(a.concat(b, 1)), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outChannels, (in.get(2) + 1) / 2, (in.get(3) + 1) / 2)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv1.initialize(manager, dataType, inputShapes);
        conv2.initialize(manager, dataType, inputShapes);
        bn.initialize(manager, dataType, getOutputShapes(inputShapes));
    }
}
