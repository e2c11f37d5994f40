package dev.jnas.platform.data;

import static dev.jnas.platform.data.DataFixtures.cifarRecords;
import static dev.jnas.platform.data.DataFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.data.SearchData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading from each kind of source, splitting, and the errors a user sees. */
class DatasetsTest {

    private static final DatasetInfo FASHION = DatasetInfo.FASHION_MNIST;

    @TempDir
    Path dir;

    private static int[] ids(SearchData data, boolean train) {
        return ((ImageSplit) (train ? data.train() : data.valid())).order(0);
    }

    @Test
    void theEmbeddedSampleIsStratified() {
        Datasets.TrainTest sample = Datasets.read(DatasetSource.sample(), FASHION);

        assertEquals(3000, sample.train().size());
        assertEquals(1000, sample.test().size());
        int[] ten = new int[10];
        Arrays.fill(ten, 300);
        assertArrayEquals(ten, sample.train().classCounts());
        Arrays.fill(ten, 100);
        assertArrayEquals(ten, sample.test().classCounts());
    }

    @Test
    void theDefaultSplitHalvesTheSampleAndKeepsTheTestSetInOrder() {
        SearchData data = Datasets.load(DatasetSource.sample(), FASHION, 2, 0.5, 0);

        assertEquals(FASHION, data.info());
        assertEquals(1500, data.train().size());
        assertEquals(1500, data.valid().size());
        assertEquals(1000, data.test().size());
        assertArrayEquals(IntStream.range(0, 1000).toArray(), ((ImageSplit) data.test()).order(9));
    }

    @Test
    void splitsFollowTrainPortionAndLimitWithoutOverlap() throws IOException {
        Datasets.TrainTest images = Datasets.read(
                DatasetSource.directory(DataFixtures.fashionMnistDirectory(dir, 40, 4)), FASHION);

        SearchData data = Datasets.split(images, 5, 0.7, 30);
        assertEquals(21, data.train().size());
        assertEquals(9, data.valid().size());
        int[] train = ids(data, true);
        int[] valid = ids(data, false);
        assertEquals(30, IntStream.concat(Arrays.stream(train), Arrays.stream(valid)).distinct().count());
        assertTrue(Arrays.stream(train).anyMatch(id -> id >= 30), "the limit takes a random subset, not a prefix");

        SearchData again = Datasets.split(images, 5, 0.7, 30);
        assertArrayEquals(train, ids(again, true));
        SearchData otherSeed = Datasets.split(images, 6, 0.7, 30);
        assertTrue(!Arrays.equals(train, ids(otherSeed, true)));

        assertEquals(40, Datasets.split(images, 5, 1.0, 0).train().size());
        assertEquals(0, Datasets.split(images, 5, 1.0, 0).valid().size());
        assertEquals(20, Datasets.split(images, 5, 0.5, 1000).train().size());
    }

    @Test
    void rejectsSplitArgumentsOutOfRange() throws IOException {
        Datasets.TrainTest images = Datasets.read(
                DatasetSource.directory(DataFixtures.fashionMnistDirectory(dir, 4, 2)), FASHION);

        assertEquals("train portion must be in (0, 1], got 1.5",
                assertThrows(JnasException.class, () -> Datasets.split(images, 1, 1.5, 0)).getMessage());
        assertEquals("train limit must be 0 (all) or positive, got -1",
                assertThrows(JnasException.class, () -> Datasets.split(images, 1, 0.5, -1)).getMessage());
        assertEquals("train portion 0.5 of 1 training images leaves no images to train the weights",
                assertThrows(JnasException.class, () -> Datasets.split(images, 1, 0.5, 1)).getMessage());
    }

    @Test
    void readsAFashionMnistDirectoryOfRawAndGzippedFiles() throws IOException {
        Datasets.TrainTest images = Datasets.read(
                DatasetSource.directory(DataFixtures.fashionMnistDirectory(dir, 12, 5)), FASHION);

        assertEquals(12, images.train().size());
        assertEquals(5, images.test().size());
        assertArrayEquals(DataFixtures.cyclicLabels(5), images.test().labels());
    }

    @Test
    void namesTheDirectoryAndTheFirstMissingFile() throws IOException {
        Path missing = dir.resolve("nope");
        assertEquals("dataset directory " + missing + " does not exist", assertThrows(JnasException.class,
                () -> Datasets.read(DatasetSource.directory(missing), FASHION)).getMessage());

        DataFixtures.fashionMnistDirectory(dir, 2, 2);
        Files.delete(dir.resolve("t10k-images-idx3-ubyte"));
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        JnasException e = assertThrows(JnasException.class,
                () -> Datasets.read(DatasetSource.directory(dir), FASHION));
        assertEquals("dataset directory " + dir + " has no t10k-images-idx3-ubyte(.gz)"
                + " (Fashion-MNIST IDX files expected)", e.getMessage());
    }

    @Test
    void readsCifar10FromTheArchiveFolder() throws IOException {
        Path folder = dir.resolve("cifar-10-batches-bin");
        for (int i = 1; i <= 5; i++) {
            write(folder.resolve("data_batch_" + i + ".bin"), cifarRecords(i, 0));
        }
        write(folder.resolve("test_batch.bin"), cifarRecords(9));

        Datasets.TrainTest images = Datasets.read(DatasetSource.directory(dir), DatasetInfo.CIFAR10);

        assertArrayEquals(new int[] {1, 0, 2, 0, 3, 0, 4, 0, 5, 0}, images.train().labels());
        assertArrayEquals(new int[] {9}, images.test().labels());
        SearchData data = Datasets.split(images, 1, 0.5, 0);
        assertEquals(DatasetInfo.CIFAR10, data.info());
        assertEquals(5, data.valid().size());
    }

    @Test
    void cifar10NeedsADirectory() throws IOException {
        JnasException e = assertThrows(JnasException.class,
                () -> Datasets.read(DatasetSource.sample(), DatasetInfo.CIFAR10));
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());

        write(dir.resolve("data_batch_1.bin"), cifarRecords(1));
        e = assertThrows(JnasException.class, () -> Datasets.read(DatasetSource.directory(dir), DatasetInfo.CIFAR10));
        assertEquals("dataset directory " + dir + " has no data_batch_2.bin (CIFAR-10 binary version expected)",
                e.getMessage());
    }

    /**
     * Where the Debian package dataset-fashion-mnist is installed (CI installs it), {@code --data full}
     * reads all 70,000 images from it; elsewhere it fails with one line saying what to install.
     */
    @Test
    void readsTheFullDatasetFromTheSystemLocationOrSaysWhatToInstall() {
        if (Files.isDirectory(Datasets.SYSTEM_FASHION_MNIST)) {
            Datasets.TrainTest full = Datasets.read(DatasetSource.system(), FASHION);
            assertEquals(60000, full.train().size());
            assertEquals(10000, full.test().size());
        } else {
            JnasException e = assertThrows(JnasException.class, () -> Datasets.read(DatasetSource.system(), FASHION));
            assertEquals("Fashion-MNIST not found in " + Datasets.SYSTEM_FASHION_MNIST
                    + ": install the Debian package dataset-fashion-mnist or pass --data-dir", e.getMessage());
        }
    }
}
