package dev.jnas.platform.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.jnas.api.Operation;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.nn.Layers;
import dev.jnas.api.space.Genotype;
import dev.jnas.platform.supernet.DartsSupernet;
import dev.jnas.platform.supernet.TorchDefaultInitializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The network that trains a genotype from scratch: the DARTS reference's {@code NetworkCIFAR}.
 * A 3×3 stem convolution to {@code 3·C} channels with BatchNorm; {@code L} {@link GenotypeCell}s,
 * the cells at {@code ⌊L/3⌋} and {@code ⌊2L/3⌋} reduction cells with doubled channels; global
 * average pooling and a linear classifier. Every BatchNorm is affine.
 *
 * <p>With an auxiliary head (the reference's {@code AuxiliaryHeadCIFAR}), the output of the second
 * reduction cell also feeds ReLU, 5×5 average pooling at stride 3 (no padding), 1×1 convolution to
 * 128 channels, BatchNorm, ReLU, 2×2 convolution to 768 channels, BatchNorm, ReLU and a linear
 * classifier. The reference assumes an 8×8 input there (CIFAR-10); on a smaller one (Fashion-MNIST
 * gives 7×7, pooled to 1×1) the pooling and the last convolution shrink to the size they get.
 * The head's weights are counted apart ({@link #auxiliaryWeightCount()}), as the reference's
 * {@code count_parameters_in_MB} leaves them out: {@code darts-v2} with C=36 and 20 cells on
 * CIFAR-10 has 3,349,342 weights.
 *
 * <p>Life-cycle: {@link #build} creates and initialises it (seed the engine first). In a training
 * step call {@link #forward(NDArray, NDArray, boolean)} with {@code training = true} and the step's
 * drop-path masks ({@link DropPath#masks}, or {@code null} for none): the result is
 * {@code (logits)} or, with the auxiliary head, {@code (logits, auxiliaryLogits)}. For evaluation
 * pass {@code training = false}: the result is {@code (logits)}, with BatchNorm's running statistics.
 *
 * <pre>{@code DartsNetwork net = DartsNetwork.build(manager, genotype, operations, DatasetInfo.CIFAR10, 36, 20, true);}</pre>
 */
public final class DartsNetwork extends AbstractBlock implements TrainableNetwork {

    private static final int STEM_MULTIPLIER = 3;
    private static final int AUXILIARY_CHANNELS = 128;
    private static final int AUXILIARY_FEATURES = 768;

    private final DatasetInfo dataset;
    private final int channels;
    private final SequentialBlock stem;
    private final List<GenotypeCell> cells = new ArrayList<>();
    private final int auxiliaryAfter;
    private final Block auxiliary;
    private final Block pool;
    private final Block classifier;
    private final int dropPathSites;

    private DartsNetwork(Genotype genotype, Map<String, Operation> operations, DatasetInfo dataset, int channels,
                         int layers, boolean withAuxiliary) {
        this.dataset = dataset;
        this.channels = channels;
        stem = addChildBlock("stem", new SequentialBlock()
                .add(Layers.conv2d(STEM_MULTIPLIER * channels, 3, 1, 1, 1, 1))
                .add(Layers.batchNorm(true)));
        int current = channels;
        boolean reductionPrev = false;
        int sites = 0;
        long height = dataset.height();
        long width = dataset.width();
        long[] auxiliaryInput = {height, width};
        for (int i = 0; i < layers; i++) {
            boolean reduction = DartsSupernet.isReduction(i, layers);
            if (reduction) {
                current *= 2;
                height = (height + 1) / 2;
                width = (width + 1) / 2;
            }
            GenotypeCell cell = new GenotypeCell(reduction ? genotype.reduce() : genotype.normal(),
                    reduction ? genotype.reduceConcat() : genotype.normalConcat(), operations, current, reduction,
                    reductionPrev, sites);
            cells.add(addChildBlock("cell" + i, cell));
            sites += cell.dropPathSites();
            reductionPrev = reduction;
            if (i == 2 * layers / 3) {
                auxiliaryInput = new long[] {height, width};
            }
        }
        dropPathSites = sites;
        auxiliaryAfter = 2 * layers / 3;
        auxiliary = withAuxiliary
                ? addChildBlock("auxiliary", auxiliaryHead(dataset.classes(), auxiliaryInput[0], auxiliaryInput[1]))
                : null;
        pool = addChildBlock("pool", Pool.globalAvgPool2dBlock());
        classifier = addChildBlock("classifier", Linear.builder().setUnits(dataset.classes()).build());
    }

    /**
     * Builds and initialises the network of a genotype.
     *
     * @param operations the available operations by id; every operation of the genotype must be there
     * @param layers the number of cells L, at least 3
     * @param auxiliary whether to add the auxiliary head
     * @throws dev.jnas.api.error.JnasException if the genotype does not fit the operations
     */
    public static DartsNetwork build(NDManager manager, Genotype genotype, Map<String, Operation> operations,
                                     DatasetInfo dataset, int channels, int layers, boolean auxiliary) {
        genotype.validate(List.copyOf(operations.keySet()));
        if (channels < 1 || layers < 3) {
            throw new IllegalArgumentException("need C >= 1 and at least 3 cells, got C=" + channels + ", " + layers);
        }
        DartsNetwork net = new DartsNetwork(genotype, operations, dataset, channels, layers, auxiliary);
        net.setInitializer(new TorchDefaultInitializer(), Parameter.Type.WEIGHT);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, dataset.channels(), dataset.height(), dataset.width()));
        return net;
    }

    /** The reference's AuxiliaryHeadCIFAR, pooling and last kernel shrunk to fit smaller inputs. */
    private static SequentialBlock auxiliaryHead(int classes, long height, long width) {
        long poolHeight = Math.min(5, height);
        long poolWidth = Math.min(5, width);
        long pooledHeight = (height - poolHeight) / 3 + 1;
        long pooledWidth = (width - poolWidth) / 3 + 1;
        int kernel = (int) Math.min(2, Math.min(pooledHeight, pooledWidth));
        return new SequentialBlock()
                .add(Layers.relu())
                .add(Pool.avgPool2dBlock(new Shape(poolHeight, poolWidth), new Shape(3, 3), new Shape(0, 0)))
                .add(Layers.conv2d(AUXILIARY_CHANNELS, 1, 1, 0, 1, 1))
                .add(Layers.batchNorm(true))
                .add(Layers.relu())
                .add(Layers.conv2d(AUXILIARY_FEATURES, kernel, 1, 0, 1, 1))
                .add(Layers.batchNorm(true))
                .add(Layers.relu())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    /**
     * Runs the network on a batch.
     *
     * @param images {@code (N, C, H, W)}
     * @param dropPathMasks the step's masks ({@link DropPath#masks}), or {@code null}; used only in training
     * @return {@code (logits)}, or {@code (logits, auxiliaryLogits)} when training with the auxiliary head
     */
    @Override
    public NDList forward(NDArray images, NDArray dropPathMasks, boolean training) {
        ParameterStore store = new ParameterStore(images.getManager(), false);
        NDList inputs = dropPathMasks == null ? new NDList(images) : new NDList(images, dropPathMasks);
        return forward(store, inputs, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray masks = training && inputs.size() > 1 ? inputs.get(1) : null;
        NDArray s0 = stem.forward(store, new NDList(inputs.head()), training).singletonOrThrow();
        NDArray s1 = s0;
        NDArray auxiliaryLogits = null;
        for (int i = 0; i < cells.size(); i++) {
            NDList cellInputs = masks == null ? new NDList(s0, s1) : new NDList(s0, s1, masks);
            NDArray next = cells.get(i).forward(store, cellInputs, training).singletonOrThrow();
            s0 = s1;
            s1 = next;
            if (i == auxiliaryAfter && auxiliary != null && training) {
                auxiliaryLogits = auxiliary.forward(store, new NDList(s1), training).singletonOrThrow();
            }
        }
        NDList pooled = pool.forward(store, new NDList(s1), training);
        NDArray logits = classifier.forward(store, pooled, training).singletonOrThrow();
        return auxiliaryLogits == null ? new NDList(logits) : new NDList(logits, auxiliaryLogits);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), dataset.classes())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        stem.initialize(manager, dataType, inputShapes[0]);
        Shape s0 = stem.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        Shape s1 = s0;
        for (int i = 0; i < cells.size(); i++) {
            GenotypeCell cell = cells.get(i);
            cell.initialize(manager, dataType, s0, s1);
            Shape next = cell.getOutputShapes(new Shape[] {s0, s1})[0];
            s0 = s1;
            s1 = next;
            if (i == auxiliaryAfter && auxiliary != null) {
                auxiliary.initialize(manager, dataType, s1);
            }
        }
        pool.initialize(manager, dataType, s1);
        classifier.initialize(manager, dataType, pool.getOutputShapes(new Shape[] {s1}));
    }

    /** Every trainable parameter, the auxiliary head's included, by path name: what SGD updates. */
    @Override
    public Map<String, Parameter> weights() {
        Map<String, Parameter> weights = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : getParameters()) {
            if (p.getValue().requiresGradient()) {
                weights.put(p.getKey(), p.getValue());
            }
        }
        return Collections.unmodifiableMap(weights);
    }

    /** The number of trainable weights without the auxiliary head (the paper's parameter count). */
    @Override
    public long weightCount() {
        return count(false);
    }

    /** The number of trainable weights of the auxiliary head; 0 without one. */
    @Override
    public long auxiliaryWeightCount() {
        return count(true);
    }

    private long count(boolean ofAuxiliary) {
        Set<Parameter> head = Collections.newSetFromMap(new IdentityHashMap<>());
        if (auxiliary != null) {
            auxiliary.getParameters().values().forEach(head::add);
        }
        long total = 0;
        for (Parameter p : weights().values()) {
            if (head.contains(p) == ofAuxiliary) {
                total += p.getArray().getShape().size();
            }
        }
        return total;
    }

    /** The number of operations drop-path applies to, over all cells: the rows of a step's masks. */
    @Override
    public int dropPathSites() {
        return dropPathSites;
    }

    /**
     * The network's size and shape, as {@code jnas train --dry-run} prints it.
     *
     * @param genotypeSource the built-in name or the file of the genotype
     */
    @Override
    public NetworkSummary summary(String genotypeSource) {
        List<Integer> reductions = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).reduction()) {
                reductions.add(i);
            }
        }
        return new NetworkSummary(genotypeSource, dataset.name(),
                List.of(dataset.channels(), dataset.height(), dataset.width()), dataset.classes(), channels,
                cells.size(), reductions, auxiliary != null, weightCount(), auxiliaryWeightCount(), dropPathSites);
    }
}
