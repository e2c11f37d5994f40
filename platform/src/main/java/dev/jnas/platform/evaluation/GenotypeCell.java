package dev.jnas.platform.evaluation;

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
import dev.jnas.api.error.JnasException;
import dev.jnas.api.nn.Identity;
import dev.jnas.api.space.GenotypeEdge;
import dev.jnas.platform.supernet.CellInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cell of the evaluation network, the DARTS reference's {@code Cell}: both inputs preprocessed to
 * {@code C} channels ({@link CellInputs}, affine), then each intermediate node the sum of its two genotype edges,
 * and the output the concatenation of the genotype's concat states.
 *
 * <p>Each edge is a fresh block from its {@link Operation} with {@code affine = true}, at stride 2
 * when the cell reduces and the edge starts from a cell input. Inputs are {@code (s0, s1)} or, in a
 * training step with drop-path, {@code (s0, s1, masks)} with the network's masks of shape
 * {@code (sites, N, 1, 1, 1)}: the output of every edge that is not an {@link Identity} is
 * multiplied by its site's row. An identity edge's output is its input array itself, untouched.
 */
final class GenotypeCell extends AbstractBlock {

    private final boolean reduction;
    private final int channels;
    private final int[] inputs;
    private final int[] sites;
    private final List<Integer> concat;
    private final Block preprocess0;
    private final Block preprocess1;
    private final List<Block> edges = new ArrayList<>();

    /**
     * @param firstSite the index of this cell's first drop-path site in the network's masks
     */
    GenotypeCell(List<GenotypeEdge> genotypeEdges, List<Integer> concat, Map<String, Operation> operations,
                 int channels, boolean reduction, boolean reductionPrev, int firstSite) {
        this.reduction = reduction;
        this.channels = channels;
        this.concat = List.copyOf(concat);
        if (reduction && this.concat.stream().anyMatch(state -> state < 2)) {
            throw new JnasException("genotype: 'reduce_concat' " + this.concat + " names a cell input; a reduction"
                    + " cell can concatenate only its intermediate nodes (2 and up), whose size is halved");
        }
        preprocess0 = addChildBlock("preprocess0", CellInputs.preprocess0(channels, reductionPrev, true));
        preprocess1 = addChildBlock("preprocess1", CellInputs.preprocess1(channels, true));
        inputs = new int[genotypeEdges.size()];
        sites = new int[genotypeEdges.size()];
        int site = firstSite;
        for (int k = 0; k < genotypeEdges.size(); k++) {
            GenotypeEdge edge = genotypeEdges.get(k);
            inputs[k] = edge.input();
            int stride = reduction && edge.input() < 2 ? 2 : 1;
            Block block = operations.get(edge.op()).create(channels, stride, true);
            edges.add(addChildBlock("edge" + k + "_" + edge.op(), block));
            sites[k] = block instanceof Identity ? -1 : site++;
        }
    }

    boolean reduction() {
        return reduction;
    }

    /** The number of edges that drop-path applies to: those that are not the identity. */
    int dropPathSites() {
        return (int) java.util.Arrays.stream(sites).filter(s -> s >= 0).count();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputList, boolean training,
                                     PairList<String, Object> params) {
        NDArray masks = training && inputList.size() > 2 ? inputList.get(2) : null;
        List<NDArray> states = new ArrayList<>();
        states.add(preprocess0.forward(store, new NDList(inputList.get(0)), training).singletonOrThrow());
        states.add(preprocess1.forward(store, new NDList(inputList.get(1)), training).singletonOrThrow());
        for (int node = 0; node < edges.size() / 2; node++) {
            NDArray sum = null;
            for (int k = 2 * node; k < 2 * node + 2; k++) {
                NDArray h = edges.get(k).forward(store, new NDList(states.get(inputs[k])), training)
                        .singletonOrThrow();
                if (masks != null && sites[k] >= 0) {
                    h = h.mul(masks.get(sites[k]));
                }
                sum = sum == null ? h : sum.add(h);
            }
            states.add(sum);
        }
        if (concat.size() == 1) {
            return new NDList(states.get(concat.get(0)));
        }
        NDList chosen = new NDList();
        concat.forEach(state -> chosen.add(states.get(state)));
        return new NDList(NDArrays.concat(chosen, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s1 = preprocess1.getOutputShapes(new Shape[] {inputShapes[1]})[0];
        Shape node = nodeShape(s1);
        return new Shape[] {new Shape(node.get(0), (long) channels * concat.size(), node.get(2), node.get(3))};
    }

    private Shape nodeShape(Shape s1) {
        return reduction ? new Shape(s1.get(0), s1.get(1), (s1.get(2) + 1) / 2, (s1.get(3) + 1) / 2) : s1;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s1 = CellInputs.initialize(preprocess0, preprocess1, manager, dataType, inputShapes[0], inputShapes[1]);
        Shape node = nodeShape(s1);
        for (int k = 0; k < edges.size(); k++) {
            edges.get(k).initialize(manager, dataType, inputs[k] < 2 ? s1 : node);
        }
    }
}
