package dev.jnas.strategies.darts;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.jnas.api.Operation;
import dev.jnas.api.Regularizer;
import dev.jnas.api.data.Batch;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.nn.AvgPool;
import dev.jnas.api.nn.FactorizedReduce;
import dev.jnas.api.nn.Identity;
import dev.jnas.api.space.CellSpace;
import dev.jnas.platform.supernet.DartsSupernet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A DARTS supernet small enough for finite differences: one (reduction) cell of two nodes over
 * {@code avg_pool_3x3} and {@code skip_connect}, C=2, 1×4×4 images, 3 classes. α enters the loss
 * only through weighted sums, average pooling, BatchNorm, global pooling and the classifier (the
 * ReLUs act on the cell inputs, which do not depend on α), so the loss is smooth in α.
 */
final class TinySupernet {

    static final CellSpace SPACE = new CellSpace(List.of("avg_pool_3x3", "skip_connect"), 2);
    static final DatasetInfo IMAGES = new DatasetInfo("tiny", 1, 4, 4, 3);

    private static final List<Operation> OPERATIONS = List.of(
            new Operation() {
                @Override
                public String id() {
                    return "avg_pool_3x3";
                }

                @Override
                public Block create(int channels, int stride, boolean affine) {
                    return new AvgPool(3, stride, 1);
                }
            },
            new Operation() {
                @Override
                public String id() {
                    return "skip_connect";
                }

                @Override
                public Block create(int channels, int stride, boolean affine) {
                    return stride == 1 ? new Identity() : new FactorizedReduce(channels, affine);
                }
            });

    private TinySupernet() {
    }

    /** A supernet initialised after seeding the engine with {@code seed}. */
    static DartsSupernet build(NDManager manager, int seed, List<Regularizer> regularizers) {
        Engine.getInstance().setRandomSeed(seed);
        return DartsSupernet.build(manager, SPACE, OPERATIONS, IMAGES, 2, 1, regularizers);
    }

    /** Two seeded images with labels 0 and 2. */
    static Batch batch(NDManager manager, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        NDArray images = manager.randomNormal(new Shape(2, IMAGES.channels(), IMAGES.height(), IMAGES.width()));
        return new Batch(images, manager.create(new long[] {0, 2}));
    }

    /** The values of a parameter group, concatenated in the group's order. */
    static float[] values(Map<String, Parameter> group) {
        List<float[]> parts = new ArrayList<>();
        for (Parameter p : group.values()) {
            parts.add(p.getArray().toFloatArray());
        }
        return concat(parts);
    }

    /** The gradients of a parameter group, concatenated in the group's order. */
    static float[] gradients(Map<String, Parameter> group) {
        List<float[]> parts = new ArrayList<>();
        for (Parameter p : group.values()) {
            try (NDArray g = p.getArray().getGradient()) {
                parts.add(g.toFloatArray());
            }
        }
        return concat(parts);
    }

    /** Replaces the values of a parameter in place (the array stays the parameter's, gradient attached). */
    static void assign(Parameter parameter, float[] values, NDManager manager) {
        NDArray array = parameter.getArray();
        try (NDArray replacement = manager.create(values, array.getShape())) {
            array.subi(array).addi(replacement);
        }
    }

    static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    static float[] minus(float[] a, float[] b) {
        float[] d = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        float[] all = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
