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
import dev.jnas.api.Regularizer;
import dev.jnas.api.Supernet;
import dev.jnas.api.data.Batch;
import dev.jnas.api.optim.Sgd;
import dev.jnas.platform.supernet.DartsSupernet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How a regularizer reaches a DARTS step: its penalty for the architecture phase is part of the
 * loss α is updated on (and its weight-phase penalty is not), and its weight transformation is
 * what the supernet's mixed edges are weighted with.
 */
class RegularizerWiringTest {

    /**
     * Penalties linear in α, so their gradients are known: {@code Σ M ⊙ α_reduce} for the
     * architecture phase, {@code 1000 · Σ α_normal} for the weight phase.
     */
    private static final class LinearPenalty implements Regularizer {

        private final NDArray m;
        final List<Double> progressSeen = new ArrayList<>();

        LinearPenalty(NDArray m) {
            this.m = m;
        }

        @Override
        public String id() {
            return "linear-penalty";
        }

        @Override
        public NDArray penalty(Supernet supernet, Phase phase, double progress) {
            progressSeen.add(progress);
            if (phase == Phase.ARCHITECTURE) {
                return supernet.alphas().get("alphas_reduce").getArray().mul(m).sum();
            }
            return supernet.alphas().get("alphas_normal").getArray().sum().mul(1000f);
        }
    }

    /** Reverses each edge's operation weights and records what it was given. */
    private static final class ReversedWeights implements Regularizer {

        final List<float[]> inputs = new ArrayList<>();
        final List<Boolean> training = new ArrayList<>();

        @Override
        public String id() {
            return "reversed-weights";
        }

        @Override
        public NDArray transformWeights(NDArray weights, boolean training) {
            inputs.add(weights.toFloatArray());
            this.training.add(training);
            return weights.flip(1);
        }
    }

    @Test
    void theArchitecturePenaltyAddsExactlyItsGradientToAlphaAndTheWeightPenaltyNothing() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DartsSupernet net = TinySupernet.build(manager, 21, List.of());
            float[] m = seeded(TinySupernet.SPACE.edges() * TinySupernet.SPACE.operations().size(), 22, 1);
            LinearPenalty penalty = new LinearPenalty(
                    manager.create(m, net.alphas().get("alphas_reduce").getArray().getShape()));
            Batch train = TinySupernet.batch(manager, 23);
            Batch valid = TinySupernet.batch(manager, 24);
            FirstOrderHypergradientEstimator estimator = new FirstOrderHypergradientEstimator();
            try (Sgd sgd = new Sgd(net.weights(), manager, 0, 0)) {
                float plainLoss = estimator.estimate(new DartsProblem(net, sgd, 0.1, List.of(), 0.25), train, valid);
                float[] plain = gradients(net.alphas());

                float penalisedLoss = estimator.estimate(new DartsProblem(net, sgd, 0.1, List.of(penalty), 0.25),
                        train, valid);
                float[] penalised = gradients(net.alphas());

                int normal = TinySupernet.SPACE.edges() * TinySupernet.SPACE.operations().size();
                float[] expected = new float[plain.length];
                System.arraycopy(m, 0, expected, normal, m.length);
                assertArrayEquals(expected, minus(penalised, plain), 1e-5f);
                float[] reduce = net.alphas().get("alphas_reduce").getArray().toFloatArray();
                double value = 0;
                for (int i = 0; i < m.length; i++) {
                    value += m[i] * reduce[i];
                }
                assertEquals(value, penalisedLoss - plainLoss, 1e-5);
                assertEquals(List.of(0.25), penalty.progressSeen);
            }
        }
    }

    @Test
    void transformedWeightsAreWhatTheMixedEdgesAreWeightedWith() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ReversedWeights reversed = new ReversedWeights();
            DartsSupernet transformed = TinySupernet.build(manager, 31, List.of(reversed));
            DartsSupernet plain = TinySupernet.build(manager, 31, List.of());
            assertArrayEquals(values(plain.weights()), values(transformed.weights()), 0f);
            int ops = TinySupernet.SPACE.operations().size();
            int size = TinySupernet.SPACE.edges() * ops;
            float[][] alphas = {seeded(size, 32, 2), seeded(size, 33, 2)};
            List<String> names = List.of("alphas_normal", "alphas_reduce");
            for (int t = 0; t < 2; t++) {
                TinySupernet.assign(transformed.alphas().get(names.get(t)), alphas[t], manager);
                TinySupernet.assign(plain.alphas().get(names.get(t)), reversedRows(alphas[t], ops), manager);
            }
            NDArray images = TinySupernet.batch(manager, 34).images();

            float[] logits = transformed.forward(images, true).toFloatArray();

            assertArrayEquals(plain.forward(images, true).toFloatArray(), logits, 1e-5f);
            float[][][] softmax = transformed.alphaWeights();
            assertEquals(2, reversed.inputs.size());
            for (int t = 0; t < 2; t++) {
                assertArrayEquals(flatten(softmax[t]), reversed.inputs.get(t), 1e-6f);
            }
            assertEquals(List.of(true, true), reversed.training);
            // the reversal matters: with α as it is the plain supernet computes something else
            for (int t = 0; t < 2; t++) {
                TinySupernet.assign(plain.alphas().get(names.get(t)), alphas[t], manager);
            }
            float[] unreversed = plain.forward(images, true).toFloatArray();
            assertTrue(norm(minus(unreversed, logits)) > 1e-3, "reversing the weights changed nothing");
            transformed.forward(images, false);
            assertEquals(List.of(true, true, false, false), reversed.training);
        }
    }

    private static float[] seeded(int n, long seed, double scale) {
        Random random = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (scale * random.nextGaussian());
        }
        return v;
    }

    private static float[] reversedRows(float[] matrix, int columns) {
        float[] r = new float[matrix.length];
        for (int row = 0; row < matrix.length / columns; row++) {
            for (int c = 0; c < columns; c++) {
                r[row * columns + c] = matrix[row * columns + columns - 1 - c];
            }
        }
        return r;
    }

    private static float[] flatten(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[i].length, rows[i].length);
        }
        return flat;
    }
}
