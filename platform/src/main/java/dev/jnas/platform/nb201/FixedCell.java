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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A NAS-Bench-201 cell of a discrete network (the benchmark's {@code InferCell}): node 0 is the
 * input, node {@code j} the sum of the edges from every earlier node, the output node 3. Every edge,
 * {@code none} included, is its own block from its {@link Operation} (stride 1, affine).
 */
final class FixedCell extends AbstractBlock {

    private final List<Block> edges = new ArrayList<>();

    FixedCell(Nb201Cell cell, Map<String, Operation> operations, int channels) {
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
            String op = cell.ops().get(e);
            edges.add(addChildBlock("edge" + Nb201Cell.target(e) + "_" + Nb201Cell.source(e) + "_" + op,
                    operations.get(op).create(channels, 1, true)));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        List<NDArray> nodes = new ArrayList<>();
        nodes.add(inputs.head());
        for (int node = 1; node < Nb201Cell.NODES; node++) {
            NDArray sum = null;
            for (int input = 0; input < node; input++) {
                Block edge = edges.get(Nb201Cell.edge(node, input));
                NDArray y = edge.forward(store, new NDList(nodes.get(input)), training).singletonOrThrow();
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
        for (Block edge : edges) {
            edge.initialize(manager, dataType, inputShapes[0]);
        }
    }
}
