package dev.jnas.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DartsSpace;
import dev.jnas.api.space.Nb201Space;
import java.util.List;

/**
 * Everything that defines a search run, as written to {@code config.json}. The defaults are the
 * DARTS paper's (first-order search on CIFAR-10); see {@link #darts}.
 *
 * @param strategy the search strategy id
 * @param space the space whose supernet is searched: {@code darts} (the default, also when a
 *     {@code config.json} written before there was a choice has none) or {@code nb201}
 * @param estimator the hypergradient estimator id (gradient-based strategies)
 * @param regularizers regularizer ids, applied in order
 * @param dataset the dataset id
 * @param epochs search epochs
 * @param batchSize examples per batch, for both the weight and the architecture step
 * @param channels initial channels C
 * @param cells number of cells L (DARTS); cells per stage N (NAS-Bench-201, whose network has
 *     {@code 3·N} cells and two residual reduction blocks)
 * @param seed the seed of every random choice
 * @param trainLimit use at most this many training images (0: all), a stratified-free prefix
 * @param trainPortion the part of the training images that trains the weights (the rest trains α)
 * @param learningRate initial weight learning rate (cosine-annealed)
 * @param learningRateMin final weight learning rate
 * @param momentum SGD momentum
 * @param weightDecay weight decay on the weights
 * @param gradientClip global gradient-norm bound on the weights
 * @param archLearningRate Adam learning rate for α
 * @param archWeightDecay weight decay on α
 * @param archBeta1 Adam β1 for α
 * @param archBeta2 Adam β2 for α
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SearchSettings(
        String strategy, String space, String estimator, List<String> regularizers,
        String dataset, int epochs, int batchSize, int channels, int cells, long seed,
        int trainLimit, double trainPortion,
        double learningRate, double learningRateMin, double momentum, double weightDecay,
        double gradientClip,
        double archLearningRate, double archWeightDecay, double archBeta1, double archBeta2) {

    /** The spaces a supernet can be built for. */
    public static final List<String> SPACES = List.of(DartsSpace.ID, Nb201Space.ID);

    public SearchSettings {
        regularizers = List.copyOf(regularizers);
        space = space == null ? DartsSpace.ID : space;
        if (!SPACES.contains(space)) {
            throw new JnasException("unknown space '" + space + "' (known: " + String.join(", ", SPACES) + ")");
        }
        positive("epochs", epochs);
        positive("batch size", batchSize);
        positive("channels", channels);
        positive("cells", cells);
        if (space.equals(DartsSpace.ID) && cells < 3) {
            throw new JnasException("cells must be at least 3 (two of them are reduction cells), got " + cells);
        }
        if (trainLimit < 0) {
            throw new JnasException("train limit must be zero (all) or positive, got " + trainLimit);
        }
        if (!(learningRate > 0) || !(archLearningRate > 0) || learningRateMin < 0 || learningRateMin > learningRate) {
            throw new JnasException("learning rates must be positive (and the final one at most the initial one), got "
                    + learningRate + ", " + learningRateMin + ", " + archLearningRate);
        }
        if (!(trainPortion > 0 && trainPortion < 1)) {
            throw new JnasException("train portion must lie strictly between 0 and 1, got " + trainPortion);
        }
    }

    private static void positive(String what, int value) {
        if (value <= 0) {
            throw new JnasException(what + " must be positive, got " + value);
        }
    }

    /** The DARTS paper's search setting (50 epochs, C=16, 8 cells, batch 64) on {@code dataset}. */
    public static SearchSettings darts(String dataset, long seed) {
        return new SearchSettings("darts", DartsSpace.ID, "first-order", List.of(), dataset, 50, 64, 16, 8, seed,
                0, 0.5, 0.025, 0.001, 0.9, 3e-4, 5.0, 3e-4, 1e-3, 0.5, 0.999);
    }

    /** A copy with another budget and size. */
    public SearchSettings withSize(int epochs, int batchSize, int channels, int cells) {
        return new SearchSettings(strategy, space, estimator, regularizers, dataset, epochs, batchSize, channels,
                cells, seed, trainLimit, trainPortion, learningRate, learningRateMin, momentum, weightDecay,
                gradientClip, archLearningRate, archWeightDecay, archBeta1, archBeta2);
    }

    /** A copy that searches another space ({@link #SPACES}). */
    public SearchSettings withSpace(String space) {
        return new SearchSettings(strategy, space, estimator, regularizers, dataset, epochs, batchSize, channels,
                cells, seed, trainLimit, trainPortion, learningRate, learningRateMin, momentum, weightDecay,
                gradientClip, archLearningRate, archWeightDecay, archBeta1, archBeta2);
    }
}
