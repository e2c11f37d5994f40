package dev.jnas.platform.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.error.JnasException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Crop, flip and cutout on a 4×4 image whose pixel at (y, x) is {@code 4y + x}. */
class AugmentationTest {

    private static final DatasetInfo TINY = new DatasetInfo("fashion-mnist", 1, 4, 4, 10);
    private static final Normalization NORMALIZATION = Normalization.of(TINY);
    private static final float BLACK = NORMALIZATION.value(0, (byte) 0);

    private static byte[] ramp(int images) {
        byte[] pixels = new byte[16 * images];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i % 16 + 16 * (i / 16));
        }
        return pixels;
    }

    /** The normalised value of source pixel (y, x) of the first image. */
    private static float at(int y, int x) {
        return NORMALIZATION.value(0, (byte) (4 * y + x));
    }

    private static float[] apply(Augmentation augmentation, Augmentation.Draw draw) {
        float[] out = new float[16];
        augmentation.apply(ramp(1), 0, TINY, NORMALIZATION, draw, out, 0);
        return out;
    }

    @Test
    void theCropShiftsTheImageAndFillsWithBlack() {
        // padding 1, crop offset (0, 2): output (y, x) is source (y - 1, x + 1)
        float[] out = apply(new Augmentation(1, false, 0), new Augmentation.Draw(0, 2, false, 0, 0));
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                boolean inside = y - 1 >= 0 && x + 1 < 4;
                assertEquals(inside ? at(y - 1, x + 1) : BLACK, out[4 * y + x], "(" + y + ", " + x + ")");
            }
        }
        float[] centred = apply(new Augmentation(1, false, 0), new Augmentation.Draw(1, 1, false, 0, 0));
        assertArrayEquals(apply(Augmentation.NONE, new Augmentation.Draw(0, 0, false, 0, 0)), centred,
                "the centre crop is the image");
    }

    @Test
    void theFlipMirrorsTheColumnsAfterTheCrop() {
        float[] out = apply(new Augmentation(1, true, 0), new Augmentation.Draw(1, 2, true, 0, 0));
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                int cropped = 3 - x + 1;
                assertEquals(cropped < 4 ? at(y, cropped) : BLACK, out[4 * y + x], "(" + y + ", " + x + ")");
            }
        }
    }

    @Test
    void cutoutZeroesASquareClippedAtTheBorder() {
        // length 2 centred at (0, 3): rows [0, 1), columns [2, 4) -> two pixels
        float[] out = apply(new Augmentation(0, false, 2), new Augmentation.Draw(0, 0, false, 0, 3));
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                boolean cut = y == 0 && x >= 2;
                assertEquals(cut ? 0f : at(y, x), out[4 * y + x], "(" + y + ", " + x + ")");
            }
        }
        // length 3 as in the reference: [c - 1, c + 1), a 2×2 square in the middle
        float[] odd = apply(new Augmentation(0, false, 3), new Augmentation.Draw(0, 0, false, 2, 2));
        long zeros = 0;
        for (float v : odd) {
            zeros += v == 0f ? 1 : 0;
        }
        assertEquals(4, zeros);
        assertEquals(0f, odd[4 * 1 + 1]);
        assertEquals(0f, odd[4 * 2 + 2]);
    }

    @Test
    void drawsCoverTheirRanges() {
        Augmentation augmentation = new Augmentation(4, true, 16);
        SplittableRandom random = new SplittableRandom(3);
        int[] seenCrop = new int[9];
        int flips = 0;
        for (int i = 0; i < 2000; i++) {
            Augmentation.Draw d = augmentation.draw(random, 32, 32);
            seenCrop[d.cropRow()]++;
            flips += d.flip() ? 1 : 0;
            assertTrue(d.cropColumn() >= 0 && d.cropColumn() <= 8 && d.cutoutRow() >= 0 && d.cutoutRow() < 32
                    && d.cutoutColumn() >= 0 && d.cutoutColumn() < 32, d.toString());
        }
        assertTrue(Arrays.stream(seenCrop).allMatch(n -> n > 150), Arrays.toString(seenCrop));
        assertTrue(flips > 900 && flips < 1100, "flips: " + flips);
    }

    @Test
    void anAugmentedBatchIsAPureFunctionOfSeedEpochAndIndex() {
        ImageSet images = new ImageSet(TINY, ramp(6), new int[] {0, 1, 2, 3, 4, 5});
        ImageSplit plain = new ImageSplit(images, Shuffling.range(6), true, 5);
        ImageSplit augmented = new Augmentation(1, true, 2).applyTo(plain);
        ImageSplit again = new Augmentation(1, true, 2).applyTo(new ImageSplit(images, Shuffling.range(6), true, 5));
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] first = augmented.batch(manager, 1, 0, 3).images().toFloatArray();
            assertArrayEquals(first, again.batch(manager, 1, 0, 3).images().toFloatArray());
            assertArrayEquals(first, augmented.batch(manager, 1, 0, 3).images().toFloatArray());
            assertFalse(Arrays.equals(first, augmented.batch(manager, 2, 0, 3).images().toFloatArray()));
            assertFalse(Arrays.equals(first, plain.batch(manager, 1, 0, 3).images().toFloatArray()));
            assertArrayEquals(plain.batch(manager, 1, 0, 3).labels().toLongArray(),
                    augmented.batch(manager, 1, 0, 3).labels().toLongArray(), "the same images in the same order");
            assertArrayEquals(plain.batch(manager, 1, 1, 3).images().toFloatArray(),
                    Augmentation.NONE.applyTo(augmented).batch(manager, 1, 1, 3).images().toFloatArray());
        }
    }

    @Test
    void theDartsAugmentationCropsAndFlipsCifarOnly() {
        assertEquals(new Augmentation(4, true, 16), Augmentation.darts(DatasetInfo.CIFAR10, 16));
        assertEquals(new Augmentation(0, false, 16), Augmentation.darts(DatasetInfo.FASHION_MNIST, 16));
        assertTrue(Augmentation.darts(DatasetInfo.FASHION_MNIST, 0).isNone());
        assertThrows(JnasException.class, () -> new Augmentation(0, false, -1));
    }
}
