package dev.jnas.platform.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.jnas.api.data.Batch;
import dev.jnas.api.data.DatasetInfo;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Batches of a split: order, normalisation, shapes and types. */
class ImageSplitTest {

    /** Ten 28x28 images; image {@code i} has label {@code i} and every pixel equal to {@code 25 i}. */
    private static ImageSet tenImages() {
        byte[] pixels = new byte[10 * 784];
        for (int i = 0; i < 10; i++) {
            Arrays.fill(pixels, i * 784, (i + 1) * 784, (byte) (25 * i));
        }
        return new ImageSet(DatasetInfo.FASHION_MNIST, pixels, DataFixtures.cyclicLabels(10));
    }

    private static int[] ids(int n) {
        return Shuffling.range(n);
    }

    @Test
    void theOrderIsAPureFunctionOfSeedAndEpoch() {
        ImageSplit split = new ImageSplit(tenImages(), ids(10), true, 7);
        ImageSplit sameSeed = new ImageSplit(tenImages(), ids(10), true, 7);
        ImageSplit otherSeed = new ImageSplit(tenImages(), ids(10), true, 8);

        int[] epoch0 = split.order(0);
        int[] epoch1 = split.order(1);
        assertArrayEquals(epoch0, split.order(0), "asking again, after another epoch, gives the same order");
        assertArrayEquals(epoch1, sameSeed.order(1));
        assertFalse(Arrays.equals(epoch0, epoch1), "epochs differ");
        assertFalse(Arrays.equals(epoch0, otherSeed.order(0)), "seeds differ");
        int[] sorted = epoch0.clone();
        Arrays.sort(sorted);
        assertArrayEquals(ids(10), sorted, "a permutation of the ids");
    }

    @Test
    void theOrderIsFixedAcrossJavaVersions() {
        // java.util.Random is specified exactly; these values were computed independently of this code.
        ImageSplit split = new ImageSplit(tenImages(), ids(10), true, 7);
        assertArrayEquals(new int[] {4, 5, 7, 0, 1, 3, 6, 8, 9, 2}, split.order(3));
    }

    @Test
    void anOrderedSplitKeepsItsOrder() {
        ImageSplit split = new ImageSplit(tenImages(), new int[] {4, 2, 9}, false, 7);

        assertArrayEquals(new int[] {4, 2, 9}, split.order(0));
        assertArrayEquals(new int[] {4, 2, 9}, split.order(5));
        assertArrayEquals(ids(10), ImageSplit.ordered(tenImages()).order(3));
    }

    @Test
    void batchesFollowTheOrderAndAreNormalised() {
        ImageSplit split = new ImageSplit(tenImages(), ids(10), true, 3);
        int[] order = split.order(2);
        try (NDManager manager = NDManager.newBaseManager()) {
            Batch batch = split.batch(manager, 2, 1, 4);

            assertEquals(new Shape(4, 1, 28, 28), batch.images().getShape());
            assertEquals(DataType.FLOAT32, batch.images().getDataType());
            assertEquals(new Shape(4), batch.labels().getShape());
            assertEquals(DataType.INT64, batch.labels().getDataType());
            assertEquals(manager, batch.images().getManager());
            long[] labels = batch.labels().toLongArray();
            float[] images = batch.images().toFloatArray();
            for (int b = 0; b < 4; b++) {
                int id = order[4 + b];
                assertEquals(id, labels[b]);
                float expected = (float) ((25 * id / 255.0 - 0.2860) / 0.3530);
                assertEquals(expected, images[b * 784], 1e-6f);
                assertEquals(expected, images[b * 784 + 783], 1e-6f);
            }
        }
    }

    @Test
    void normalisesKnownPixels() {
        Normalization fashion = Normalization.of(DatasetInfo.FASHION_MNIST);
        assertEquals(-0.8101983f, fashion.value(0, (byte) 0), 1e-6f);
        assertEquals(2.0226629f, fashion.value(0, (byte) 255), 1e-6f);

        Normalization cifar = Normalization.of(DatasetInfo.CIFAR10);
        assertEquals((float) ((128 / 255.0 - 0.4914) / 0.2470), cifar.value(0, (byte) 128), 1e-6f);
        assertEquals((float) ((128 / 255.0 - 0.4822) / 0.2435), cifar.value(1, (byte) 128), 1e-6f);
        assertEquals((float) ((1.0 - 0.4465) / 0.2616), cifar.value(2, (byte) 255), 1e-6f);
    }

    @Test
    void cifarBatchesKeepChannelPlanes() {
        byte[] pixels = new byte[2 * 3072];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i % 3072 / 1024 * 100);
        }
        ImageSet set = new ImageSet(DatasetInfo.CIFAR10, pixels, new int[] {1, 2});
        try (NDManager manager = NDManager.newBaseManager()) {
            Batch batch = ImageSplit.ordered(set).batch(manager, 0, 0, 2);

            assertEquals(new Shape(2, 3, 32, 32), batch.images().getShape());
            float[] values = batch.images().toFloatArray();
            assertEquals((float) ((0 - 0.4914) / 0.2470), values[3072 + 5], 1e-6f);
            assertEquals((float) ((100 / 255.0 - 0.4822) / 0.2435), values[3072 + 1024 + 5], 1e-6f);
            assertEquals((float) ((200 / 255.0 - 0.4465) / 0.2616), values[3072 + 2048 + 5], 1e-6f);
            assertArrayEquals(new long[] {1, 2}, batch.labels().toLongArray());
        }
    }

    @Test
    void aLastBatchOfOneIsDroppedAndOneOfTwoIsKept() {
        ImageSplit nine = new ImageSplit(tenImages(), ids(9), true, 1);
        ImageSplit ten = new ImageSplit(tenImages(), ids(10), true, 1);
        assertEquals(2, nine.batches(4));
        assertEquals(3, ten.batches(4));
        try (NDManager manager = NDManager.newBaseManager()) {
            assertEquals(2, ten.batch(manager, 0, 2, 4).size());
            assertThrows(IndexOutOfBoundsException.class, () -> nine.batch(manager, 0, 2, 4));
        }
    }
}
