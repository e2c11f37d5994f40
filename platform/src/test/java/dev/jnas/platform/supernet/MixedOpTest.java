package dev.jnas.platform.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.jnas.api.nn.AvgPool;
import dev.jnas.api.nn.Identity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mixed edge: a weighted sum, with a non-affine BatchNorm after pooling only when asked (DARTS). */
class MixedOpTest {

    private static NDArray forward(boolean batchNormAfterPooling, NDManager manager, NDArray x, float[] weights) {
        List<Block> candidates = List.of(new AvgPool(3, 1, 1), new Identity());
        MixedOp edge = new MixedOp(candidates, List.of("avg_pool_3x3", "skip_connect"), batchNormAfterPooling);
        edge.initialize(manager, DataType.FLOAT32, x.getShape(), new Shape(2));
        return edge.forward(new ParameterStore(manager, false), new NDList(x, manager.create(weights)), true)
                .singletonOrThrow();
    }

    @Test
    void poolingIsNormalisedOnlyWithBatchNormAfterPooling() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] values = new float[2 * 3 * 4 * 4];
            for (int i = 0; i < values.length; i++) {
                values[i] = 5 + (i % 7) * 0.5f;
            }
            NDArray x = manager.create(values, new Shape(2, 3, 4, 4));
            NDArray pooled = new AvgPool(3, 1, 1).forward(new ParameterStore(manager, false), new NDList(x), true)
                    .singletonOrThrow();
            // NAS-Bench-201: the pooling as it is, weighted
            NDArray plain = forward(false, manager, x, new float[] {0.25f, 0.75f});
            assertArrayEquals(pooled.mul(0.25f).add(x.mul(0.75f)).toFloatArray(), plain.toFloatArray(), 1e-5f);
            // DARTS: the pooling's output normalised per channel (mean 0, variance 1)
            NDArray normalised = forward(true, manager, x, new float[] {1f, 0f}).transpose(1, 0, 2, 3).reshape(3, -1);
            assertArrayEquals(new float[3], normalised.mean(new int[] {1}).toFloatArray(), 1e-4f);
            assertArrayEquals(new float[] {1, 1, 1}, normalised.pow(2).mean(new int[] {1}).toFloatArray(), 1e-3f);
            assertEquals(new Shape(2, 3, 4, 4), plain.getShape());
        }
    }
}
