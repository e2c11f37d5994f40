package dev.jnas.api.nn;

import static dev.jnas.api.testing.OperationContract.forward;
import static dev.jnas.api.testing.OperationContract.input;
import static dev.jnas.api.testing.OperationContract.trainableWeightCount;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** Pins the building blocks to the DARTS reference code's PyTorch results, computed by hand. */
class BuildingBlocksTest {

    private static final float EPS = Layers.BATCH_NORM_EPSILON;
    private static final float INFERENCE_SCALE = (float) (1 / Math.sqrt(1 + EPS));

    private static Block initialized(Block block, NDManager manager, Shape in) {
        block.initialize(manager, DataType.FLOAT32, in);
        return block;
    }

    private static void setWeight(Block block, String name, float... values) {
        block.getParameters().get(name).getArray().set(values);
    }

    private static float[] range(int n, float from) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = from + i;
        }
        return v;
    }

    @Test
    void batchNormNormalisesWithTorchEpsilonAndUpdatesRunningStatisticsWithMomentumPointOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BatchNorm bn = Layers.batchNorm(false);
            initialized(bn, manager, new Shape(2, 1, 1, 2));
            NDArray y = forward(bn, manager, manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 1, 1, 2)), true);
            float sd = (float) Math.sqrt(1.25 + EPS);
            assertArrayEquals(new float[] {-1.5f / sd, -0.5f / sd, 0.5f / sd, 1.5f / sd}, y.toFloatArray(), 1e-5f);
            // running statistics: 0.9·old + 0.1·batch, the variance unbiased (5/3) as in PyTorch
            assertEquals(0.25f, bn.getParameters().get("runningMean").getArray().getFloat(0), 1e-6f);
            assertEquals(0.9f + 0.1f * 5 / 3, bn.getParameters().get("runningVar").getArray().getFloat(0), 1e-6f);
        }
    }

    @Test
    void batchNormLearnsScaleAndShiftOnlyWhenAffine() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 3, 4, 4);
            assertEquals(0, trainableWeightCount(initialized(Layers.batchNorm(false), manager, in)));
            assertEquals(6, trainableWeightCount(initialized(Layers.batchNorm(true), manager, in)));
        }
    }

    @Test
    void reluConvBnHasTheReferenceShapeAndWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 3, 7, 7);
            Block affine = initialized(new ReluConvBn(4, 3, 2, 1, true), manager, in);
            Block plain = initialized(new ReluConvBn(4, 3, 2, 1, false), manager, in);
            assertEquals(4 * 3 * 9 + 2 * 4, trainableWeightCount(affine));
            assertEquals(4 * 3 * 9, trainableWeightCount(plain));
            Shape out = new Shape(2, 4, 4, 4);
            assertEquals(out, plain.getOutputShapes(new Shape[] {in})[0]);
            assertEquals(out, forward(plain, manager, input(manager, in, 1), true).getShape());
        }
    }

    @Test
    void reluConvBnAppliesTheReluBeforeTheConvolution() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(1, 2, 1, 2);
            Block block = initialized(new ReluConvBn(1, 1, 1, 0, false), manager, in);
            setWeight(block, "01conv_weight", 1, 1);
            // channel 0 = (-1, 2), channel 1 = (3, -4): relu then sum of channels = (3, 2)
            NDArray x = manager.create(new float[] {-1, 2, 3, -4}, in);
            NDArray y = forward(block, manager, x, false);
            assertArrayEquals(new float[] {3 * INFERENCE_SCALE, 2 * INFERENCE_SCALE}, y.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void factorizedReduceGivesCeilOfHalfTheSizeForEvenAndOddSizes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            int[][] sizes = {{8, 8, 4, 4}, {7, 7, 4, 4}, {8, 7, 4, 4}, {5, 6, 3, 3}, {1, 1, 1, 1}};
            for (int[] s : sizes) {
                Shape in = new Shape(2, 3, s[0], s[1]);
                Block block = initialized(new FactorizedReduce(6, false), manager, in);
                Shape out = new Shape(2, 6, s[2], s[3]);
                assertEquals(out, block.getOutputShapes(new Shape[] {in})[0]);
                assertEquals(out, forward(block, manager, input(manager, in, 2), true).getShape());
            }
        }
    }

    @Test
    void factorizedReduceHasTheReferenceWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 16, 8, 8);
            assertEquals(2 * 16 * 8, trainableWeightCount(initialized(new FactorizedReduce(16, false), manager, in)));
            assertEquals(2 * 16 * 8 + 2 * 16,
                    trainableWeightCount(initialized(new FactorizedReduce(16, true), manager, in)));
            assertThrows(IllegalArgumentException.class, () -> new FactorizedReduce(5, false));
        }
    }

    @Test
    void factorizedReduceSamplesEvenPixelsThenThePixelShiftedOnes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(1, 2, 4, 4);
            Block block = initialized(new FactorizedReduce(2, false), manager, in);
            setWeight(block, "01conv1_weight", 1, 0);
            setWeight(block, "02conv2_weight", 1, 0);
            // channel 0 = 1..16 row by row, channel 1 = negative (removed by the relu, unused)
            float[] x = new float[32];
            System.arraycopy(range(16, 1), 0, x, 0, 16);
            System.arraycopy(range(16, -20), 0, x, 16, 16);
            NDArray y = forward(block, manager, manager.create(x, in), false).mul(1 / INFERENCE_SCALE);
            assertArrayEquals(new float[] {1, 3, 9, 11, 6, 8, 14, 16}, y.toFloatArray(), 1e-4f);
        }
    }

    @Test
    void factorizedReducePadsTheShiftedBranchWithZerosAtTheBottomAndRightForOddSizes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(1, 1, 5, 5);
            Block block = initialized(new FactorizedReduce(2, false), manager, in);
            setWeight(block, "01conv1_weight", 1);
            setWeight(block, "02conv2_weight", 2);
            NDArray y = forward(block, manager, manager.create(range(25, 1), in), false).mul(1 / INFERENCE_SCALE);
            float[] expected = {
                1, 3, 5, 11, 13, 15, 21, 23, 25,
                2 * 7, 2 * 9, 0, 2 * 17, 2 * 19, 0, 0, 0, 0
            };
            assertArrayEquals(expected, y.toFloatArray(), 1e-4f);
        }
    }

    @Test
    void avgPoolLeavesThePaddingOutOfTheAverage() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 1, 3, 3);
            NDArray x = manager.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1}, in);
            NDArray y = forward(initialized(new AvgPool(3, 1, 1), manager, in), manager, x, true);
            // corners average 4 pixels, edges 6, the centre 9; a constant image stays constant
            float[] expected = {3, 3.5f, 4, 4.5f, 5, 5.5f, 6, 6.5f, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1};
            assertArrayEquals(expected, y.toFloatArray(), 1e-6f);
            Block strided = initialized(new AvgPool(3, 2, 1), manager, new Shape(1, 1, 4, 5));
            assertEquals(new Shape(1, 1, 2, 3), strided.getOutputShapes(new Shape[] {new Shape(1, 1, 4, 5)})[0]);
            NDArray z = forward(strided, manager, manager.arange(20f).reshape(1, 1, 4, 5), true);
            // windows: rows {0,1} × cols {0,1} / {1,2,3} / {3,4}; rows {1,2,3} × the same
            assertArrayEquals(new float[] {3, 4.5f, 6, 10.5f, 12, 13.5f}, z.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void zeroIsExactlyZeroWithTheStridedShape() {
        try (NDManager manager = NDManager.newBaseManager()) {
            int[][] cases = {{1, 7, 7}, {2, 7, 4}, {2, 8, 4}, {3, 7, 3}};
            for (int[] c : cases) {
                Shape in = new Shape(2, 3, c[1], c[1]);
                Block zero = initialized(new Zero(c[0]), manager, in);
                Shape out = new Shape(2, 3, c[2], c[2]);
                NDArray y = forward(zero, manager, input(manager, in, 3), true);
                assertEquals(out, zero.getOutputShapes(new Shape[] {in})[0]);
                assertEquals(out, y.getShape());
                // x·0 is -0 for negative x, as in PyTorch: equal to 0 with tolerance 0
                assertArrayEquals(new float[Math.toIntExact(out.size())], y.toFloatArray(), 0f);
            }
        }
    }

    @Test
    void identityReturnsItsInputAndPassesTheGradientThrough() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 3, 5, 5);
            Block identity = initialized(new Identity(), manager, in);
            NDArray x = input(manager, in, 4);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = forward(identity, manager, x, true);
                assertSame(x, y);
                collector.backward(y.mul(3f).sum());
            }
            assertArrayEquals(manager.full(in, 3f).toFloatArray(), x.getGradient().toFloatArray());
        }
    }
}
