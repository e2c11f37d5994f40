package dev.jnas.api.data;

/**
 * The data of a search: the training images split into a part that trains the weights and a part
 * that trains the architecture (DARTS: 50/50), and the test images.
 *
 * @param info the dataset's shape
 * @param train trains the weights
 * @param valid trains the architecture and measures the supernet
 * @param test held out; only for evaluating a final architecture
 */
public record SearchData(DatasetInfo info, DataSplit train, DataSplit valid, DataSplit test) {
}
