package dev.jnas.platform.data;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.jnas.api.data.Batch;
import dev.jnas.api.data.DataSplit;
import dev.jnas.api.data.DatasetInfo;

/**
 * Random images ({@code N(0, 1)}) with random labels, drawn by the engine's generator: the input
 * of {@code jnas bench}, which times steps and must not depend on reading data. Never a default
 * dataset.
 */
public final class SyntheticSplit implements DataSplit {

    private final DatasetInfo info;
    private final int size;

    public SyntheticSplit(DatasetInfo info, int size) {
        this.info = info;
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Batch batch(NDManager manager, int epoch, int index, int batchSize) {
        int n = Math.min(batchSize, size - index * batchSize);
        return new Batch(
                manager.randomNormal(new Shape(n, info.channels(), info.height(), info.width())),
                manager.randomInteger(0, info.classes(), new Shape(n), DataType.INT64));
    }
}
