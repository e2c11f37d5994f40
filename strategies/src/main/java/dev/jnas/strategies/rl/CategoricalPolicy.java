package dev.jnas.strategies.rl;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A factorised categorical policy over a discrete space's decisions: independent logits per
 * decision, softmax probabilities, trained by REINFORCE with an entropy bonus and Adam. Plain
 * Java arithmetic: a few dozen logits need no tensor library.
 *
 * <p>Adam follows PyTorch's {@code torch.optim.Adam} (bias-corrected moments, ε added to the
 * square root), minimising {@code -(R - b) Σ log π(a) - β Σ H(π)}.
 */
final class CategoricalPolicy {

    private final double[][] logits;
    private final double[][] m;
    private final double[][] v;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private int steps;

    /**
     * @param choices categories per decision
     * @param init scale of the initial logits, drawn {@code init × N(0, 1)}
     */
    CategoricalPolicy(List<Integer> choices, double init, RandomGenerator random, double beta1, double beta2,
                      double epsilon) {
        logits = new double[choices.size()][];
        m = new double[choices.size()][];
        v = new double[choices.size()][];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = new double[choices.get(i)];
            m[i] = new double[choices.get(i)];
            v[i] = new double[choices.get(i)];
            for (int k = 0; k < logits[i].length; k++) {
                logits[i][k] = init * random.nextGaussian();
            }
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** The probabilities of decision {@code i}. */
    double[] probabilities(int i) {
        double[] z = logits[i];
        double max = Double.NEGATIVE_INFINITY;
        for (double x : z) {
            max = Math.max(max, x);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** Draws one category per decision. */
    int[] sample(RandomGenerator random) {
        int[] actions = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double[] p = probabilities(i);
            double u = random.nextDouble();
            int k = 0;
            double cumulative = p[0];
            while (u >= cumulative && k < p.length - 1) {
                k++;
                cumulative += p[k];
            }
            actions[i] = k;
        }
        return actions;
    }

    /**
     * One REINFORCE step: the gradient of {@code -(advantage) Σ_i log π_i(a_i) - entropyWeight Σ_i H(π_i)}
     * with respect to the logits, then an Adam step of size {@code learningRate}.
     */
    void update(int[] actions, double advantage, double entropyWeight, double learningRate) {
        steps++;
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = 1 - Math.pow(beta2, steps);
        for (int i = 0; i < logits.length; i++) {
            double[] p = probabilities(i);
            double entropy = 0;
            for (double pk : p) {
                entropy -= pk > 0 ? pk * Math.log(pk) : 0;
            }
            for (int k = 0; k < p.length; k++) {
                double g = advantage * (p[k] - (k == actions[i] ? 1 : 0));
                if (entropyWeight != 0 && p[k] > 0) {
                    g += entropyWeight * p[k] * (Math.log(p[k]) + entropy);
                }
                m[i][k] = beta1 * m[i][k] + (1 - beta1) * g;
                v[i][k] = beta2 * v[i][k] + (1 - beta2) * g * g;
                double mHat = m[i][k] / correction1;
                double vHat = v[i][k] / correction2;
                logits[i][k] -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
            }
        }
    }
}
