package dev.jnas.ops.standard;

import static dev.jnas.api.testing.OperationContract.forward;
import static dev.jnas.api.testing.OperationContract.input;
import static dev.jnas.api.testing.OperationContract.trainableWeightCount;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.jnas.api.Operation;
import dev.jnas.api.nn.Layers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins each operation to the DARTS code's semantics on tiny hand-checked inputs. */
class StandardOperationsTest {

    private static final float INFERENCE_SCALE = (float) (1 / Math.sqrt(1 + Layers.BATCH_NORM_EPSILON));

    /** The DARTS primitives, in the order of the papers' code, and NAS-Bench-201's two convolutions. */
    private static final Map<String, Supplier<Operation>> OPERATIONS = Map.of(
            "none", ZeroOperation::new,
            "max_pool_3x3", MaxPoolOperation::new,
            "avg_pool_3x3", AvgPoolOperation::new,
            "skip_connect", SkipConnectOperation::new,
            "sep_conv_3x3", SepConv3x3Operation::new,
            "sep_conv_5x5", SepConv5x5Operation::new,
            "dil_conv_3x3", DilConv3x3Operation::new,
            "dil_conv_5x5", DilConv5x5Operation::new,
            "nor_conv_1x1", NorConv1x1Operation::new,
            "nor_conv_3x3", NorConv3x3Operation::new);

    private static Block created(String id, int channels, int stride, boolean affine, NDManager manager, Shape in) {
        Block block = OPERATIONS.get(id).get().create(channels, stride, affine);
        block.initialize(manager, DataType.FLOAT32, in);
        return block;
    }

    private static float[] oneToNine() {
        return new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9};
    }

    @Test
    void idsAreThePrimitiveNamesOfThePapers() {
        OPERATIONS.forEach((id, operation) -> assertEquals(id, operation.get().id()));
        for (String id : new String[] {"none", "max_pool_3x3", "avg_pool_3x3", "skip_connect"}) {
            assertTrue(OPERATIONS.get(id).get().weightFree(), id);
        }
        for (String id : new String[] {"sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5",
            "nor_conv_1x1", "nor_conv_3x3"}) {
            assertEquals(false, OPERATIONS.get(id).get().weightFree(), id);
        }
    }

    @Test
    void theExtensionIndexListsTheTenOperations() throws IOException, ReflectiveOperationException {
        Set<String> ids = new TreeSet<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                for (String line : reader.lines().map(String::trim).toList()) {
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        Object extension = Class.forName(line).getConstructor().newInstance();
                        ids.add(assertInstanceOf(Operation.class, extension).id());
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(OPERATIONS.keySet()), ids);
    }

    @ParameterizedTest(name = "{0}, C={1}, stride {2}")
    @CsvSource({
        "sep_conv_3x3, 16, 1, 800, 64", "sep_conv_3x3, 8, 2, 272, 32",
        "sep_conv_5x5, 16, 1, 1312, 64", "sep_conv_5x5, 8, 2, 528, 32",
        "dil_conv_3x3, 16, 1, 400, 32", "dil_conv_3x3, 8, 2, 136, 16",
        "dil_conv_5x5, 16, 2, 656, 32", "dil_conv_5x5, 8, 1, 264, 16",
        "skip_connect, 16, 2, 256, 32", "skip_connect, 8, 2, 64, 16", "skip_connect, 16, 1, 0, 0",
        "none, 16, 2, 0, 0", "max_pool_3x3, 16, 2, 0, 0", "avg_pool_3x3, 16, 1, 0, 0",
        "nor_conv_1x1, 16, 1, 256, 32", "nor_conv_3x3, 16, 1, 2304, 32", "nor_conv_3x3, 8, 2, 576, 16"
    })
    void trainableWeightsCountAsInPyTorch(String id, int channels, int stride, long weights, long affineWeights) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(1, channels, 8, 8);
            assertEquals(weights, trainableWeightCount(created(id, channels, stride, false, manager, in)));
            assertEquals(weights + affineWeights, trainableWeightCount(created(id, channels, stride, true, manager, in)));
        }
    }

    @Test
    void avgPoolExcludesThePaddingFromTheAverage() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(1, 1, 3, 3);
            Block stride1 = created("avg_pool_3x3", 1, 1, true, manager, in);
            assertArrayEquals(new float[9], forward(stride1, manager, manager.ones(in), true).sub(1f).toFloatArray(),
                    1e-6f);
            NDArray x = manager.create(oneToNine(), in);
            assertArrayEquals(new float[] {3, 3.5f, 4, 4.5f, 5, 5.5f, 6, 6.5f, 7},
                    forward(stride1, manager, x, true).toFloatArray(), 1e-6f);
            Block stride2 = created("avg_pool_3x3", 1, 2, true, manager, in);
            assertArrayEquals(new float[] {3, 4, 6, 7}, forward(stride2, manager, x, true).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void maxPoolTakesTheMaximumOfTheWindowInsideTheImage() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(1, 1, 3, 3);
            NDArray x = manager.create(oneToNine(), in).neg();
            Block block = created("max_pool_3x3", 1, 1, true, manager, in);
            // all values negative: a zero from the padding would win if padding counted
            assertArrayEquals(new float[] {-1, -1, -2, -1, -1, -2, -4, -4, -5},
                    forward(block, manager, x, true).toFloatArray(), 1e-6f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"max_pool_3x3", "avg_pool_3x3"})
    void poolingHasNoBatchNormAffineOrNot(String id) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 3, 6, 6);
            NDArray x = input(manager, in, 11).add(5f);
            NDArray search = forward(created(id, 3, 1, false, manager, in), manager, x, true);
            NDArray plain = forward(created(id, 3, 1, true, manager, in), manager, x, true);
            // values around 5 stay around 5: nothing normalises them
            assertTrue(search.min().getFloat() > 1f, "no BatchNorm after pooling when not affine");
            assertArrayEquals(plain.toFloatArray(), search.toFloatArray(), 0f);
        }
    }

    @Test
    void norConvIsReluThenAPaddedConvolutionThenBatchNorm() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(1, 1, 3, 3);
            Block block = created("nor_conv_3x3", 1, 1, true, manager, in);
            block.getParameters().get("01conv_weight").getArray().set(new float[] {0, 0, 0, 0, 1, 1, 0, 0, 0});
            NDArray x = manager.create(new float[] {1, -2, 3, 4, 5, -6, 7, 8, 9}, in);
            // inference with fresh statistics scales by 1/sqrt(1 + eps); ReLU zeroes -2 and -6;
            // each pixel plus its right neighbour, zero beyond the border
            assertArrayEquals(new float[] {1, 3, 3, 9, 5, 0, 15, 17, 9},
                    forward(block, manager, x, false).div(INFERENCE_SCALE).toFloatArray(), 1e-4f);
            Block reduce = created("nor_conv_1x1", 1, 2, true, manager, in);
            assertEquals(new Shape(1, 1, 2, 2), forward(reduce, manager, x, false).getShape());
        }
    }

    @Test
    void noneIsExactlyZeroWithTheStridedShape() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 3, 7, 7);
            NDArray y = forward(created("none", 3, 2, false, manager, in), manager, input(manager, in, 12), true);
            assertEquals(new Shape(2, 3, 4, 4), y.getShape());
            assertArrayEquals(new float[2 * 3 * 4 * 4], y.toFloatArray(), 0f);
        }
    }

    @Test
    void skipConnectAtStrideOneReturnsTheInput() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 3, 5, 5);
            NDArray x = input(manager, in, 13);
            for (boolean affine : new boolean[] {true, false}) {
                assertSame(x, forward(created("skip_connect", 3, 1, affine, manager, in), manager, x, true));
            }
        }
    }

    @Test
    void skipConnectAtStrideTwoReducesTheEvenAndThePixelShiftedOddPixels() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(1, 2, 4, 4);
            Block block = created("skip_connect", 2, 2, false, manager, in);
            // each half reads input channel 0 only
            block.getParameters().get("01conv1_weight").getArray().set(new float[] {1, 0});
            block.getParameters().get("02conv2_weight").getArray().set(new float[] {1, 0});
            float[] x = new float[32];
            for (int i = 0; i < 16; i++) {
                x[i] = i + 1;
                x[16 + i] = 100;
            }
            NDArray y = forward(block, manager, manager.create(x, in), false).div(INFERENCE_SCALE);
            // first half x[::2, ::2] = (1, 3, 9, 11); second half x[1::2, 1::2] = (6, 8, 14, 16)
            assertArrayEquals(new float[] {1, 3, 9, 11, 6, 8, 14, 16}, y.toFloatArray(), 1e-4f);
        }
    }

    @Test
    void convolutionsKeepTheShapeWithTheirPaddingAndDilation() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 4, 9, 9);
            for (String id : new String[] {"sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5",
                "nor_conv_1x1", "nor_conv_3x3"}) {
                Block block = created(id, 4, 1, true, manager, in);
                assertEquals(in, forward(block, manager, input(manager, in, 14), true).getShape(), id);
            }
        }
    }
}
