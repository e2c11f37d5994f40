package dev.jnas.platform.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.jnas.api.Operation;
import dev.jnas.api.space.CellSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell of the search supernet: both inputs preprocessed to {@code C} channels, every intermediate
 * node the sum of its mixed edges from all earlier states, output the concatenation of the
 * intermediate nodes. Inputs are {@code (s0, s1, weights)}, weights {@code (edges, operations)}.
 */
final class SearchCell extends AbstractBlock {

    private final CellSpace space;
    private final boolean reduction;
    private final Block preprocess0;
    private final Block preprocess1;
    private final List<MixedOp> edges = new ArrayList<>();

    SearchCell(CellSpace space, List<Operation> operations, int channels, boolean reduction, boolean reductionPrev) {
        this.space = space;
        this.reduction = reduction;
        preprocess0 = addChildBlock("preprocess0", CellInputs.preprocess0(channels, reductionPrev, false));
        preprocess1 = addChildBlock("preprocess1", CellInputs.preprocess1(channels, false));
        for (int node = 0; node < space.nodes(); node++) {
            for (int input = 0; input < node + 2; input++) {
                int stride = reduction && input < 2 ? 2 : 1;
                List<Block> candidates = new ArrayList<>();
                for (Operation op : operations) {
                    candidates.add(op.create(channels, stride, false));
                }
                edges.add(addChildBlock("edge" + node + "_" + input,
                        new MixedOp(candidates, space.operations(), true)));
            }
        }
    }

    boolean reduction() {
        return reduction;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        List<NDArray> states = new ArrayList<>();
        states.add(preprocess0.forward(store, new NDList(inputs.get(0)), training).singletonOrThrow());
        states.add(preprocess1.forward(store, new NDList(inputs.get(1)), training).singletonOrThrow());
        NDList rows = inputs.get(2).split(space.edges());
        int offset = 0;
        for (int node = 0; node < space.nodes(); node++) {
            NDArray sum = null;
            for (int j = 0; j < node + 2; j++) {
                NDArray w = rows.get(offset + j).reshape(space.operations().size());
                NDArray y = edges.get(offset + j).forward(store, new NDList(states.get(j), w), training)
                        .singletonOrThrow();
                sum = sum == null ? y : sum.add(y);
            }
            offset += node + 2;
            states.add(sum);
        }
        return new NDList(NDArrays.concat(new NDList(states.subList(2, states.size())), 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s1 = preprocess1.getOutputShapes(new Shape[] {inputShapes[1]})[0];
        long size = reduction ? (s1.get(2) + 1) / 2 : s1.get(2);
        long width = reduction ? (s1.get(3) + 1) / 2 : s1.get(3);
        return new Shape[] {new Shape(s1.get(0), s1.get(1) * space.nodes(), size, width)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s1 = CellInputs.initialize(preprocess0, preprocess1, manager, dataType, inputShapes[0], inputShapes[1]);
        Shape w = new Shape(space.operations().size());
        Shape nodeShape = getOutputShapes(inputShapes)[0];
        Shape node = new Shape(s1.get(0), s1.get(1), nodeShape.get(2), nodeShape.get(3));
        int offset = 0;
        for (int n = 0; n < space.nodes(); n++) {
            for (int j = 0; j < n + 2; j++) {
                edges.get(offset + j).initialize(manager, dataType, j < 2 ? s1 : node, w);
            }
            offset += n + 2;
        }
    }
}
