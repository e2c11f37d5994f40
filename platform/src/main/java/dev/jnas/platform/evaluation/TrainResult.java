package dev.jnas.platform.evaluation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A training run's {@code result.json}: the final test accuracy, the size of the network and what
 * the training cost.
 *
 * @param testAccuracy the test accuracy after the last epoch
 * @param testLoss the test cross-entropy after the last epoch
 * @param trainAccuracy the training accuracy of the last epoch
 * @param weights trainable weights without the auxiliary head (the paper's parameter count)
 * @param auxiliaryWeights trainable weights of the auxiliary head (0 without one)
 * @param epochs the epochs trained
 * @param imagesProcessed training images passed forward and backward
 * @param trainSeconds wall time of the training steps
 * @param elapsedSeconds wall time of the whole training, test evaluations included
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainResult(double testAccuracy, double testLoss, double trainAccuracy, long weights,
                          long auxiliaryWeights, int epochs, long imagesProcessed, double trainSeconds,
                          double elapsedSeconds) {
}
