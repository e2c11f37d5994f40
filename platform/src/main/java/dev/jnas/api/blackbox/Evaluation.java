package dev.jnas.api.blackbox;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What evaluating one architecture gave: the reward a search maximises, the figure a paper
 * reports for the architecture, and what the evaluation cost.
 *
 * <p>For the NAS-Bench-201 table: the reward is the cifar10-valid validation accuracy of one
 * training seed, the reported result the CIFAR-10 test accuracy, the cost the simulated time and
 * images of the 12-epoch training the lookup stands for. An evaluator that trains reports wall
 * seconds and the images it processed. Accuracies are in percent.
 *
 * @param reward what the strategy maximises (a validation accuracy, in percent)
 * @param reported what is reported for the architecture but never shown to the strategy (a test
 *     accuracy, in percent)
 * @param seconds the cost in seconds, simulated or wall-clock; positive
 * @param images the images processed, simulated or real
 */
public record Evaluation(
        @JsonProperty("reward") double reward,
        @JsonProperty("reported") double reported,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("images") long images) {

    public Evaluation {
        if (!Double.isFinite(reward) || !Double.isFinite(reported)) {
            throw new IllegalArgumentException("reward and reported result must be finite, got " + reward + ", " + reported);
        }
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("an evaluation must cost a positive, finite time, got " + seconds + " s");
        }
        if (images < 0) {
            throw new IllegalArgumentException("images must not be negative, got " + images);
        }
    }
}
