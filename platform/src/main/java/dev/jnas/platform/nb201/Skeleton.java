package dev.jnas.platform.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.nn.Layers;
import dev.jnas.platform.supernet.TorchDefaultInitializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The macro network NAS-Bench-201 shares between its discrete network and its search supernet (its
 * {@code TinyNetwork}): a 3×3 stem convolution to {@code C} channels with BatchNorm; {@code N}
 * cells at {@code C}; a {@link ResidualBlock} to {@code 2C}; {@code N} cells; a residual block to
 * {@code 4C}; {@code N} cells; BatchNorm and ReLU; global average pooling; a linear classifier.
 * The cells and residual blocks are the network's {@code 3N + 2} layers, named {@code cell0...}.
 *
 * <p>Subclasses say what a cell is and, for a supernet, the architecture weights every cell is
 * also given ({@link #cellWeights}).
 */
abstract class Skeleton extends AbstractBlock {

    /** NAS-Bench-201's initial channels C. */
    static final int CHANNELS = 16;

    /** NAS-Bench-201's cells per stage N. */
    static final int CELLS_PER_STAGE = 5;

    private final DatasetInfo dataset;
    private final int channels;
    private final int cellsPerStage;
    private final SequentialBlock stem;
    private final List<Block> layers = new ArrayList<>();
    private final SequentialBlock lastact;
    private final Block pool;
    private final Block classifier;

    /** @param cell a new cell for a number of channels */
    Skeleton(DatasetInfo dataset, int channels, int cellsPerStage, IntFunction<Block> cell) {
        if (channels < 1 || cellsPerStage < 1) {
            throw new IllegalArgumentException("need C >= 1 and N >= 1, got C=" + channels + ", N=" + cellsPerStage);
        }
        this.dataset = dataset;
        this.channels = channels;
        this.cellsPerStage = cellsPerStage;
        stem = addChildBlock("stem", new SequentialBlock()
                .add(Layers.conv2d(channels, 3, 1, 1, 1, 1))
                .add(Layers.batchNorm(true)));
        int c = channels;
        for (int stage = 0; stage < 3; stage++) {
            if (stage > 0) {
                c *= 2;
                layers.add(addChildBlock("cell" + layers.size(), new ResidualBlock(c)));
            }
            for (int i = 0; i < cellsPerStage; i++) {
                layers.add(addChildBlock("cell" + layers.size(), cell.apply(c)));
            }
        }
        lastact = addChildBlock("lastact", new SequentialBlock().add(Layers.batchNorm(true)).add(Layers.relu()));
        pool = addChildBlock("pool", Pool.globalAvgPool2dBlock());
        classifier = addChildBlock("classifier", Linear.builder().setUnits(dataset.classes()).build());
    }

    /** Sets PyTorch's default initialisation and initialises every parameter for the dataset's images. */
    void initializeParameters(NDManager manager) {
        setInitializer(new TorchDefaultInitializer(), Parameter.Type.WEIGHT);
        initialize(manager, DataType.FLOAT32, new Shape(1, dataset.channels(), dataset.height(), dataset.width()));
    }

    /** The architecture weights passed to every cell after its input, or {@code null} for none. */
    NDArray cellWeights(ParameterStore store, NDArray input, boolean training) {
        return null;
    }

    /** The shape of {@link #cellWeights}, or {@code null} for none. */
    Shape cellWeightShape() {
        return null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = stem.forward(store, new NDList(inputs.head()), training).singletonOrThrow();
        NDArray w = cellWeights(store, inputs.head(), training);
        for (Block layer : layers) {
            NDList in = w == null || layer instanceof ResidualBlock ? new NDList(x) : new NDList(x, w);
            x = layer.forward(store, in, training).singletonOrThrow();
        }
        NDArray features = lastact.forward(store, new NDList(x), training).singletonOrThrow();
        NDArray pooled = pool.forward(store, new NDList(features), training).singletonOrThrow();
        return classifier.forward(store, new NDList(pooled), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), dataset.classes())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        stem.initialize(manager, dataType, inputShapes[0]);
        Shape x = stem.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        Shape w = cellWeightShape();
        for (Block layer : layers) {
            Shape[] in = w == null || layer instanceof ResidualBlock ? new Shape[] {x} : new Shape[] {x, w};
            layer.initialize(manager, dataType, in);
            x = layer.getOutputShapes(in)[0];
        }
        lastact.initialize(manager, dataType, x);
        pool.initialize(manager, dataType, x);
        classifier.initialize(manager, dataType, pool.getOutputShapes(new Shape[] {x}));
    }

    /** Every trainable parameter but {@code excluded}, by path name. */
    Map<String, Parameter> trainable(Parameter excluded) {
        Map<String, Parameter> weights = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : getParameters()) {
            if (p.getValue() != excluded && p.getValue().requiresGradient()) {
                weights.put(p.getKey(), p.getValue());
            }
        }
        return Collections.unmodifiableMap(weights);
    }

    /** The number of scalars in {@link #trainable}. */
    static long count(Map<String, Parameter> weights) {
        long total = 0;
        for (Parameter p : weights.values()) {
            total += p.getArray().getShape().size();
        }
        return total;
    }

    /** Class scores for a batch of images, with a parameter store on the images' manager. */
    NDArray logits(NDArray images, boolean training) {
        ParameterStore store = new ParameterStore(images.getManager(), false);
        return forward(store, new NDList(images), training).singletonOrThrow();
    }

    /** The dataset whose images and classes the network is built for. */
    public DatasetInfo dataset() {
        return dataset;
    }

    /** The initial channel count C. */
    public int channels() {
        return channels;
    }

    /** The cells per stage N. */
    public int cellsPerStage() {
        return cellsPerStage;
    }

    /** The number of layers: {@code 3N} cells and the two residual blocks. */
    public int layers() {
        return layers.size();
    }

    /** The indices of the two residual reduction blocks among the layers, {@code N} and {@code 2N + 1}. */
    public List<Integer> reductionLayers() {
        return List.of(cellsPerStage, 2 * cellsPerStage + 1);
    }
}
