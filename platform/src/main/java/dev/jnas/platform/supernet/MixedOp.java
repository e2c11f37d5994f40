package dev.jnas.platform.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.jnas.api.nn.Layers;
import java.util.ArrayList;
import java.util.List;

/**
 * A mixed edge: every candidate operation applied to the input, summed with the edge's operation
 * weights. Inputs are {@code (x, w)} with {@code w} of shape {@code (operations)}.
 *
 * <p>The DARTS search code follows each pooling candidate (an id containing {@code pool}) with a
 * non-affine BatchNorm, so its output is on the scale of the convolutions' normalised outputs;
 * NAS-Bench-201's search code does not. The constructor's {@code batchNormAfterPooling} chooses.
 *
 * <pre>{@code Block edge = new MixedOp(candidates, space.operations(), true);}</pre>
 */
public final class MixedOp extends AbstractBlock {

    private final List<Block> ops = new ArrayList<>();

    /**
     * @param candidates one fresh block per operation
     * @param ids the operations' ids, in the same order
     * @param batchNormAfterPooling whether a pooling candidate is followed by a non-affine BatchNorm (DARTS)
     */
    public MixedOp(List<Block> candidates, List<String> ids, boolean batchNormAfterPooling) {
        for (int k = 0; k < candidates.size(); k++) {
            Block op = candidates.get(k);
            if (batchNormAfterPooling && ids.get(k).contains("pool")) {
                op = new SequentialBlock().add(op).add(Layers.batchNorm(false));
            }
            ops.add(addChildBlock(ids.get(k), op));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDList weights = inputs.get(1).split(ops.size());
        NDArray sum = null;
        for (int k = 0; k < ops.size(); k++) {
            NDArray y = ops.get(k).forward(store, new NDList(x), training).singletonOrThrow();
            NDArray term = y.mul(weights.get(k));
            sum = sum == null ? term : sum.add(term);
        }
        return new NDList(sum);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return ops.get(0).getOutputShapes(new Shape[] {inputShapes[0]});
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block op : ops) {
            op.initialize(manager, dataType, inputShapes[0]);
        }
    }
}
