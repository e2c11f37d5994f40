package dev.jnas.platform.evaluation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DartsSpace;
import dev.jnas.api.space.Nb201Space;
import dev.jnas.platform.data.Augmentation;

/**
 * Everything that defines the training of an architecture from scratch, as written to
 * {@code config.json}. {@link #darts} gives the DARTS evaluation protocol (the paper's CIFAR-10
 * setting); the constructor refuses values no run can use with a one-line {@link JnasException}.
 *
 * @param space the space of the architecture: {@code darts} (a genotype in the DARTS evaluation
 *     network) or {@code nb201} (a cell in NAS-Bench-201's network, without auxiliary head and drop-path)
 * @param dataset the dataset id
 * @param epochs training epochs; the learning rate and the drop-path probability follow them
 * @param batchSize examples per training step, at least 2 (BatchNorm needs two)
 * @param channels initial channels C
 * @param cells number of cells L, at least 3 (DARTS); cells per stage N, at least 1 (NAS-Bench-201)
 * @param seed the seed of the initial weights, the data order, the augmentation and drop-path
 * @param trainLimit train on this many training images (a seeded random choice); 0 for all
 * @param learningRate SGD learning rate of the first epoch, cosine-annealed
 * @param learningRateMin the learning rate the cosine reaches after the last epoch
 * @param momentum SGD momentum
 * @param weightDecay L2 weight decay on every weight
 * @param gradientClip bound on the global gradient norm
 * @param auxiliary whether the network has the auxiliary head
 * @param auxiliaryWeight the weight of the auxiliary head's loss
 * @param dropPath the drop-path probability reached at the end (0: off)
 * @param cutout the side of the cutout square (0: off)
 * @param cropPadding padding of the random crop (0: no crop)
 * @param flip whether images are flipped horizontally at random
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainSettings(
        String space, String dataset, int epochs, int batchSize, int channels, int cells, long seed, int trainLimit,
        double learningRate, double learningRateMin, double momentum, double weightDecay, double gradientClip,
        boolean auxiliary, double auxiliaryWeight, double dropPath, int cutout, int cropPadding, boolean flip) {

    public TrainSettings {
        space = space == null ? DartsSpace.ID : space;
        boolean nb201 = Nb201Space.ID.equals(space);
        if (!nb201 && !DartsSpace.ID.equals(space)) {
            throw new JnasException("unknown space '" + space + "' (known: darts, nb201)");
        }
        String[] names = {"epochs", "batch size", "channels", "cells"};
        int[] sizes = {epochs, batchSize, channels, cells};
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] <= 0) {
                throw new JnasException(names[i] + " must be positive, got " + sizes[i]);
            }
        }
        if (batchSize < 2) {
            throw new JnasException("batch size must be at least 2 (BatchNorm needs two examples), got " + batchSize);
        }
        if (nb201 && (auxiliary || dropPath != 0)) {
            throw new JnasException("a NAS-Bench-201 network has no auxiliary head and no drop-path");
        }
        if (cells < 3 && !nb201) {
            throw new JnasException("cells must be at least 3 (two of them are reduction cells), got " + cells);
        }
        if (!(learningRate > 0) || learningRateMin < 0 || learningRateMin > learningRate) {
            throw new JnasException("learning rate must be positive (and above the final one), got " + learningRate);
        }
        if (trainLimit < 0) {
            throw new JnasException("train limit must be zero (all) or positive, got " + trainLimit);
        }
        if (!(dropPath >= 0 && dropPath < 1)) {
            throw new JnasException("drop-path probability must lie in [0, 1), got " + dropPath);
        }
        if (!(auxiliaryWeight >= 0)) {
            throw new JnasException("auxiliary weight must be zero or positive, got " + auxiliaryWeight);
        }
        new Augmentation(cropPadding, flip, cutout);
    }

    /**
     * The DARTS evaluation protocol on {@code dataset}: 600 epochs, batch 96, C=36, 20 cells, SGD
     * with learning rate 0.025 cosine-annealed to 0, momentum 0.9, weight decay 3e-4, gradient norm
     * clipped at 5, auxiliary head weighted 0.4, drop-path 0.2, cutout 16, and on CIFAR-10 random
     * crops (padding 4) and flips.
     */
    public static TrainSettings darts(DatasetInfo dataset, long seed) {
        Augmentation augmentation = Augmentation.darts(dataset, 16);
        return new TrainSettings(DartsSpace.ID, dataset.name(), 600, 96, 36, 20, seed, 0, 0.025, 0, 0.9, 3e-4, 5,
                true, 0.4, 0.2, augmentation.cutout(), augmentation.cropPadding(), augmentation.flip());
    }

    /** The augmentation of the training images. */
    public Augmentation augmentation() {
        return new Augmentation(cropPadding, flip, cutout);
    }
}
