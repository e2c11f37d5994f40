package dev.jnas.platform.evaluation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One line of a training run's {@code metrics.jsonl}: how an epoch went.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss the mean minimised loss over the epoch's steps (cross-entropy, plus the
 *     weighted auxiliary cross-entropy when the network has the auxiliary head), as the reference logs it
 * @param trainAccuracy the share of training examples classified right during the epoch
 * @param testLoss the cross-entropy on the test split after the epoch (inference mode)
 * @param testAccuracy the test accuracy after the epoch
 * @param learningRate the epoch's learning rate
 * @param dropProb the epoch's drop-path probability
 * @param images training images processed since the start
 * @param elapsedSeconds wall time since the start, training and testing
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainEpoch(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                         double learningRate, double dropProb, long images, double elapsedSeconds) {
}
