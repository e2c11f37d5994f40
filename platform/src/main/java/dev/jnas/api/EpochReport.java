package dev.jnas.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jnas.api.space.Genotype;
import java.util.Map;

/**
 * One line of {@code metrics.jsonl}: what an epoch of search did.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss mean training loss of the epoch
 * @param trainAccuracy mean training accuracy, in [0, 1]
 * @param validLoss loss of the supernet on the validation part after the epoch
 * @param validAccuracy accuracy of the supernet on the validation part, in [0, 1]
 * @param alphas operation weights after softmax per cell type ({@code normal}, {@code reduce};
 *     {@code cell} for NAS-Bench-201), {@code [edge][operation]}; empty for strategies without a supernet
 * @param genotype the DARTS architecture derived after the epoch; {@code null} in another space
 * @param architecture the architecture derived after the epoch, as its space's canonical text (the
 *     genotype's compact JSON for DARTS, the {@code arch_str} for NAS-Bench-201)
 * @param elapsedSeconds wall seconds since the search started
 * @param imagesProcessed images passed forward and backward by the search's update steps since it
 *     started (for DARTS: the training and the validation batch of every step), the cost an
 *     images-processed budget counts
 */
public record EpochReport(
        @JsonProperty("epoch") int epoch,
        @JsonProperty("train_loss") double trainLoss,
        @JsonProperty("train_accuracy") double trainAccuracy,
        @JsonProperty("valid_loss") double validLoss,
        @JsonProperty("valid_accuracy") double validAccuracy,
        @JsonProperty("alphas") Map<String, float[][]> alphas,
        @JsonProperty("genotype") Genotype genotype,
        @JsonProperty("architecture") String architecture,
        @JsonProperty("elapsed_seconds") double elapsedSeconds,
        @JsonProperty("images_processed") long imagesProcessed) {
}
