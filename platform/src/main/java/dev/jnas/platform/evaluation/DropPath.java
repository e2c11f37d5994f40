package dev.jnas.platform.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.jnas.api.nn.Arrays;
import java.util.SplittableRandom;

/**
 * Drop-path (scheduled path dropout) as in the DARTS evaluation: while training, the output of
 * every operation of a cell that is not the identity is, per example, zeroed with probability
 * {@code p} and otherwise divided by {@code 1 − p} (the reference's {@code drop_path}: a Bernoulli
 * mask of shape {@code (N, 1, 1, 1)}). {@code p} rises linearly from 0 in the first epoch:
 * {@code p = maxProbability · epoch / epochs}.
 *
 * <p>The masks of a training step are drawn in Java from a generator seeded with a mix of the run's
 * seed, the epoch and the step ({@link #random}), and handed to the network as one engine-owned
 * array of shape {@code (sites, N, 1, 1, 1)}, already scaled ({@code 0} or {@code 1 / (1 − p)}):
 * a step's masks are the same in every process, on every device, whatever ran before.
 *
 * <pre>{@code NDArray masks = DropPath.masks(manager, net.dropPathSites(), n, p, DropPath.random(seed, epoch, step));}</pre>
 */
public final class DropPath {

    private DropPath() {
    }

    /** The drop probability of epoch {@code epoch} (0-based) of {@code epochs}. */
    public static double probability(double maxProbability, int epoch, int epochs) {
        return maxProbability * epoch / epochs;
    }

    /** The generator of a training step's masks: a pure function of (seed, epoch, step). */
    public static SplittableRandom random(long seed, int epoch, int step) {
        long stream = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L).nextLong();
        stream = new SplittableRandom(stream + epoch).nextLong();
        return new SplittableRandom(stream + step);
    }

    /**
     * The scaled masks of one step: for each site and example {@code 1 / (1 − p)} with probability
     * {@code 1 − p}, else {@code 0}; drawn site by site, example by example.
     *
     * @param sites the network's drop-path sites ({@link DartsNetwork#dropPathSites()})
     * @param batch the number of examples
     * @param probability the drop probability, in {@code [0, 1)}
     * @return an engine-owned float32 array of shape {@code (sites, batch, 1, 1, 1)} in {@code manager}
     */
    public static NDArray masks(NDManager manager, int sites, int batch, double probability, SplittableRandom random) {
        if (!(probability >= 0 && probability < 1)) {
            throw new IllegalArgumentException("drop probability must lie in [0, 1), got " + probability);
        }
        double keep = 1 - probability;
        float kept = (float) (1 / keep);
        float[] values = new float[sites * batch];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < keep ? kept : 0f;
        }
        return Arrays.engineOwned(manager.create(values, new Shape(sites, batch, 1, 1, 1)));
    }
}
