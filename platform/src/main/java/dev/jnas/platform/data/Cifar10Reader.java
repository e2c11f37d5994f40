package dev.jnas.platform.data;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.data.DatasetInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CIFAR-10's binary version: files of records of one label byte followed by 3072 pixel
 * bytes, the 32x32 red plane, then green, then blue (already {@code (C, H, W)} order).
 *
 * <pre>{@code ImageSet test = Cifar10Reader.read(List.of(dir.resolve("test_batch.bin")));}</pre>
 */
public final class Cifar10Reader {

    /** The file names of the training batches. */
    public static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    /** The file name of the test batch. */
    public static final String TEST_FILE = "test_batch.bin";
    /** The folder the official archive unpacks into. */
    public static final String ARCHIVE_FOLDER = "cifar-10-batches-bin";

    private static final DatasetInfo INFO = DatasetInfo.CIFAR10;
    private static final int IMAGE_BYTES = 3 * 32 * 32;
    private static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    private Cifar10Reader() {
    }

    /**
     * Reads the files and concatenates their images in the given order.
     *
     * @throws JnasException if a file is missing, unreadable or corrupt
     */
    public static ImageSet read(List<Path> files) {
        List<byte[]> contents = new ArrayList<>(files.size());
        long total = 0;
        for (Path file : files) {
            byte[] data = DataFiles.read(file);
            check(file.toString(), data);
            contents.add(data);
            total += data.length / RECORD_BYTES;
        }
        if (total * IMAGE_BYTES > Integer.MAX_VALUE - 8) {
            throw new JnasException("too many CIFAR-10 images to hold in memory: " + total);
        }
        int count = (int) total;
        byte[] pixels = new byte[count * IMAGE_BYTES];
        int[] labels = new int[count];
        int image = 0;
        for (byte[] data : contents) {
            for (int offset = 0; offset < data.length; offset += RECORD_BYTES) {
                labels[image] = data[offset];
                System.arraycopy(data, offset + 1, pixels, image * IMAGE_BYTES, IMAGE_BYTES);
                image++;
            }
        }
        return new ImageSet(INFO, pixels, labels);
    }

    private static void check(String name, byte[] data) {
        if (data.length == 0 || data.length % RECORD_BYTES != 0) {
            throw DataFiles.corrupt(name, data.length + " bytes is not a whole number of "
                    + RECORD_BYTES + "-byte records (CIFAR-10 binary version expected)");
        }
        for (int offset = 0, i = 0; offset < data.length; offset += RECORD_BYTES, i++) {
            int label = data[offset] & 0xff;
            if (label >= INFO.classes()) {
                throw DataFiles.corrupt(name, "label " + label + " of record " + i + " is outside 0.."
                        + (INFO.classes() - 1));
            }
        }
    }
}
