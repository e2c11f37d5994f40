package dev.jnas.api.optim;

/**
 * Cosine annealing by epoch, as {@code torch.optim.lr_scheduler.CosineAnnealingLR} stepped once per
 * epoch: {@code lr(e) = min + (max - min)·(1 + cos(π·e/T))/2} for epoch {@code e} from 0.
 *
 * @param max the learning rate of epoch 0
 * @param min the learning rate reached at epoch {@code epochs}
 * @param epochs the annealing period T
 */
public record CosineSchedule(double max, double min, int epochs) {

    /** The learning rate of epoch {@code epoch} (0-based). */
    public double at(int epoch) {
        return min + (max - min) * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
    }
}
