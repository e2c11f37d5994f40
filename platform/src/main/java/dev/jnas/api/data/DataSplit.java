package dev.jnas.api.data;

import ai.djl.ndarray.NDManager;

/**
 * A fixed set of examples served in mini-batches, reshuffled every epoch.
 *
 * <p>The order is a pure function of the seed and the epoch, so batch {@code index} of epoch
 * {@code epoch} is the same on every call and in every process: a run resumed in the middle of an
 * epoch sees the batches it would have seen.
 *
 * <pre>{@code for (int i = 0; i < split.batches(64); i++) { Batch b = split.batch(scope, epoch, i, 64); ... }}</pre>
 */
public interface DataSplit {

    /** The number of examples. */
    int size();

    /** The number of batches of an epoch; a last batch of fewer than two examples is dropped. */
    default int batches(int batchSize) {
        int full = size() / batchSize;
        int rest = size() % batchSize;
        return rest >= 2 ? full + 1 : full;
    }

    /** The batch {@code index} of {@code epoch}, normalised, in {@code manager}. */
    Batch batch(NDManager manager, int epoch, int index, int batchSize);
}
