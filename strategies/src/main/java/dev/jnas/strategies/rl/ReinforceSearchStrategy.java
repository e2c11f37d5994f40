package dev.jnas.strategies.rl;

import dev.jnas.api.SearchContext;
import dev.jnas.api.SearchResult;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.blackbox.DiscreteProblem;
import dev.jnas.api.blackbox.Options;
import dev.jnas.api.blackbox.Trial;
import dev.jnas.api.blackbox.TrialLog;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * REINFORCE (Williams 1992) with a factorised categorical policy, the controller of Zoph &amp; Le
 * reduced to what NAS-Bench-201's baseline uses: independent logits for every decision of the
 * space (6 × 5 for NAS-Bench-201), initialised {@code 1e-3 × N(0, 1)}. Each step samples an
 * architecture, evaluates it, updates an exponential moving average of the rewards (the baseline,
 * bias-corrected, updated before it is subtracted, as in the benchmark's code) and takes one Adam
 * step on {@code -(R - b) Σ log π(a) - β Σ H(π)}. Rewards are accuracies in percent. Runs until
 * the budget is spent and returns the architecture with the highest reward of the history (as
 * NATS-Bench's version of the baseline does; the first NAS-Bench-201 code returned the policy's
 * most probable cell instead).
 *
 * <p>Options: {@code learning-rate} (Adam's, default {@value #LEARNING_RATE}), {@code ema-momentum}
 * (the baseline's, default {@value #EMA_MOMENTUM}) and {@code entropy} (β, default 0: the
 * benchmark's baseline has no entropy bonus).
 *
 * <p>An evaluator that measures k architectures at once gets k samples of the same policy per
 * round; each then updates the baseline and the policy in order. With k = 1 this is the
 * sequential algorithm.
 */
@Extension
public class ReinforceSearchStrategy implements SearchStrategy {

    /** Adam's default learning rate here. */
    public static final double LEARNING_RATE = 0.01;

    /** The baseline's momentum, NAS-Bench-201's {@code EMA_momentum}. */
    public static final double EMA_MOMENTUM = 0.9;

    @Override
    public String id() {
        return "reinforce";
    }

    @Override
    public boolean usesSupernet() {
        return false;
    }

    @Override
    public String description() {
        return "REINFORCE: a categorical policy per decision, moving-average baseline, Adam";
    }

    @Override
    public SearchResult search(SearchContext context) {
        return run(context.discreteProblem(), context);
    }

    private static <A> SearchResult run(DiscreteProblem<A> problem, SearchContext context) {
        Options options = problem.options().requireOnly(List.of("learning-rate", "ema-momentum", "entropy"));
        double learningRate = options.real("learning-rate", LEARNING_RATE, 0, 1e3);
        double momentum = options.real("ema-momentum", EMA_MOMENTUM, 0, 1 - 1e-12);
        double entropy = options.real("entropy", 0, 0, 1e3);
        SplittableRandom random = new SplittableRandom(problem.seed());
        CategoricalPolicy policy = new CategoricalPolicy(problem.space().choices(), 1e-3, random, 0.9, 0.999, 1e-8);
        MovingAverage baseline = new MovingAverage(momentum);
        TrialLog<A> log = new TrialLog<>(problem, context.listener()::onTrial);
        int batch = log.parallelism();
        while (!log.exhausted()) {
            List<int[]> actions = new ArrayList<>(batch);
            List<A> proposals = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                actions.add(policy.sample(random));
                proposals.add(problem.space().decode(actions.get(i)));
            }
            List<Trial> trials = log.evaluateAll(proposals);
            for (int i = 0; i < trials.size(); i++) {
                double reward = trials.get(i).evaluation().reward();
                baseline.update(reward);
                policy.update(actions.get(i), reward - baseline.value(), entropy, learningRate);
            }
        }
        return SearchResult.of(log);
    }

    /** An exponential moving average with bias correction: exact after one value. */
    static final class MovingAverage {
        private final double momentum;
        private double numerator;
        private double denominator;

        MovingAverage(double momentum) {
            this.momentum = momentum;
        }

        void update(double value) {
            numerator = momentum * numerator + (1 - momentum) * value;
            denominator = momentum * denominator + (1 - momentum);
        }

        double value() {
            return numerator / denominator;
        }
    }
}
