package dev.jnas.platform.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.jnas.api.data.Batch;
import dev.jnas.api.nn.Arrays;
import dev.jnas.api.data.DataSplit;
import dev.jnas.api.data.DatasetInfo;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A {@link DataSplit} over chosen images of an {@link ImageSet}, normalised per channel with the
 * dataset's mean and standard deviation.
 *
 * <p>A shuffling split serves its images in a new order every epoch: a Fisher-Yates permutation
 * drawn from a {@link java.util.Random} seeded with a mix of the split's seed and the epoch, so
 * the order is a pure function of (seed, epoch), the same in every process and Java version. A
 * non-shuffling split (for evaluation) always serves its images in the given order.
 *
 * <p>A batch is filled into one {@code float[]} through per-channel lookup tables and handed to
 * the manager as one array, so serving costs one copy of the pixels.
 *
 * <p>A split for training a final architecture can carry an {@link Augmentation}: each image of
 * batch {@code index} of epoch {@code epoch} is then transformed with random choices drawn from a
 * {@link SplittableRandom} seeded with a mix of the split's seed, the epoch and the index, so an
 * augmented batch, too, is a pure function of (seed, epoch, index).
 *
 * <pre>{@code DataSplit test = ImageSplit.ordered(testImages);}</pre>
 */
public final class ImageSplit implements DataSplit {

    private final ImageSet images;
    private final int[] ids;
    private final boolean shuffle;
    private final long seed;
    private final Normalization normalization;
    private final Augmentation augmentation;
    private volatile EpochOrder cached;

    /** The image ids of one epoch in serving order. */
    private record EpochOrder(int epoch, int[] ids) {
    }

    /**
     * A split of the images {@code ids} (indices into {@code images}, copied).
     *
     * @param shuffle whether each epoch serves the images in a new seeded order
     * @param seed the seed of the per-epoch order; unused without shuffling
     */
    public ImageSplit(ImageSet images, int[] ids, boolean shuffle, long seed) {
        this(images, ids, shuffle, seed, Augmentation.NONE);
    }

    private ImageSplit(ImageSet images, int[] ids, boolean shuffle, long seed, Augmentation augmentation) {
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.images = Objects.requireNonNull(images, "images");
        this.ids = ids.clone();
        for (int id : this.ids) {
            Objects.checkIndex(id, images.size());
        }
        this.shuffle = shuffle;
        this.seed = seed;
        this.normalization = Normalization.of(images.info());
    }

    /** All images of a set, always in file order: the split for a test set. */
    public static ImageSplit ordered(ImageSet images) {
        return new ImageSplit(images, Shuffling.range(images.size()), false, 0);
    }

    /** The same images, order and seed, served with {@code augmentation}. */
    public ImageSplit withAugmentation(Augmentation augmentation) {
        return new ImageSplit(images, ids, shuffle, seed, augmentation);
    }

    /** The augmentation applied to every batch ({@link Augmentation#NONE} for none). */
    public Augmentation augmentation() {
        return augmentation;
    }

    /** The shape of the images. */
    public DatasetInfo info() {
        return images.info();
    }

    @Override
    public int size() {
        return ids.length;
    }

    /** Whether the order changes every epoch. */
    public boolean shuffles() {
        return shuffle;
    }

    /** The ids (indices into the image set) of epoch {@code epoch}, in the order they are served. */
    public int[] order(int epoch) {
        return epochOrder(epoch).clone();
    }

    @Override
    public Batch batch(NDManager manager, int epoch, int index, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        Objects.checkIndex(index, batches(batchSize));
        int start = index * batchSize;
        int count = Math.min(batchSize, ids.length - start);
        int[] order = epochOrder(epoch);
        DatasetInfo info = images.info();
        int plane = info.height() * info.width();
        int imageSize = images.imageSize();
        byte[] pixels = images.pixels();
        int[] labelsOfSet = images.labels();
        float[] values = new float[count * imageSize];
        long[] labels = new long[count];
        SplittableRandom random = augmentation.isNone() ? null
                : new SplittableRandom(Shuffling.mix(Shuffling.mix(seed, epoch), index));
        int out = 0;
        for (int b = 0; b < count; b++) {
            int id = order[start + b];
            labels[b] = labelsOfSet[id];
            int in = id * imageSize;
            if (random != null) {
                augmentation.apply(pixels, in, info, normalization, augmentation.draw(random, info.height(),
                        info.width()), values, out);
                out += imageSize;
                continue;
            }
            for (int c = 0; c < info.channels(); c++) {
                float[] table = normalization.channel(c);
                for (int p = 0; p < plane; p++) {
                    values[out++] = table[pixels[in++] & 0xff];
                }
            }
        }
        return new Batch(
                Arrays.engineOwned(manager.create(values, new Shape(count, info.channels(), info.height(), info.width()))),
                Arrays.engineOwned(manager.create(labels, new Shape(count))));
    }

    private int[] epochOrder(int epoch) {
        if (!shuffle) {
            return ids;
        }
        EpochOrder last = cached;
        if (last != null && last.epoch() == epoch) {
            return last.ids();
        }
        int[] order = ids.clone();
        Shuffling.shuffle(order, Shuffling.mix(seed, epoch));
        cached = new EpochOrder(epoch, order);
        return order;
    }
}
