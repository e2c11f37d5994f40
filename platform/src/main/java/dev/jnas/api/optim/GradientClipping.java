package dev.jnas.api.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * Global-norm gradient clipping, as {@code torch.nn.utils.clip_grad_norm_}: if the L2 norm of all
 * gradients together exceeds {@code maxNorm}, every gradient is scaled by
 * {@code maxNorm / (norm + 1e-6)}, both signs alike.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Clips the gradients of {@code parameters} in place.
     *
     * @return the total norm before clipping
     */
    public static double clipGlobalNorm(Map<String, Parameter> parameters, double maxNorm) {
        try (NDScope scope = new NDScope()) {
            NDArray total = null;
            for (Parameter p : parameters.values()) {
                NDArray g = p.getArray().getGradient();
                NDArray sq = g.square().sum();
                total = total == null ? sq : total.addi(sq);
            }
            if (total == null) {
                return 0;
            }
            double norm = Math.sqrt(total.getFloat());
            double coefficient = maxNorm / (norm + 1e-6);
            if (coefficient < 1) {
                for (Parameter p : parameters.values()) {
                    p.getArray().getGradient().muli(coefficient);
                }
            }
            scope.suppressNotUsedWarning();
            return norm;
        }
    }
}
