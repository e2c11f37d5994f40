package dev.jnas.platform.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.jnas.api.Operation;
import dev.jnas.api.Regularizer;
import dev.jnas.api.Supernet;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.space.Architecture;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.api.space.Nb201Space;
import java.util.List;
import java.util.Map;

/**
 * NAS-Bench-201's search supernet as its DARTS baseline uses it ({@code TinyNetworkDarts}): the
 * macro network of {@link Nb201Network}, every cell a search cell whose six edges mix the five
 * operations of {@link Nb201Cell#OPERATIONS}, weighted by the softmax of one α of shape
 * {@code 6 × 5} ({@code alphas_cell}) that all cells share, initialised as {@code 1e-3·N(0, 1)}.
 * Inside the search cells BatchNorm is not affine and no BatchNorm follows a pooling; stem,
 * residual blocks and the last BatchNorm are affine, as in the benchmark.
 *
 * <p>The derived architecture takes on every edge its strongest operation, {@code none} included
 * ({@link Nb201Cell#derive}), so it can be looked up in the benchmark's table.
 *
 * <pre>{@code Supernet net = Nb201Supernet.build(manager, operations, DatasetInfo.CIFAR10, 16, 5, List.of());}</pre>
 */
public final class Nb201Supernet extends Skeleton implements Supernet {

    private final List<Regularizer> regularizers;
    private final Parameter alphas;

    private Nb201Supernet(List<Operation> operations, DatasetInfo dataset, int channels, int cellsPerStage,
                          List<Regularizer> regularizers) {
        super(dataset, channels, cellsPerStage, c -> new MixedCell(operations, Nb201Cell.OPERATIONS, c));
        this.regularizers = List.copyOf(regularizers);
        alphas = addParameter(Parameter.builder().setName("alphas_" + CELL).setType(Parameter.Type.OTHER)
                .optShape(alphaShape()).optInitializer(new NormalInitializer(1e-3f)).build());
    }

    /**
     * Builds and initialises a supernet.
     *
     * @param operations one factory per entry of {@link Nb201Cell#OPERATIONS}, in that order
     * @param channels the initial channels C
     * @param cellsPerStage the cells per stage N
     */
    public static Nb201Supernet build(NDManager manager, List<Operation> operations, DatasetInfo dataset,
                                      int channels, int cellsPerStage, List<Regularizer> regularizers) {
        if (operations.size() != Nb201Cell.OPERATIONS.size()) {
            throw new IllegalArgumentException("expected the " + Nb201Cell.OPERATIONS.size()
                    + " NAS-Bench-201 operations, got " + operations.size());
        }
        Nb201Supernet net = new Nb201Supernet(operations, dataset, channels, cellsPerStage, regularizers);
        net.initializeParameters(manager);
        return net;
    }

    private static Shape alphaShape() {
        return new Shape(Nb201Cell.EDGES, Nb201Cell.OPERATIONS.size());
    }

    @Override
    NDArray cellWeights(ParameterStore store, NDArray input, boolean training) {
        NDArray w = store.getValue(alphas, input.getDevice(), training).softmax(-1);
        for (Regularizer r : regularizers) {
            w = r.transformWeights(w, training);
        }
        return w;
    }

    @Override
    Shape cellWeightShape() {
        return alphaShape();
    }

    @Override
    public List<String> cellTypes() {
        return List.of(CELL);
    }

    @Override
    public List<String> operations() {
        return Nb201Cell.OPERATIONS;
    }

    @Override
    public Map<String, Parameter> weights() {
        return trainable(alphas);
    }

    @Override
    public Map<String, Parameter> alphas() {
        return Map.of(alphas.getName(), alphas);
    }

    @Override
    public NDArray forward(NDArray images, boolean training) {
        return logits(images, training);
    }

    @Override
    public float[][][] alphaWeights() {
        float[] flat;
        try (NDArray w = alphas.getArray().softmax(-1)) {
            flat = w.toFloatArray();
        }
        int ops = Nb201Cell.OPERATIONS.size();
        float[][] rows = new float[Nb201Cell.EDGES][ops];
        for (int e = 0; e < rows.length; e++) {
            System.arraycopy(flat, e * ops, rows[e], 0, ops);
        }
        return new float[][][] {rows};
    }

    /** The NAS-Bench-201 cell: on every edge the operation of largest weight, {@code none} included. */
    @Override
    public Architecture<?> derive(float[][][] weights) {
        return new Architecture<>(Nb201Space.INSTANCE, Nb201Cell.derive(weights[0]));
    }

    @Override
    public long weightCount() {
        return count(weights());
    }

    @Override
    public Block block() {
        return this;
    }
}
