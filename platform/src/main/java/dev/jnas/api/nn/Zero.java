package dev.jnas.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The {@code none} operation: zeros of the output shape, the DARTS reference code's
 * {@code Zero(stride)}. At stride 1 it returns {@code x · 0}; at stride {@code s} it returns
 * {@code x[:, :, ::s, ::s] · 0}, of shape {@code (N, C, ceil(H / s), ceil(W / s))}.
 *
 * <p>The result is computed from the input (not allocated apart), so it lives where the input
 * lives, stays in the autograd graph (with zero gradient) and propagates NaN as PyTorch does. The
 * block has no parameters.
 *
 * <pre>{@code Block none = new Zero(2);}</pre>
 */
public class Zero extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int stride;
    private final NDIndex strided;

    /** @param stride 1 or more, in both directions */
    public Zero(int stride) {
        super(VERSION);
        if (stride < 1) {
            throw new IllegalArgumentException("Zero needs a stride >= 1, got " + stride);
        }
        this.stride = stride;
        this.strided = new NDIndex(":, :, ::" + stride + ", ::" + stride);
    }

    /** The stride in both directions. */
    public int stride() {
        return stride;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray input = stride == 1 ? x : x.get(strided);
        // x times an engine-made zero, not x.mul(0f): DJL backs a Java scalar with Java memory that
        // the autograd graph would still read in the backward pass after the scalar is freed.
        return new NDList(input.mul(x.getManager().zeros(new Shape(), x.getDataType(), x.getDevice())));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), ceilDiv(in.get(2)), ceilDiv(in.get(3)))};
    }

    private long ceilDiv(long size) {
        return (size + stride - 1) / stride;
    }
}
