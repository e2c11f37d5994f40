package dev.jnas.platform.data;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.data.DatasetInfo;

/**
 * Per-channel standardisation of 8-bit pixels: {@code (p / 255 - mean[c]) / std[c]}, with the
 * usual statistics of each dataset's training set. Kept as a 256-entry table per channel, so a
 * batch is filled by lookups.
 */
final class Normalization {

    private final float[][] table;

    private Normalization(double[] mean, double[] std) {
        table = new float[mean.length][256];
        for (int c = 0; c < mean.length; c++) {
            for (int p = 0; p < 256; p++) {
                table[c][p] = (float) ((p / 255.0 - mean[c]) / std[c]);
            }
        }
    }

    /** The statistics of a known dataset. */
    static Normalization of(DatasetInfo info) {
        return switch (info.name()) {
            case "fashion-mnist" -> new Normalization(new double[] {0.2860}, new double[] {0.3530});
            case "cifar10" -> new Normalization(
                    new double[] {0.4914, 0.4822, 0.4465}, new double[] {0.2470, 0.2435, 0.2616});
            default -> throw new JnasException("no normalisation statistics for dataset " + info.name());
        };
    }

    /** The normalised value of pixel byte {@code pixel} in channel {@code channel}. */
    float value(int channel, byte pixel) {
        return table[channel][pixel & 0xff];
    }

    /** The lookup table of one channel, indexed by the unsigned pixel value. */
    float[] channel(int channel) {
        return table[channel];
    }
}
