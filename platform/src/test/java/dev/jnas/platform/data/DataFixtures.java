package dev.jnas.platform.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes tiny Fashion-MNIST (IDX) and CIFAR-10 (binary) files for tests. */
final class DataFixtures {

    static final int MNIST_PIXELS = 28 * 28;
    static final int CIFAR_PIXELS = 3 * 32 * 32;

    private DataFixtures() {
    }

    /** The pixel bytes of image {@code i}: a pattern that differs between images. */
    static byte pixel(int image, int offset) {
        return (byte) (image * 31 + offset * 7);
    }

    /** The contents of an IDX images file of {@code count} 28x28 images. */
    static byte[] idxImages(int count) {
        return idxImagesWithHeader(FashionMnistReader.IMAGE_MAGIC, count, 28, 28, count);
    }

    /** An IDX images file whose header says {@code count} images but holds {@code stored}. */
    static byte[] idxImagesWithHeader(int magic, int count, int rows, int cols, int stored) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + stored * rows * cols);
        buffer.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < stored; i++) {
            for (int p = 0; p < rows * cols; p++) {
                buffer.put(pixel(i, p));
            }
        }
        return buffer.array();
    }

    /** The contents of an IDX labels file. */
    static byte[] idxLabels(int... labels) {
        return idxLabelsWithHeader(FashionMnistReader.LABEL_MAGIC, labels.length, labels);
    }

    /** An IDX labels file with any magic and header count. */
    static byte[] idxLabelsWithHeader(int magic, int count, int... labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(magic).putInt(count);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    /** The labels {@code 0, 1, ..., 9, 0, 1, ...} of {@code count} examples. */
    static int[] cyclicLabels(int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
        }
        return labels;
    }

    /** CIFAR-10 records with the given labels; channel {@code c} of image {@code i} holds {@code 10 i + c}. */
    static byte[] cifarRecords(int... labels) {
        ByteBuffer buffer = ByteBuffer.allocate(labels.length * (1 + CIFAR_PIXELS));
        for (int i = 0; i < labels.length; i++) {
            buffer.put((byte) labels[i]);
            for (int p = 0; p < CIFAR_PIXELS; p++) {
                buffer.put((byte) (10 * i + p / 1024));
            }
        }
        return buffer.array();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, data);
    }

    /**
     * Writes a Fashion-MNIST directory: {@code train} and {@code test} images with cyclic labels,
     * the images gzipped and the labels raw, to exercise both.
     */
    static Path fashionMnistDirectory(Path directory, int train, int test) throws IOException {
        write(directory.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(train)));
        write(directory.resolve("train-labels-idx1-ubyte"), idxLabels(cyclicLabels(train)));
        write(directory.resolve("t10k-images-idx3-ubyte"), idxImages(test));
        write(directory.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idxLabels(cyclicLabels(test))));
        return directory;
    }
}
