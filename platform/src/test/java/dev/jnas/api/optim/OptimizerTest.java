package dev.jnas.api.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the optimizers against PyTorch's update rules computed by hand. */
class OptimizerTest {

    private static Parameter parameter(NDManager manager, float... values) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        NDArray array = manager.create(values, new Shape(values.length));
        array.setRequiresGradient(true);
        p.setArray(array);
        return p;
    }

    /** Leaves exactly {@code g} in the gradient, through a real backward pass of sum(w * g). */
    private static void setGradient(Parameter p, float... g) {
        ParameterOptimizer.zeroGradients(Map.of("p", p));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector();
             NDManager scope = NDManager.newBaseManager()) {
            NDArray loss = p.getArray().mul(scope.create(g)).sum();
            collector.backward(loss);
            loss.close();
        }
    }

    @Test
    void sgdWithMomentumAndWeightDecayFollowsTorch() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter p = parameter(manager, 1f, -2f);
            try (Sgd sgd = new Sgd(Map.of("w", p), manager, 0.9, 0.1)) {
                setGradient(p, 0.5f, 0.5f);
                sgd.step(0.1);
                // g = 0.5 + 0.1 w = (0.6, 0.3); buf = g; w -= 0.1 buf
                assertArrayEquals(new float[] {0.94f, -2.03f}, p.getArray().toFloatArray(), 1e-6f);
                setGradient(p, 0.5f, 0.5f);
                sgd.step(0.05);
                // g = (0.594, 0.297); buf = 0.9 (0.6, 0.3) + g = (1.134, 0.567); w -= 0.05 buf
                assertArrayEquals(new float[] {0.94f - 0.0567f, -2.03f - 0.02835f}, p.getArray().toFloatArray(), 1e-6f);
            }
        }
    }

    @Test
    void adamWithWeightDecayFollowsTorch() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter p = parameter(manager, 1f);
            try (Adam adam = new Adam(Map.of("w", p), manager, 0.5, 0.999, 1e-8, 0.1)) {
                setGradient(p, 2f);
                adam.step(0.01);
                // first step: m/(1-b1) = g, sqrt(v/(1-b2)) = |g| -> w -= lr * sign(g)
                assertArrayEquals(new float[] {0.99f}, p.getArray().toFloatArray(), 1e-6f);
                setGradient(p, -1f);
                adam.step(0.01);
                double g1 = 2.1;
                double g2 = -1 + 0.1 * 0.99;
                double m = 0.5 * 0.5 * g1 + 0.5 * g2;
                double v = 0.999 * 0.001 * g1 * g1 + 0.001 * g2 * g2;
                double expected = 0.99 - 0.01 / (1 - 0.25) * m / (Math.sqrt(v) / Math.sqrt(1 - 0.999 * 0.999) + 1e-8);
                assertEquals(expected, p.getArray().toFloatArray()[0], 1e-6);
                assertEquals(2, adam.steps());
            }
        }
    }

    @Test
    void clippingScalesBothSignsByTheGlobalNorm() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter a = parameter(manager, 0f, 0f);
            Parameter b = parameter(manager, 0f);
            setGradient(a, 3f, -100f);
            setGradient(b, 0f);
            double norm = GradientClipping.clipGlobalNorm(Map.of("a", a, "b", b), 5.0);
            assertEquals(Math.sqrt(9 + 10000), norm, 1e-3);
            float[] g = a.getArray().getGradient().toFloatArray();
            double scale = 5.0 / (norm + 1e-6);
            assertArrayEquals(new float[] {(float) (3 * scale), (float) (-100 * scale)}, g, 1e-5f);
        }
    }

    @Test
    void cosineScheduleMatchesTorchEndpoints() {
        CosineSchedule s = new CosineSchedule(0.025, 0.001, 50);
        assertEquals(0.025, s.at(0), 1e-12);
        assertEquals(0.013, s.at(25), 1e-12);
        assertEquals(0.001, s.at(50), 1e-12);
    }

    @Test
    void theTrainingProtocolsCosineFallsSteadilyToZero() {
        CosineSchedule s = new CosineSchedule(0.025, 0, 600);
        assertEquals(0.025, s.at(0));
        assertEquals(0.0125, s.at(300), 1e-15);
        assertEquals(0.0, s.at(600), 1e-18);
        for (int e = 1; e <= 600; e++) {
            assertTrue(s.at(e) < s.at(e - 1), "falls at epoch " + e);
            assertTrue(s.at(e) >= 0, "never below 0 at epoch " + e);
        }
        assertTrue(s.at(599) < 2e-7, "the last trained epoch is almost at 0: " + s.at(599));
    }
}
