package dev.jnas.platform.supernet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.jnas.api.nn.FactorizedReduce;
import dev.jnas.api.nn.ReluConvBn;

/**
 * The preprocessing of a DARTS cell's two inputs, shared by the search cell and the cell of a
 * trained genotype: input 0 (the output of the cell before last) goes through a
 * {@link FactorizedReduce} when the previous cell was a reduction cell (it is twice as large), else
 * through ReLU–1×1 conv–BN; input 1 always through ReLU–1×1 conv–BN; both come out with {@code C}
 * channels and the same size.
 *
 * <pre>{@code Block pre0 = addChildBlock("preprocess0", CellInputs.preprocess0(c, reductionPrev, false));}</pre>
 */
public final class CellInputs {

    private CellInputs() {
    }

    /** The block for input 0. */
    public static Block preprocess0(int channels, boolean reductionPrev, boolean affine) {
        return reductionPrev ? new FactorizedReduce(channels, affine) : preprocess1(channels, affine);
    }

    /** The block for input 1. */
    public static Block preprocess1(int channels, boolean affine) {
        return new ReluConvBn(channels, 1, 1, 0, affine);
    }

    /**
     * Initialises both blocks for the cell's input shapes.
     *
     * @return the shape both preprocessed inputs have
     * @throws IllegalStateException if the two preprocessed inputs differ in shape
     */
    public static Shape initialize(Block preprocess0, Block preprocess1, NDManager manager, DataType dataType,
                                   Shape input0, Shape input1) {
        preprocess0.initialize(manager, dataType, input0);
        preprocess1.initialize(manager, dataType, input1);
        Shape s0 = preprocess0.getOutputShapes(new Shape[] {input0})[0];
        Shape s1 = preprocess1.getOutputShapes(new Shape[] {input1})[0];
        if (!s0.equals(s1)) {
            throw new IllegalStateException("cell inputs disagree after preprocessing: " + s0 + " vs " + s1);
        }
        return s1;
    }
}
