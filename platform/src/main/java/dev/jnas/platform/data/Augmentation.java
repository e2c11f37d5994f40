package dev.jnas.platform.data;

import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.error.JnasException;
import java.util.SplittableRandom;

/**
 * The training-time augmentation of the DARTS evaluation ({@code train.py}'s CIFAR transforms):
 * a random crop of the image padded by {@code cropPadding} black pixels on every side, a
 * horizontal flip with probability 1/2, then, after normalisation, cutout: one
 * {@code cutout × cutout} square set to zero, its centre uniform over the image and the square
 * clipped at the borders (DeVries &amp; Taylor; the reference's {@code Cutout(length)}, so an odd
 * length gives a square one pixel smaller).
 *
 * <p>The transform works on the bytes of one image while it is normalised into a batch: a pixel
 * taken from the padding is the normalised value of a black pixel, as with PyTorch's
 * {@code RandomCrop(32, padding=4)}, and the cutout square is zero in normalised units, as in the
 * reference, where {@code Cutout} follows {@code Normalize}. The random choices of an image are a
 * {@link Draw}, taken from a caller's generator in a fixed order (crop rows, crop columns, flip,
 * cutout row, cutout column), so a batch is a pure function of that generator's seed.
 *
 * <pre>{@code DataSplit train = Augmentation.darts(info, 16).applyTo(data.train());}</pre>
 *
 * @param cropPadding black pixels added on every side before the crop; 0 for no crop
 * @param flip whether images are flipped horizontally with probability 1/2
 * @param cutout the side of the zeroed square; 0 for no cutout
 */
public record Augmentation(int cropPadding, boolean flip, int cutout) {

    /** No augmentation: batches are the normalised images as they are. */
    public static final Augmentation NONE = new Augmentation(0, false, 0);

    /** The random choices for one image. */
    record Draw(int cropRow, int cropColumn, boolean flip, int cutoutRow, int cutoutColumn) {
    }

    public Augmentation {
        if (cropPadding < 0) {
            throw new JnasException("crop padding must be zero or positive, got " + cropPadding);
        }
        if (cutout < 0) {
            throw new JnasException("cutout must be zero (off) or a positive square size, got " + cutout);
        }
    }

    /**
     * The DARTS evaluation's augmentation: crop with padding 4 and flips on CIFAR-10 (the reference
     * code does them on CIFAR only), cutout of the given size on every dataset.
     */
    public static Augmentation darts(DatasetInfo info, int cutout) {
        boolean cifar = info.equals(DatasetInfo.CIFAR10);
        return new Augmentation(cifar ? 4 : 0, cifar, cutout);
    }

    /** Whether images pass unchanged. */
    public boolean isNone() {
        return cropPadding == 0 && !flip && cutout == 0;
    }

    /**
     * The training split served with this augmentation.
     *
     * @throws IllegalArgumentException if {@code split} is not an {@link ImageSplit} (what {@link Datasets} returns)
     */
    public ImageSplit applyTo(dev.jnas.api.data.DataSplit split) {
        if (!(split instanceof ImageSplit images)) {
            throw new IllegalArgumentException("only an ImageSplit can be augmented, got " + split.getClass().getName());
        }
        return images.withAugmentation(this);
    }

    /** Draws the random choices for one {@code height × width} image. */
    Draw draw(SplittableRandom random, int height, int width) {
        int span = 2 * cropPadding + 1;
        int row = cropPadding == 0 ? 0 : random.nextInt(span);
        int column = cropPadding == 0 ? 0 : random.nextInt(span);
        boolean flipped = flip && random.nextBoolean();
        int cutoutRow = cutout == 0 ? 0 : random.nextInt(height);
        int cutoutColumn = cutout == 0 ? 0 : random.nextInt(width);
        return new Draw(row, column, flipped, cutoutRow, cutoutColumn);
    }

    /**
     * Writes one augmented, normalised image.
     *
     * @param pixels the image set's bytes, {@code (C, H, W)} per image
     * @param in the offset of the image's first byte
     * @param draw the image's random choices
     * @param out the batch's values; the image goes to {@code out[offset ...]}
     */
    void apply(byte[] pixels, int in, DatasetInfo info, Normalization normalization, Draw draw,
               float[] out, int offset) {
        int height = info.height();
        int width = info.width();
        int half = cutout / 2;
        int top = Math.max(0, draw.cutoutRow() - half);
        int bottom = cutout == 0 ? 0 : Math.min(height, draw.cutoutRow() + half);
        int left = Math.max(0, draw.cutoutColumn() - half);
        int right = cutout == 0 ? 0 : Math.min(width, draw.cutoutColumn() + half);
        int o = offset;
        for (int c = 0; c < info.channels(); c++) {
            float[] table = normalization.channel(c);
            int plane = in + c * height * width;
            for (int y = 0; y < height; y++) {
                int sourceRow = y + draw.cropRow() - cropPadding;
                boolean rowInside = sourceRow >= 0 && sourceRow < height;
                boolean rowCut = y >= top && y < bottom;
                for (int x = 0; x < width; x++) {
                    int sourceColumn = (draw.flip() ? width - 1 - x : x) + draw.cropColumn() - cropPadding;
                    float value;
                    if (rowCut && x >= left && x < right) {
                        value = 0f;
                    } else if (rowInside && sourceColumn >= 0 && sourceColumn < width) {
                        value = table[pixels[plane + sourceRow * width + sourceColumn] & 0xff];
                    } else {
                        value = table[0];
                    }
                    out[o++] = value;
                }
            }
        }
    }
}
