package dev.jnas.platform.data;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.data.DatasetInfo;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads Fashion-MNIST in its IDX format: an images file (magic 2051, count, 28, 28, then one byte
 * per pixel) and a labels file (magic 2049, count, then one byte per label). Either file may be
 * gzipped; gzip is recognised by its magic bytes, whatever the file is called.
 *
 * <pre>{@code ImageSet train = FashionMnistReader.read(dir.resolve("train-images-idx3-ubyte.gz"),
 *         dir.resolve("train-labels-idx1-ubyte.gz"));}</pre>
 */
public final class FashionMnistReader {

    /** The standard file names (without {@code .gz}) of the training and test images and labels. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    static final int IMAGE_MAGIC = 2051;
    static final int LABEL_MAGIC = 2049;
    private static final DatasetInfo INFO = DatasetInfo.FASHION_MNIST;
    private static final int IMAGE_HEADER = 16;
    private static final int LABEL_HEADER = 8;

    private FashionMnistReader() {
    }

    /**
     * Reads an images file and its labels file.
     *
     * @throws JnasException if a file is missing, unreadable, corrupt or the two do not match
     */
    public static ImageSet read(Path images, Path labels) {
        return parse(images.toString(), DataFiles.read(images), labels.toString(), DataFiles.read(labels));
    }

    /** Parses the stored (possibly gzipped) bytes of both files; the names are used in messages. */
    static ImageSet parse(String imagesName, byte[] imagesFile, String labelsName, byte[] labelsFile) {
        byte[] images = DataFiles.gunzipIfNeeded(imagesName, imagesFile);
        int count = checkImages(imagesName, images);
        byte[] labels = DataFiles.gunzipIfNeeded(labelsName, labelsFile);
        int[] classes = checkLabels(labelsName, labels, count);
        byte[] pixels = Arrays.copyOfRange(images, IMAGE_HEADER, images.length);
        return new ImageSet(INFO, pixels, classes);
    }

    /** Checks the header and length of an images file and returns its image count. */
    private static int checkImages(String name, byte[] data) {
        if (data.length < IMAGE_HEADER) {
            throw DataFiles.corrupt(name, "truncated header (" + data.length + " bytes)");
        }
        ByteBuffer header = ByteBuffer.wrap(data, 0, IMAGE_HEADER);
        int magic = header.getInt();
        if (magic != IMAGE_MAGIC) {
            throw DataFiles.corrupt(name, "not an IDX images file (magic " + magic + ", expected " + IMAGE_MAGIC + ")");
        }
        int count = header.getInt();
        int rows = header.getInt();
        int cols = header.getInt();
        if (rows != INFO.height() || cols != INFO.width()) {
            throw DataFiles.corrupt(name, "images are " + rows + "x" + cols + ", expected "
                    + INFO.height() + "x" + INFO.width());
        }
        if (count < 0) {
            throw DataFiles.corrupt(name, "negative image count " + count);
        }
        long expected = IMAGE_HEADER + (long) count * rows * cols;
        checkLength(name, data.length, expected, count + " images");
        return count;
    }

    /** Checks a labels file against the image count and returns its labels. */
    private static int[] checkLabels(String name, byte[] data, int imageCount) {
        if (data.length < LABEL_HEADER) {
            throw DataFiles.corrupt(name, "truncated header (" + data.length + " bytes)");
        }
        ByteBuffer header = ByteBuffer.wrap(data, 0, LABEL_HEADER);
        int magic = header.getInt();
        if (magic != LABEL_MAGIC) {
            throw DataFiles.corrupt(name, "not an IDX labels file (magic " + magic + ", expected " + LABEL_MAGIC + ")");
        }
        int count = header.getInt();
        if (count < 0) {
            throw DataFiles.corrupt(name, "negative label count " + count);
        }
        checkLength(name, data.length, LABEL_HEADER + (long) count, count + " labels");
        if (count != imageCount) {
            throw DataFiles.corrupt(name, count + " labels for " + imageCount + " images");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = data[LABEL_HEADER + i] & 0xff;
            if (label >= INFO.classes()) {
                throw DataFiles.corrupt(name, "label " + label + " of example " + i + " is outside 0.."
                        + (INFO.classes() - 1));
            }
            labels[i] = label;
        }
        return labels;
    }

    private static void checkLength(String name, long actual, long expected, String what) {
        if (actual < expected) {
            throw DataFiles.corrupt(name, "truncated: " + actual + " of " + expected + " bytes for " + what);
        }
        if (actual > expected) {
            throw DataFiles.corrupt(name, actual + " bytes, expected " + expected + " for " + what);
        }
    }
}
