package dev.jnas.api;

import dev.jnas.api.blackbox.Trial;

/**
 * Receives a search's progress: the platform records epochs to {@code metrics.jsonl}, the launcher
 * draws a progress bar. Strategies call it: differentiable ones per step and epoch, sample-based
 * ones per trial. Every method defaults to doing nothing.
 */
public interface SearchListener {

    /** A search is about to run {@code epochs} epochs of {@code stepsPerEpoch} steps. */
    default void onStart(int epochs, int stepsPerEpoch) {
    }

    /** A step ended with these running averages over the epoch so far. */
    default void onStep(StepProgress progress) {
    }

    /** An epoch ended. */
    default void onEpoch(EpochReport report) {
    }

    /** A sample-based strategy evaluated an architecture within the budget. */
    default void onTrial(Trial trial) {
    }
}
