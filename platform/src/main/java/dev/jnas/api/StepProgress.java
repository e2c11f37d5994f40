package dev.jnas.api;

/**
 * Where a search stands inside an epoch.
 *
 * @param epoch the epoch, from 1
 * @param step the steps done in this epoch, from 1
 * @param steps the steps of the epoch
 * @param trainLoss mean training loss so far in this epoch
 * @param trainAccuracy mean training accuracy so far in this epoch, in [0, 1]
 */
public record StepProgress(int epoch, int step, int steps, double trainLoss, double trainAccuracy) {
}
