package dev.jnas.api;

import ai.djl.ndarray.NDArray;
import org.pf4j.ExtensionPoint;

/**
 * Changes a differentiable search to counter one of its known failures (collapse to weight-free
 * operations, co-adaptation, ...): it may add a term to the search loss and may transform the
 * architecture weights before the supernet uses them.
 *
 * <p>Life-cycle: chosen by id on the command line; the supernet applies
 * {@link #transformWeights} on every forward pass, and the strategy adds {@link #penalty} to the
 * loss of each phase. Both default to doing nothing.
 *
 * <pre>{@code NDArray loss = ce.add(regularizer.penalty(supernet, Phase.ARCHITECTURE, progress));}</pre>
 */
public interface Regularizer extends ExtensionPoint {

    /** Which update a loss term is for. */
    enum Phase { WEIGHTS, ARCHITECTURE }

    /** The stable id used on the command line. */
    String id();

    /**
     * An extra scalar term for the loss of {@code phase}, or {@code null} for none.
     *
     * @param progress the fraction of the search budget spent, in [0, 1]
     */
    default NDArray penalty(Supernet supernet, Phase phase, double progress) {
        return null;
    }

    /**
     * Transforms one cell type's operation weights (edges × operations, after softmax).
     *
     * @param training whether this is a training forward pass
     */
    default NDArray transformWeights(NDArray weights, boolean training) {
        return weights;
    }
}
