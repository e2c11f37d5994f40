package dev.jnas.strategies.darts;

import static dev.jnas.strategies.darts.TinySupernet.gradients;
import static dev.jnas.strategies.darts.TinySupernet.minus;
import static dev.jnas.strategies.darts.TinySupernet.norm;
import static dev.jnas.strategies.darts.TinySupernet.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.jnas.api.data.Batch;
import dev.jnas.api.optim.GradientClipping;
import dev.jnas.api.optim.Sgd;
import dev.jnas.platform.supernet.DartsSupernet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One DARTS step on a tiny supernet: the first-order architecture phase (α's gradient is that of
 * the validation loss, the weights are left alone, earlier gradients are overwritten) and the
 * weight phase (α left alone, the weights moved by SGD on a globally clipped gradient).
 */
class DartsStepTest {

    private static final FirstOrderHypergradientEstimator FIRST_ORDER = new FirstOrderHypergradientEstimator();

    @Test
    void theFirstOrderGradientOfAlphaMatchesFiniteDifferencesOfTheValidationLoss() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DartsSupernet net = TinySupernet.build(manager, 5, List.of());
            try (Sgd sgd = new Sgd(net.weights(), manager, 0, 0)) {
                DartsProblem problem = new DartsProblem(net, sgd, 0.1, List.of(), 0);
                Batch valid = TinySupernet.batch(manager, 11);
                float loss = FIRST_ORDER.estimate(problem, TinySupernet.batch(manager, 10), valid);
                assertEquals(problem.validationLoss(valid).getFloat(), loss, 1e-6f);
                float[] analytic = gradients(net.alphas());

                // BatchNorm makes the loss strongly curved in α: at ε = 1e-2 the central difference is
                // still 5% off, at 1e-3 it agrees to a few parts in 10⁴
                float[] numeric = finiteDifferences(problem, valid, manager, 1e-3f);

                // a zero or sign-flipped gradient is off by at least the norm itself
                assertTrue(norm(numeric) > 1e-3, "the loss barely depends on α: " + norm(numeric));
                double error = norm(minus(analytic, numeric));
                assertTrue(error < 0.01 * norm(numeric), "|analytic - numeric| = " + error + ", |numeric| = "
                        + norm(numeric) + "\nanalytic " + Arrays.toString(analytic)
                        + "\nnumeric  " + Arrays.toString(numeric));
            }
        }
    }

    @Test
    void theFirstOrderEstimateLeavesTheWeightsAndTheirGradientsAsTheyWere() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DartsSupernet net = TinySupernet.build(manager, 6, List.of());
            try (Sgd sgd = new Sgd(net.weights(), manager, 0, 0)) {
                DartsProblem problem = new DartsProblem(net, sgd, 0.1, List.of(), 0);
                Batch train = TinySupernet.batch(manager, 12);
                DartsSearchStrategy.weightStep(problem, sgd, train, 0, Double.MAX_VALUE);
                float[] weights = values(net.weights());
                float[] weightGradients = gradients(net.weights());
                assertTrue(norm(weightGradients) > 0, "the weight step left no gradients to compare");

                FIRST_ORDER.estimate(problem, train, TinySupernet.batch(manager, 13));

                assertArrayEquals(weights, values(net.weights()), 0f);
                assertArrayEquals(weightGradients, gradients(net.weights()), 0f);
                assertTrue(norm(gradients(net.alphas())) > 0, "α received no gradient");
            }
        }
    }

    @Test
    void theFirstOrderEstimateOverwritesEarlierAlphaGradients() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DartsSupernet net = TinySupernet.build(manager, 7, List.of());
            try (Sgd sgd = new Sgd(net.weights(), manager, 0, 0)) {
                DartsProblem problem = new DartsProblem(net, sgd, 0.1, List.of(), 0);
                Batch train = TinySupernet.batch(manager, 14);
                Batch valid = TinySupernet.batch(manager, 15);
                FIRST_ORDER.estimate(problem, train, valid);
                float[] once = gradients(net.alphas());
                // alphas_normal is not used by the one (reduction) cell: it has no gradient to spoil
                Parameter reduce = net.alphas().get("alphas_reduce");
                try (NDArray g = reduce.getArray().getGradient()) {
                    g.addi(100f);
                }
                assertTrue(norm(minus(gradients(net.alphas()), once)) > 100, "the stale gradient did not stick");

                FIRST_ORDER.estimate(problem, train, valid);

                assertArrayEquals(once, gradients(net.alphas()), 1e-6f);
            }
        }
    }

    @Test
    void theWeightStepLeavesAlphaAndItsGradientAsTheyWere() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DartsSupernet net = TinySupernet.build(manager, 8, List.of());
            try (Sgd sgd = new Sgd(net.weights(), manager, 0.9, 3e-4)) {
                DartsProblem problem = new DartsProblem(net, sgd, 0.1, List.of(), 0);
                FIRST_ORDER.estimate(problem, TinySupernet.batch(manager, 16), TinySupernet.batch(manager, 17));
                float[] alphas = values(net.alphas());
                float[] alphaGradients = gradients(net.alphas());
                float[] weights = values(net.weights());

                DartsSearchStrategy.weightStep(problem, sgd, TinySupernet.batch(manager, 16), 0.1, 5);

                assertArrayEquals(alphas, values(net.alphas()), 0f);
                assertArrayEquals(alphaGradients, gradients(net.alphas()), 0f);
                assertTrue(norm(minus(values(net.weights()), weights)) > 1e-4, "the weights did not move");
            }
        }
    }

    /**
     * Without momentum and weight decay, a step whose gradient norm is far above the clip moves the
     * weights by exactly {@code lr · clip} along minus the unclipped gradient's direction.
     */
    @Test
    void theWeightStepMovesTheWeightsByLearningRateTimesClipAlongMinusTheGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DartsSupernet net = TinySupernet.build(manager, 9, List.of());
            try (Sgd sgd = new Sgd(net.weights(), manager, 0, 0)) {
                DartsProblem problem = new DartsProblem(net, sgd, 0.5, List.of(), 0);
                Batch train = TinySupernet.batch(manager, 18);
                float[] before = values(net.weights());
                DartsSearchStrategy.weightStep(problem, sgd, train, 0, Double.MAX_VALUE);
                float[] gradient = gradients(net.weights());
                assertArrayEquals(before, values(net.weights()), 0f);
                double gradientNorm = norm(gradient);
                double clip = 1e-2;
                double lr = 0.5;
                assertTrue(gradientNorm > 10 * clip, "the clip would not bite: gradient norm " + gradientNorm);

                DartsSearchStrategy.weightStep(problem, sgd, train, lr, clip);

                float[] moved = minus(values(net.weights()), before);
                assertEquals(lr * clip, norm(moved), 1e-3 * lr * clip);
                float[] expected = new float[gradient.length];
                for (int i = 0; i < gradient.length; i++) {
                    expected[i] = (float) (-lr * clip * gradient[i] / gradientNorm);
                }
                assertTrue(norm(minus(moved, expected)) < 1e-3 * lr * clip,
                        "the step is not along minus the gradient: off by " + norm(minus(moved, expected)));
                assertTrue(GradientClipping.clipGlobalNorm(net.weights(), Double.MAX_VALUE) <= clip * (1 + 1e-4),
                        "the gradients left behind are not clipped");
            }
        }
    }

    /** Central differences of the validation loss, one α entry at a time, in the order of {@code alphas()}. */
    private static float[] finiteDifferences(DartsProblem problem, Batch valid, NDManager manager, float epsilon) {
        List<Float> slopes = new ArrayList<>();
        for (Parameter alpha : problem.supernet().alphas().values()) {
            float[] original = alpha.getArray().toFloatArray();
            for (int i = 0; i < original.length; i++) {
                float[] shifted = original.clone();
                shifted[i] = original[i] + epsilon;
                TinySupernet.assign(alpha, shifted, manager);
                float plus = problem.validationLoss(valid).getFloat();
                shifted[i] = original[i] - epsilon;
                TinySupernet.assign(alpha, shifted, manager);
                float minus = problem.validationLoss(valid).getFloat();
                TinySupernet.assign(alpha, original, manager);
                slopes.add((plus - minus) / (2 * epsilon));
            }
        }
        float[] result = new float[slopes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = slopes.get(i);
        }
        return result;
    }
}
