package dev.jnas.platform.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.data.SearchData;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/** The readers' splits feed DJL's dataset machinery with the images the splits serve themselves. */
class SplitDatasetTest {

    @Test
    void aSplitAsADjlDatasetServesTheSplitsOwnNormalisedBatches() throws Exception {
        SearchData data = Datasets.load(DatasetSource.sample(), DatasetInfo.FASHION_MNIST, 3, 0.5, 0);
        RandomAccessDataset train = SplitDataset.builder(data.train()).optEpoch(2).setSampling(32, false).build();
        assertEquals(1500, train.size());
        try (NDManager manager = NDManager.newBaseManager()) {
            Iterator<Batch> batches = train.getData(manager).iterator();
            dev.jnas.api.data.Batch expected = data.train().batch(manager, 2, 1, 32);
            batches.next().close();
            try (Batch second = batches.next()) {
                assertEquals(new Shape(32, 1, 28, 28), second.getData().head().getShape());
                assertEquals(new Shape(32), second.getLabels().head().getShape());
                assertArrayEquals(expected.labels().toLongArray(), second.getLabels().head().toLongArray());
                assertArrayEquals(expected.images().toFloatArray(), second.getData().head().toFloatArray());
            }
        }
    }

    @Test
    void theTestSplitKeepsTheFileOrderAndItsLabels() throws Exception {
        Datasets.TrainTest images = Datasets.read(DatasetSource.sample(), DatasetInfo.FASHION_MNIST);
        RandomAccessDataset test = SplitDataset.builder(ImageSplit.ordered(images.test())).setSampling(1000, false)
                .build();
        try (NDManager manager = NDManager.newBaseManager();
             Batch all = test.getData(manager).iterator().next()) {
            long[] labels = all.getLabels().head().toLongArray();
            int[] fromFile = images.test().labels();
            assertEquals(fromFile.length, labels.length);
            for (int i = 0; i < labels.length; i++) {
                assertEquals(fromFile[i], labels[i], "label of test image " + i);
            }
        }
    }
}
