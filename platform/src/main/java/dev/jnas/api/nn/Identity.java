package dev.jnas.api.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Returns its input: {@code skip_connect} at stride 1, the DARTS reference code's
 * {@code nn.Identity()}.
 *
 * <p>The output is the input array itself, not a copy, exactly as in PyTorch: gradients flow
 * through it, and closing the output closes the input. (DJL's {@code duplicate()} would cut the
 * gradient, so it is not an identity.) The block has no parameters.
 *
 * <pre>{@code Block skip = new Identity();}</pre>
 */
public class Identity extends AbstractBlock {

    private static final byte VERSION = 1;

    /** Creates an identity block. */
    public Identity() {
        super(VERSION);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(inputs.singletonOrThrow());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
