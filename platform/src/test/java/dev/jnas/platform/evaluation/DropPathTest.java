package dev.jnas.platform.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.jnas.api.Operation;
import dev.jnas.api.nn.Arrays;
import dev.jnas.api.nn.AvgPool;
import dev.jnas.api.nn.Identity;
import dev.jnas.api.space.GenotypeEdge;
import dev.jnas.platform.supernet.TorchDefaultInitializer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Drop-path: masks, schedule, and what a cell does with them. */
class DropPathTest {

    private static Operation operation(String id, Supplier<Block> block) {
        return new Operation() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Block create(int channels, int stride, boolean affine) {
                return block.get();
            }
        };
    }

    @Test
    void theProbabilityRisesLinearlyFromZero() {
        assertEquals(0.0, DropPath.probability(0.2, 0, 600));
        assertEquals(0.1, DropPath.probability(0.2, 300, 600), 1e-12);
        assertEquals(0.2 * 599 / 600, DropPath.probability(0.2, 599, 600), 1e-12);
    }

    @Test
    void masksKeepWithProbabilityOneMinusPAndScaleByItsInverse() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray masks = DropPath.masks(manager, 4, 1000, 0.2, DropPath.random(1, 2, 3));
            assertEquals(new Shape(4, 1000, 1, 1, 1), masks.getShape());
            float[] values = masks.toFloatArray();
            long kept = 0;
            for (float v : values) {
                assertTrue(v == 0f || v == 1.25f, "mask value " + v);
                kept += v == 0f ? 0 : 1;
            }
            assertEquals(0.8, (double) kept / values.length, 0.03);
            assertArrayEquals(values, DropPath.masks(manager, 4, 1000, 0.2, DropPath.random(1, 2, 3)).toFloatArray(),
                    "a pure function of (seed, epoch, step)");
            assertFalse(java.util.Arrays.equals(values,
                    DropPath.masks(manager, 4, 1000, 0.2, DropPath.random(1, 2, 4)).toFloatArray()));
            assertFalse(java.util.Arrays.equals(values,
                    DropPath.masks(manager, 4, 1000, 0.2, DropPath.random(1, 3, 3)).toFloatArray()));
        }
    }

    /**
     * A one-node cell {@code node2 = skip_connect(s0) + avg_pool(s1)} that outputs
     * {@code (s0, s1, node2)}: with masks {@code (0, 2, 2)} (p = 0.5) the pooled term of example 0
     * is dropped and the others' doubled, while the identity term is never touched.
     */
    @Test
    void aCellDropsWholeExamplesOfNonIdentityEdgesOnlyAndRescalesTheRest() {
        Map<String, Operation> ops = Map.of(
                "skip_connect", operation("skip_connect", Identity::new),
                "avg_pool_3x3", operation("avg_pool_3x3", () -> new AvgPool(3, 1, 1)));
        GenotypeCell cell = new GenotypeCell(List.of(new GenotypeEdge("skip_connect", 0),
                new GenotypeEdge("avg_pool_3x3", 1)), List.of(0, 1, 2), ops, 2, false, false, 0);
        assertEquals(1, cell.dropPathSites(), "the identity edge is no drop-path site");
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(3, 2, 4, 4);
            cell.setInitializer(new TorchDefaultInitializer(), Parameter.Type.WEIGHT);
            cell.initialize(manager, DataType.FLOAT32, shape, shape);
            manager.getEngine().setRandomSeed(4);
            NDArray s0 = manager.randomNormal(shape);
            NDArray s1 = manager.randomNormal(shape);
            NDArray masks = Arrays.engineOwned(manager.create(new float[] {0, 2, 2}, new Shape(1, 3, 1, 1, 1)));
            ParameterStore store = new ParameterStore(manager, false);

            NDArray dropped = cell.forward(store, new NDList(s0, s1, masks), true).singletonOrThrow();
            NDArray plain = cell.forward(store, new NDList(s0, s1), true).singletonOrThrow();
            NDArray inference = cell.forward(store, new NDList(s0, s1, masks), false).singletonOrThrow();

            NDArray pre0 = dropped.get(new NDIndex(":, 0:2"));
            NDArray pooled = new AvgPool(3, 1, 1).forward(store, new NDList(dropped.get(new NDIndex(":, 2:4"))), true)
                    .singletonOrThrow();
            NDArray node = dropped.get(new NDIndex(":, 4:6"));
            assertArrayEquals(pre0.get(0).toFloatArray(), node.get(0).toFloatArray(),
                    "example 0 keeps only its identity term, unscaled");
            assertArrayEquals(pre0.get(1).add(pooled.get(1).mul(manager.full(new Shape(), 2f))).toFloatArray(),
                    node.get(1).toFloatArray(), 1e-5f);
            assertArrayEquals(pre0.add(pooled).toFloatArray(), plain.get(new NDIndex(":, 4:6")).toFloatArray(), 1e-5f,
                    "without masks nothing is dropped");
            assertEquals(inference.getShape(), dropped.getShape());
            assertFalse(s0.isReleased() || s1.isReleased(), "the inputs stay open");
        }
    }
}
