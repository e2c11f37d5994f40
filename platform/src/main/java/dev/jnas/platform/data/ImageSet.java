package dev.jnas.platform.data;

import dev.jnas.api.data.DatasetInfo;
import java.util.Objects;

/**
 * Images held in memory as they come from the files: unsigned 8-bit pixels, one image after the
 * other in {@code (C, H, W)} order, and one class index per image.
 *
 * <p>The arrays are shared, not copied: treat them as read-only. Splits refer to images by their
 * index in this set.
 *
 * @param info the dataset's shape
 * @param pixels {@code size() * info.channels() * info.height() * info.width()} bytes
 * @param labels one class index in {@code [0, info.classes())} per image
 */
public record ImageSet(DatasetInfo info, byte[] pixels, int[] labels) {

    public ImageSet {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        long expected = (long) labels.length * imageSize(info);
        if (pixels.length != expected) {
            throw new IllegalArgumentException(
                    pixels.length + " pixel bytes for " + labels.length + " images of " + imageSize(info));
        }
        for (int label : labels) {
            if (label < 0 || label >= info.classes()) {
                throw new IllegalArgumentException("label " + label + " outside [0, " + info.classes() + ")");
            }
        }
    }

    /** The number of images. */
    public int size() {
        return labels.length;
    }

    /** The number of bytes of one image, {@code C * H * W}. */
    public int imageSize() {
        return imageSize(info);
    }

    /** How many images each class has, indexed by class. */
    public int[] classCounts() {
        int[] counts = new int[info.classes()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    private static int imageSize(DatasetInfo info) {
        return info.channels() * info.height() * info.width();
    }
}
