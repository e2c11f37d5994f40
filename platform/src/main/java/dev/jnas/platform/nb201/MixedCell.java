package dev.jnas.platform.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.jnas.api.Operation;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.platform.supernet.MixedOp;
import java.util.ArrayList;
import java.util.List;

/**
 * A NAS-Bench-201 search cell (the benchmark's {@code NAS201SearchCell}): the nodes of a
 * {@link FixedCell}, every edge a {@link MixedOp} of all operations (stride 1, BatchNorm not
 * affine, no BatchNorm after pooling). Inputs are {@code (x, w)}, {@code w} of shape
 * {@code (6 edges, operations)}.
 */
final class MixedCell extends AbstractBlock {

    private final int operationCount;
    private final List<MixedOp> edges = new ArrayList<>();

    /** @param operations the candidate factories, in α's column order */
    MixedCell(List<Operation> operations, List<String> ids, int channels) {
        operationCount = operations.size();
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
            List<Block> candidates = new ArrayList<>();
            for (Operation op : operations) {
                candidates.add(op.create(channels, 1, false));
            }
            edges.add(addChildBlock("edge" + Nb201Cell.target(e) + "_" + Nb201Cell.source(e),
                    new MixedOp(candidates, ids, false)));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList rows = inputs.get(1).split(Nb201Cell.EDGES);
        List<NDArray> nodes = new ArrayList<>();
        nodes.add(inputs.get(0));
        for (int node = 1; node < Nb201Cell.NODES; node++) {
            NDArray sum = null;
            for (int input = 0; input < node; input++) {
                int e = Nb201Cell.edge(node, input);
                NDArray w = rows.get(e).reshape(operationCount);
                NDArray y = edges.get(e).forward(store, new NDList(nodes.get(input), w), training).singletonOrThrow();
                sum = sum == null ? y : sum.add(y);
            }
            nodes.add(sum);
        }
        return new NDList(nodes.get(Nb201Cell.NODES - 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (MixedOp edge : edges) {
            edge.initialize(manager, dataType, inputShapes[0], new Shape(operationCount));
        }
    }
}
