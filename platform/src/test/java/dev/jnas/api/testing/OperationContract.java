package dev.jnas.api.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.jnas.api.Operation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link Operation} must do, as tests that an implementation inherits.
 *
 * <p>Extend it in the plugin's tests (with {@code jnas-platform}'s {@code test-jar} as a test
 * dependency) and return the operation under test:
 *
 * <pre>{@code
 * class SepConv3x3OperationTest extends OperationContract {
 *     @Override
 *     protected Operation operation() {
 *         return new SepConv3x3Operation();
 *     }
 * }
 * }</pre>
 *
 * <p>The contract: a non-empty id; {@code (N, C, H, W) → (N, C, ceil(H / s), ceil(W / s))} for
 * stride 1 and 2, even and odd sizes, affine or not, both declared by
 * {@link Block#getOutputShapes(Shape[])} and produced by {@code forward}; a new block with its own
 * parameters per {@link Operation#create}; a gradient on every trainable weight after one backward
 * pass; forward passes in training and inference mode at batch sizes other than the one the block
 * was initialised with, which leave no arrays in the manager that holds the parameters; weights
 * and BatchNorm statistics that survive {@code saveParameters} / {@code loadParameters}; and no
 * trainable weights at stride 1 when {@link Operation#weightFree()}. Inputs are tiny (batch 2,
 * {@value #CHANNELS} channels, 8×8 or 7×7) and seeded.
 */
public abstract class OperationContract {

    /** Channels of the contract's inputs (even, so that reductions may split them in halves). */
    protected static final int CHANNELS = 4;

    /** Batch size the blocks are initialised with. */
    protected static final int BATCH = 2;

    /** The operation under test; may return the same instance every time. */
    protected abstract Operation operation();

    @BeforeEach
    void seedEngine() {
        Engine.getInstance().setRandomSeed(7);
    }

    @Test
    void hasANonEmptyId() {
        String id = operation().id();
        assertNotNull(id);
        assertFalse(id.isBlank(), "id must not be blank");
    }

    @ParameterizedTest(name = "stride {0}, {1}x{2}, affine {3}")
    @CsvSource({
        "1, 8, 8, true", "1, 8, 8, false", "1, 7, 7, true", "1, 7, 7, false",
        "2, 8, 8, true", "2, 8, 8, false", "2, 7, 7, true", "2, 7, 7, false", "2, 8, 7, false"
    })
    void mapsToTheStridedShape(int stride, int height, int width, boolean affine) {
        Shape in = new Shape(BATCH, CHANNELS, height, width);
        Shape expected = new Shape(BATCH, CHANNELS, ceilDiv(height, stride), ceilDiv(width, stride));
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = operation().create(CHANNELS, stride, affine);
            block.initialize(manager, DataType.FLOAT32, in);
            assertEquals(expected, block.getOutputShapes(new Shape[] {in})[0], "declared output shape");
            NDArray y = forward(block, manager, input(manager, in, 1), true);
            assertEquals(expected, y.getShape(), "forward output shape");
        }
    }

    @ParameterizedTest(name = "stride {0}")
    @ValueSource(ints = {1, 2})
    void createsAFreshBlockEachTime(int stride) {
        Shape in = new Shape(BATCH, CHANNELS, 8, 8);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block first = operation().create(CHANNELS, stride, true);
            Block second = operation().create(CHANNELS, stride, true);
            assertNotSame(first, second);
            first.initialize(manager, DataType.FLOAT32, in);
            second.initialize(manager, DataType.FLOAT32, in);
            Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            seen.addAll(parts(first));
            for (Object part : parts(second)) {
                assertFalse(seen.contains(part), "shared between two created blocks: " + part);
            }
        }
    }

    @ParameterizedTest(name = "stride {0}, affine {1}")
    @CsvSource({"1, true", "1, false", "2, true", "2, false"})
    void gradientsReachEveryTrainableWeight(int stride, boolean affine) {
        Shape in = new Shape(BATCH, CHANNELS, 8, 8);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = operation().create(CHANNELS, stride, affine);
            block.initialize(manager, DataType.FLOAT32, in);
            NDArray x = input(manager, in, 2);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = forward(block, manager, x, true);
                // A random projection: sum(y) alone has no gradient through a BatchNorm.
                collector.backward(y.mul(input(manager, y.getShape(), 3)).sum());
            }
            for (var entry : block.getParameters()) {
                Parameter p = entry.getValue();
                if (p.requiresGradient()) {
                    float norm = p.getArray().getGradient().abs().sum().getFloat();
                    assertTrue(norm > 0, "no gradient reached " + entry.getKey());
                }
            }
        }
    }

    @ParameterizedTest(name = "stride {0}")
    @ValueSource(ints = {1, 2})
    void forwardsInTrainingAndInferenceAtAnyBatchSize(int stride) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = operation().create(CHANNELS, stride, false);
            block.initialize(manager, DataType.FLOAT32, new Shape(BATCH, CHANNELS, 8, 8));
            int[][] passes = {{BATCH, 1}, {BATCH + 1, 1}, {BATCH + 1, 0}, {1, 0}};
            for (int[] pass : passes) {
                Shape in = new Shape(pass[0], CHANNELS, 8, 8);
                boolean training = pass[1] == 1;
                NDArray y = forward(block, manager, input(manager, in, 4), training);
                assertEquals(new Shape(pass[0], CHANNELS, ceilDiv(8, stride), ceilDiv(8, stride)), y.getShape(),
                        "training " + training + ", batch " + pass[0]);
                assertFalse(y.isNaN().any().getBoolean(), "NaN in output, training " + training);
            }
        }
    }

    @ParameterizedTest(name = "stride {0}")
    @ValueSource(ints = {1, 2})
    void forwardLeavesNothingInTheModelManager(int stride) {
        Shape in = new Shape(BATCH, CHANNELS, 8, 8);
        try (NDManager model = NDManager.newBaseManager()) {
            Block block = operation().create(CHANNELS, stride, true);
            block.initialize(model, DataType.FLOAT32, in);
            int before = model.getManagedArrays().size();
            for (boolean training : new boolean[] {true, false}) {
                try (NDManager batch = NDManager.newBaseManager()) {
                    forward(block, batch, input(batch, in, 5), training);
                }
                assertEquals(before, model.getManagedArrays().size(), "arrays left behind, training " + training);
            }
        }
    }

    @ParameterizedTest(name = "stride {0}")
    @ValueSource(ints = {1, 2})
    void parametersAndStatisticsRoundTripThroughSaveAndLoad(int stride) throws IOException, MalformedModelException {
        Shape in = new Shape(BATCH, CHANNELS, 8, 8);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block trained = operation().create(CHANNELS, stride, true);
            trained.initialize(manager, DataType.FLOAT32, in);
            forward(trained, manager, input(manager, in, 6), true); // moves BatchNorm running statistics
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            trained.saveParameters(new DataOutputStream(bytes));
            Block loaded = operation().create(CHANNELS, stride, true);
            loaded.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            NDArray x = input(manager, in, 7);
            assertArrayEquals(forward(trained, manager, x, false).toFloatArray(),
                    forward(loaded, manager, x, false).toFloatArray());
        }
    }

    @ParameterizedTest(name = "affine {0}")
    @ValueSource(booleans = {true, false})
    void weightFreeOperationsHaveNoTrainableWeightsAtStrideOne(boolean affine) {
        Operation operation = operation();
        if (!operation.weightFree()) {
            return;
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = operation.create(CHANNELS, 1, affine);
            block.initialize(manager, DataType.FLOAT32, new Shape(BATCH, CHANNELS, 8, 8));
            assertEquals(0, trainableWeightCount(block), operation.id() + " says it is weight-free");
        }
    }

    /** The number of scalar weights that require gradient in an initialised block. */
    public static long trainableWeightCount(Block block) {
        long count = 0;
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                count += p.getArray().size();
            }
        }
        return count;
    }

    /** Seeded standard-normal values of the given shape, independent of the engine's generator. */
    public static NDArray input(NDManager manager, Shape shape, long seed) {
        Random random = new Random(seed);
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, shape);
    }

    /** One forward pass with a parameter store on {@code manager} (the batch's manager). */
    public static NDArray forward(Block block, NDManager manager, NDArray x, boolean training) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), training).singletonOrThrow();
    }

    private static long ceilDiv(long size, int stride) {
        return (size + stride - 1) / stride;
    }

    /** The block, its descendants, their parameters and the parameters' arrays. */
    private static List<Object> parts(Block block) {
        List<Object> parts = new ArrayList<>();
        parts.add(block);
        for (Parameter p : block.getDirectParameters().values()) {
            parts.add(p);
            parts.add(p.getArray());
        }
        for (Block child : block.getChildren().values()) {
            parts.addAll(parts(child));
        }
        return parts;
    }
}
