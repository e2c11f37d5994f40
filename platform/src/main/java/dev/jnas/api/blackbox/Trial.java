package dev.jnas.api.blackbox;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One evaluated proposal of a sample-based search, with what an anytime curve needs: the budget
 * spent so far and the best so far (by reward) with its reported result.
 *
 * @param number the trial's position, from 1
 * @param architecture the architecture's canonical text ({@link dev.jnas.api.space.DiscreteSpace#format})
 * @param evaluation what evaluating it gave
 * @param spentSeconds the seconds spent after this trial, its own cost included
 * @param spentImages the images processed after this trial, its own included
 * @param bestNumber the number of the best trial so far (this one included): highest reward, the
 *     earliest among equals
 * @param bestReward that trial's reward
 * @param bestReported that trial's reported result
 */
public record Trial(
        @JsonProperty("number") int number,
        @JsonProperty("architecture") String architecture,
        @JsonProperty("evaluation") Evaluation evaluation,
        @JsonProperty("spent_seconds") double spentSeconds,
        @JsonProperty("spent_images") long spentImages,
        @JsonProperty("best_number") int bestNumber,
        @JsonProperty("best_reward") double bestReward,
        @JsonProperty("best_reported") double bestReported) {
}
