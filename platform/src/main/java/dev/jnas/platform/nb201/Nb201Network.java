package dev.jnas.platform.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.jnas.api.Operation;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.platform.evaluation.NetworkSummary;
import dev.jnas.platform.evaluation.TrainableNetwork;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The network NAS-Bench-201 trains for a cell (its {@code TinyNetwork} with {@code InferCell}s):
 * a 3×3 stem to {@code C} channels with BatchNorm, three stages of {@code N} copies of the cell at
 * {@code C}, {@code 2C} and {@code 4C} channels joined by residual reduction blocks, BatchNorm and
 * ReLU, global average pooling and a linear classifier. The benchmark's setting is {@code C = 16},
 * {@code N = 5}: for CIFAR-10 the weight count then equals the table's {@code params_mb_c10}
 * (129,306 for the cell at index 0).
 *
 * <p>Build it with {@link #build}, which also initialises every parameter as PyTorch does by default
 * (seed the engine first). Every edge of every cell gets its own block from the operation factories,
 * at stride 1 with affine BatchNorms; a {@code none} edge adds zeros.
 *
 * <pre>{@code Nb201Network net = Nb201Network.build(manager, cell, operations, DatasetInfo.CIFAR10, 16, 5);}</pre>
 */
public final class Nb201Network extends Skeleton implements TrainableNetwork {

    /** NAS-Bench-201's initial channels. */
    public static final int CHANNELS = Skeleton.CHANNELS;

    /** NAS-Bench-201's cells per stage. */
    public static final int CELLS_PER_STAGE = Skeleton.CELLS_PER_STAGE;

    private final Nb201Cell cell;

    private Nb201Network(Nb201Cell cell, Map<String, Operation> operations, DatasetInfo dataset, int channels,
                         int cellsPerStage) {
        super(dataset, channels, cellsPerStage, c -> new FixedCell(cell, operations, c));
        this.cell = cell;
    }

    /**
     * Builds and initialises the network of a cell.
     *
     * @param operations the available operations by id; every operation of the cell must be there
     * @param channels the initial channels C
     * @param cellsPerStage the cells per stage N
     * @throws JnasException if an operation of the cell is missing
     */
    public static Nb201Network build(NDManager manager, Nb201Cell cell, Map<String, Operation> operations,
                                     DatasetInfo dataset, int channels, int cellsPerStage) {
        for (String op : cell.ops()) {
            if (!operations.containsKey(op)) {
                throw new JnasException("unknown operation '" + op + "' (known: "
                        + String.join(", ", new TreeSet<>(operations.keySet())) + ")");
            }
        }
        Nb201Network net = new Nb201Network(cell, operations, dataset, channels, cellsPerStage);
        net.initializeParameters(manager);
        return net;
    }

    /** Class scores {@code (N, classes)} for normalised images {@code (N, C, H, W)}. */
    public NDArray forward(NDArray images, boolean training) {
        return logits(images, training);
    }

    /** The cell every stage repeats. */
    public Nb201Cell cell() {
        return cell;
    }

    /** Runs the network on a batch: {@code (logits)}; there is no drop-path, so {@code dropPathMasks} must be null. */
    @Override
    public NDList forward(NDArray images, NDArray dropPathMasks, boolean training) {
        if (dropPathMasks != null) {
            throw new IllegalArgumentException("a NAS-Bench-201 network has no drop-path");
        }
        return new NDList(forward(images, training));
    }

    /** Every trainable parameter by path name. */
    @Override
    public Map<String, Parameter> weights() {
        return trainable(null);
    }

    /** The number of trainable weights (BatchNorm statistics not counted): the benchmark's parameter count. */
    @Override
    public long weightCount() {
        return count(weights());
    }

    /** None: the benchmark's network has no auxiliary head. */
    @Override
    public long auxiliaryWeightCount() {
        return 0;
    }

    /** None: the benchmark trains without drop-path. */
    @Override
    public int dropPathSites() {
        return 0;
    }

    /** Its size and shape; {@code cells} counts the {@code 3N} cells and the two residual blocks among them. */
    @Override
    public NetworkSummary summary(String source) {
        return new NetworkSummary(source, dataset().name(), List.of(dataset().channels(), dataset().height(),
                dataset().width()), dataset().classes(), channels(), layers(), reductionLayers(), false,
                weightCount(), 0, 0);
    }
}
