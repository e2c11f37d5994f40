package dev.jnas.platform.data;

import static dev.jnas.platform.data.DataFixtures.gzip;
import static dev.jnas.platform.data.DataFixtures.idxImages;
import static dev.jnas.platform.data.DataFixtures.idxImagesWithHeader;
import static dev.jnas.platform.data.DataFixtures.idxLabels;
import static dev.jnas.platform.data.DataFixtures.idxLabelsWithHeader;
import static dev.jnas.platform.data.DataFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.data.DatasetInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads generated IDX files, raw and gzipped, and rejects broken ones with one-line messages. */
class FashionMnistReaderTest {

    @TempDir
    Path dir;

    private ImageSet read(byte[] images, byte[] labels) throws IOException {
        return FashionMnistReader.read(write(dir.resolve("images"), images), write(dir.resolve("labels"), labels));
    }

    /** Reading {@code images}/{@code labels} fails with a message naming {@code file} and saying {@code problem}. */
    private void assertRejected(byte[] images, byte[] labels, String file, String problem) throws IOException {
        JnasException e = assertThrows(JnasException.class, () -> read(images, labels));
        assertEquals("corrupt dataset file " + dir.resolve(file) + ": " + problem, e.getMessage());
    }

    @Test
    void readsRawFiles() throws IOException {
        ImageSet set = read(idxImages(3), idxLabels(7, 0, 9));

        assertEquals(DatasetInfo.FASHION_MNIST, set.info());
        assertEquals(3, set.size());
        assertArrayEquals(new int[] {7, 0, 9}, set.labels());
        assertEquals(3 * 784, set.pixels().length);
        assertEquals(DataFixtures.pixel(2, 100), set.pixels()[2 * 784 + 100]);
    }

    @Test
    void recognisesGzipByMagicWhateverTheName() throws IOException {
        ImageSet raw = read(idxImages(2), idxLabels(1, 2));
        ImageSet gzipped = FashionMnistReader.read(
                write(dir.resolve("a.gz"), gzip(idxImages(2))), write(dir.resolve("b.bin"), gzip(idxLabels(1, 2))));

        assertArrayEquals(raw.pixels(), gzipped.pixels());
        assertArrayEquals(raw.labels(), gzipped.labels());
    }

    @Test
    void rejectsWrongMagic() throws IOException {
        assertRejected(idxImagesWithHeader(2049, 1, 28, 28, 1), idxLabels(0), "images",
                "not an IDX images file (magic 2049, expected 2051)");
        assertRejected(idxImages(1), idxLabelsWithHeader(2051, 1, 0), "labels",
                "not an IDX labels file (magic 2051, expected 2049)");
    }

    @Test
    void rejectsOtherImageSizes() throws IOException {
        assertRejected(idxImagesWithHeader(2051, 1, 32, 32, 1), idxLabels(0), "images",
                "images are 32x32, expected 28x28");
    }

    @Test
    void rejectsTruncatedAndOverlongFiles() throws IOException {
        assertRejected(idxImagesWithHeader(2051, 3, 28, 28, 2), idxLabels(0, 1, 2), "images",
                "truncated: 1584 of 2368 bytes for 3 images");
        assertRejected(Arrays.copyOf(idxImages(1), 10), idxLabels(0), "images", "truncated header (10 bytes)");
        assertRejected(idxImages(1), idxLabelsWithHeader(2049, 3, 0, 1), "labels",
                "truncated: 10 of 11 bytes for 3 labels");
        assertRejected(idxImages(1), idxLabelsWithHeader(2049, 1, 0, 1), "labels",
                "10 bytes, expected 9 for 1 labels");
    }

    @Test
    void rejectsLabelCountDifferentFromImageCount() throws IOException {
        assertRejected(idxImages(3), idxLabels(0, 1), "labels", "2 labels for 3 images");
    }

    @Test
    void rejectsLabelsOutOfRange() throws IOException {
        assertRejected(idxImages(2), idxLabels(3, 10), "labels", "label 10 of example 1 is outside 0..9");
    }

    @Test
    void rejectsCorruptGzip() throws IOException {
        byte[] gz = gzip(idxImages(2));
        byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
        JnasException e = assertThrows(JnasException.class, () -> read(truncated, idxLabels(0, 1)));
        assertTrue(e.getMessage().startsWith("corrupt dataset file " + dir.resolve("images") + ": bad gzip data"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        byte[] scrambled = gzip(idxLabels(0, 1));
        for (int i = 10; i < scrambled.length; i++) {
            scrambled[i] ^= (byte) 0x5a;
        }
        e = assertThrows(JnasException.class, () -> read(idxImages(2), scrambled));
        assertTrue(e.getMessage().startsWith("corrupt dataset file " + dir.resolve("labels") + ": bad gzip data"),
                e.getMessage());
    }

    @Test
    void reportsMissingAndUnreadableFiles() throws IOException {
        Path labels = write(dir.resolve("labels"), idxLabels(0));
        Path missing = dir.resolve("nothing-here");
        JnasException e = assertThrows(JnasException.class, () -> FashionMnistReader.read(missing, labels));
        assertEquals("missing dataset file " + missing, e.getMessage());

        Path folder = Files.createDirectory(dir.resolve("a-folder"));
        e = assertThrows(JnasException.class, () -> FashionMnistReader.read(folder, labels));
        assertTrue(e.getMessage().startsWith("cannot read dataset file " + folder + ": "), e.getMessage());
    }
}
