package dev.jnas.platform.data;

import static dev.jnas.platform.data.DataFixtures.cifarRecords;
import static dev.jnas.platform.data.DataFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.data.DatasetInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads generated CIFAR-10 binary files and rejects broken ones. */
class Cifar10ReaderTest {

    @TempDir
    Path dir;

    @Test
    void concatenatesFilesKeepingThePlaneOrder() throws IOException {
        Path first = write(dir.resolve("data_batch_1.bin"), cifarRecords(3, 9));
        Path second = write(dir.resolve("data_batch_2.bin"), cifarRecords(0));

        ImageSet set = Cifar10Reader.read(List.of(first, second));

        assertEquals(DatasetInfo.CIFAR10, set.info());
        assertArrayEquals(new int[] {3, 9, 0}, set.labels());
        // image 1 of the first file: red plane 10, green 11, blue 12
        int image = 3072;
        assertEquals(10, set.pixels()[image]);
        assertEquals(11, set.pixels()[image + 1024]);
        assertEquals(12, set.pixels()[image + 2048 + 1023]);
        // the second file's image comes third and starts again at 0
        assertEquals(2, set.pixels()[2 * 3072 + 2048]);
    }

    @Test
    void rejectsPartialRecords() throws IOException {
        byte[] records = cifarRecords(1, 2);
        Path file = write(dir.resolve("data_batch_1.bin"), Arrays.copyOf(records, records.length - 1));

        JnasException e = assertThrows(JnasException.class, () -> Cifar10Reader.read(List.of(file)));
        assertEquals("corrupt dataset file " + file
                + ": 6145 bytes is not a whole number of 3073-byte records (CIFAR-10 binary version expected)",
                e.getMessage());
    }

    @Test
    void rejectsLabelsOutOfRange() throws IOException {
        Path file = write(dir.resolve("test_batch.bin"), cifarRecords(4, 12));

        JnasException e = assertThrows(JnasException.class, () -> Cifar10Reader.read(List.of(file)));
        assertEquals("corrupt dataset file " + file + ": label 12 of record 1 is outside 0..9", e.getMessage());
    }

    @Test
    void reportsAMissingFile() {
        Path file = dir.resolve("test_batch.bin");
        JnasException e = assertThrows(JnasException.class, () -> Cifar10Reader.read(List.of(file)));
        assertEquals("missing dataset file " + file, e.getMessage());
    }
}
