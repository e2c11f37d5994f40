package dev.jnas.platform.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * A discrete network that {@link Trainer} trains from scratch: the DARTS evaluation network of a
 * genotype ({@link DartsNetwork}) or the NAS-Bench-201 network of a cell. Built and initialised by
 * its own factory; the trainer runs it, updates {@link #weights()} and checkpoints it as a block.
 */
public interface TrainableNetwork extends Block {

    /**
     * Runs the network on a batch.
     *
     * @param images {@code (N, C, H, W)}
     * @param dropPathMasks the step's drop-path masks ({@link DropPath#masks}), or {@code null}
     * @return {@code (logits)}, or {@code (logits, auxiliaryLogits)} when training with an auxiliary head
     */
    NDList forward(NDArray images, NDArray dropPathMasks, boolean training);

    /** Every trainable parameter by path name: what SGD updates. */
    Map<String, Parameter> weights();

    /** The number of trainable weights without an auxiliary head (the papers' parameter count). */
    long weightCount();

    /** The number of trainable weights of the auxiliary head; 0 without one. */
    long auxiliaryWeightCount();

    /** The number of operations drop-path applies to: the rows of a step's masks; 0 where it does not apply. */
    int dropPathSites();

    /**
     * The network's size and shape, as {@code jnas train --dry-run} prints it.
     *
     * @param source the built-in name, the file or the text the architecture came from
     */
    NetworkSummary summary(String source);
}
