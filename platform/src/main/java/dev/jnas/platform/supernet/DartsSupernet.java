package dev.jnas.platform.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.jnas.api.Operation;
import dev.jnas.api.Regularizer;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.Supernet;
import dev.jnas.api.space.Architecture;
import dev.jnas.api.space.CellSpace;
import dev.jnas.api.space.DartsSpace;
import dev.jnas.api.space.GenotypeDerivation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DARTS search network: a 3×3 stem to {@code 3·C} channels with BatchNorm, {@code L} search
 * cells (reduction cells, with doubled channels, at {@code ⌊L/3⌋} and {@code ⌊2L/3⌋}), global average
 * pooling and a linear classifier. All normal cells share one α of shape {@code edges × operations},
 * all reduction cells another; both start as {@code 1e-3·N(0, 1)}.
 *
 * <p>Build it with {@link #build}, which also initialises every parameter (seed the engine first).
 */
public final class DartsSupernet extends AbstractBlock implements Supernet {

    private static final int STEM_MULTIPLIER = 3;

    private final CellSpace space;
    private final DatasetInfo dataset;
    private final int channels;
    private final List<Regularizer> regularizers;
    private final SequentialBlock stem;
    private final List<SearchCell> cells = new ArrayList<>();
    private final Block pool;
    private final Block classifier;
    private final Parameter alphasNormal;
    private final Parameter alphasReduce;

    private DartsSupernet(CellSpace space, List<Operation> operations, DatasetInfo dataset, int channels,
                          int layers, List<Regularizer> regularizers) {
        this.space = space;
        this.dataset = dataset;
        this.channels = channels;
        this.regularizers = List.copyOf(regularizers);
        int current = STEM_MULTIPLIER * channels;
        stem = addChildBlock("stem", new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(current).optBias(false).build())
                .add(BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build()));
        current = channels;
        boolean reductionPrev = false;
        for (int i = 0; i < layers; i++) {
            boolean reduction = isReduction(i, layers);
            if (reduction) {
                current *= 2;
            }
            cells.add(addChildBlock("cell" + i,
                    new SearchCell(space, operations, current, reduction, reductionPrev)));
            reductionPrev = reduction;
        }
        pool = addChildBlock("pool", Pool.globalAvgPool2dBlock());
        classifier = addChildBlock("classifier", Linear.builder().setUnits(dataset.classes()).build());
        Shape alphaShape = new Shape(space.edges(), space.operations().size());
        alphasNormal = addParameter(Parameter.builder().setName("alphas_normal").setType(Parameter.Type.OTHER)
                .optShape(alphaShape).optInitializer(new NormalInitializer(1e-3f)).build());
        alphasReduce = addParameter(Parameter.builder().setName("alphas_reduce").setType(Parameter.Type.OTHER)
                .optShape(alphaShape).optInitializer(new NormalInitializer(1e-3f)).build());
    }

    /** Whether cell {@code i} of {@code layers} is a reduction cell. */
    public static boolean isReduction(int i, int layers) {
        return i == layers / 3 || i == 2 * layers / 3;
    }

    /**
     * Builds and initialises a supernet.
     *
     * @param operations one factory per entry of {@code space.operations()}, in that order
     */
    public static DartsSupernet build(NDManager manager, CellSpace space, List<Operation> operations,
                                      DatasetInfo dataset, int channels, int layers, List<Regularizer> regularizers) {
        DartsSupernet net = new DartsSupernet(space, operations, dataset, channels, layers, regularizers);
        net.setInitializer(new TorchDefaultInitializer(), Parameter.Type.WEIGHT);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, dataset.channels(), dataset.height(), dataset.width()));
        return net;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray s0 = stem.forward(store, inputs, training).singletonOrThrow();
        NDArray s1 = s0;
        NDArray normal = weights(store, alphasNormal, inputs.head(), training);
        NDArray reduce = weights(store, alphasReduce, inputs.head(), training);
        for (SearchCell cell : cells) {
            NDArray next = cell.forward(store, new NDList(s0, s1, cell.reduction() ? reduce : normal), training)
                    .singletonOrThrow();
            s0 = s1;
            s1 = next;
        }
        NDArray pooled = pool.forward(store, new NDList(s1), training).singletonOrThrow();
        return classifier.forward(store, new NDList(pooled), training);
    }

    private NDArray weights(ParameterStore store, Parameter alpha, NDArray input, boolean training) {
        NDArray w = store.getValue(alpha, input.getDevice(), training).softmax(-1);
        for (Regularizer r : regularizers) {
            w = r.transformWeights(w, training);
        }
        return w;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), dataset.classes())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        stem.initialize(manager, dataType, inputShapes[0]);
        Shape s0 = stem.getOutputShapes(inputShapes)[0];
        Shape s1 = s0;
        Shape w = new Shape(space.edges(), space.operations().size());
        for (SearchCell cell : cells) {
            cell.initialize(manager, dataType, s0, s1, w);
            Shape next = cell.getOutputShapes(new Shape[] {s0, s1, w})[0];
            s0 = s1;
            s1 = next;
        }
        pool.initialize(manager, dataType, s1);
        classifier.initialize(manager, dataType, pool.getOutputShapes(new Shape[] {s1}));
    }

    /** The DARTS cell space this supernet relaxes. */
    public CellSpace space() {
        return space;
    }

    @Override
    public List<String> cellTypes() {
        return List.of(NORMAL, REDUCE);
    }

    @Override
    public List<String> operations() {
        return space.operations();
    }

    /** The DARTS genotype: {@link GenotypeDerivation} on the normal and the reduction weights. */
    @Override
    public Architecture<?> derive(float[][][] weights) {
        return new Architecture<>(DartsSpace.INSTANCE, GenotypeDerivation.derive(space, weights[0], weights[1]));
    }

    @Override
    public Map<String, Parameter> weights() {
        Map<String, Parameter> weights = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter != alphasNormal && parameter != alphasReduce && parameter.requiresGradient()) {
                weights.put(p.getKey(), parameter);
            }
        }
        return Collections.unmodifiableMap(weights);
    }

    @Override
    public Map<String, Parameter> alphas() {
        Map<String, Parameter> alphas = new LinkedHashMap<>();
        alphas.put(alphasNormal.getName(), alphasNormal);
        alphas.put(alphasReduce.getName(), alphasReduce);
        return Collections.unmodifiableMap(alphas);
    }

    @Override
    public NDArray forward(NDArray images, boolean training) {
        ParameterStore store = new ParameterStore(images.getManager(), false);
        return forward(store, new NDList(images), training).singletonOrThrow();
    }

    @Override
    public float[][][] alphaWeights() {
        return new float[][][] {softmaxRows(alphasNormal), softmaxRows(alphasReduce)};
    }

    private float[][] softmaxRows(Parameter alpha) {
        float[] flat;
        try (NDArray w = alpha.getArray().softmax(-1)) {
            flat = w.toFloatArray();
        }
        int ops = space.operations().size();
        float[][] rows = new float[space.edges()][ops];
        for (int e = 0; e < rows.length; e++) {
            System.arraycopy(flat, e * ops, rows[e], 0, ops);
        }
        return rows;
    }

    @Override
    public long weightCount() {
        long total = 0;
        for (Parameter p : weights().values()) {
            total += p.getArray().getShape().size();
        }
        return total;
    }

    @Override
    public Block block() {
        return this;
    }

    /** The number of cells. */
    public int cells() {
        return cells.size();
    }

    /** The initial channel count C. */
    public int channels() {
        return channels;
    }
}
