package dev.jnas.platform.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import dev.jnas.api.data.Batch;
import dev.jnas.api.data.DataSplit;
import java.util.Objects;

/**
 * A {@link DataSplit} as a DJL {@link RandomAccessDataset}, for code built on DJL's dataset
 * machinery (its samplers, batchifiers, {@code EasyTrain}). Example {@code i} is the image the
 * split serves at position {@code i} of the chosen epoch, normalised (and augmented) exactly as
 * in the split's own batches: a {@code (C, H, W)} float image and a scalar int64 label.
 *
 * <p>jnas's own loops use the split directly, whose batch of a step depends only on the seed,
 * the epoch and the step (what makes resumed runs exact); DJL's random samplers draw their own
 * order.
 *
 * <pre>{@code
 * RandomAccessDataset train = SplitDataset.builder(split).setSampling(64, true).build();
 * for (ai.djl.training.dataset.Batch b : train.getData(manager)) { ... }
 * }</pre>
 */
public final class SplitDataset extends RandomAccessDataset {

    private final DataSplit split;
    private final int epoch;

    private SplitDataset(Builder builder) {
        super(builder);
        this.split = builder.split;
        this.epoch = builder.epoch;
    }

    /** A builder over {@code split}; {@code setSampling} is required, as for every DJL dataset. */
    public static Builder builder(DataSplit split) {
        return new Builder(Objects.requireNonNull(split, "split"));
    }

    @Override
    public Record get(NDManager manager, long index) {
        Batch one = split.batch(manager, epoch, Math.toIntExact(index), 1);
        NDList image = new NDList(one.images().squeeze(0));
        NDList label = new NDList(one.labels().squeeze(0));
        one.images().close();
        one.labels().close();
        return new Record(image, label);
    }

    @Override
    protected long availableSize() {
        return split.size();
    }

    /** Nothing to prepare: the split's images are in memory. */
    @Override
    public void prepare(Progress progress) {
        // the images were read when the split was made
    }

    /** Builds a {@link SplitDataset}. */
    public static final class Builder extends BaseBuilder<Builder> {

        private final DataSplit split;
        private int epoch;

        private Builder(DataSplit split) {
            this.split = split;
        }

        /** The epoch whose order (and augmentation draws) the examples follow; 0 by default. */
        public Builder optEpoch(int epoch) {
            if (epoch < 0) {
                throw new IllegalArgumentException("epoch must not be negative, got " + epoch);
            }
            this.epoch = epoch;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The dataset. */
        public SplitDataset build() {
            return new SplitDataset(this);
        }
    }
}
