package dev.jnas.strategies.train;

import dev.jnas.api.Evaluator;
import dev.jnas.api.blackbox.Evaluation;
import dev.jnas.api.blackbox.EvaluationSession;
import dev.jnas.api.blackbox.EvaluationSettings;
import dev.jnas.api.blackbox.Options;
import dev.jnas.api.blackbox.TrialRequest;
import dev.jnas.api.blackbox.TrialRunner;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DartsSpace;
import dev.jnas.api.space.DiscreteSpace;
import dev.jnas.api.space.Nb201Space;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.pf4j.Extension;

/**
 * Measures an architecture by training it: each evaluation is a short training from scratch on
 * the search's training part, measured on its validation part, run by the command's
 * {@link TrialRunner} (in worker processes, several at once). The reward is that validation
 * accuracy; the cost is the training's wall seconds and images. Each training gets its own seed,
 * drawn from the session's seed in the order of the requests.
 *
 * <p>Options (validated here, passed on to the runner): {@code epochs} (default 1), {@code channels}
 * (C, default 4), {@code cells} (default 5: cells L of the DARTS network, at least 3; cells per
 * stage N of the NAS-Bench-201 network, at least 1), {@code batch-size} (default 16), {@code learning-rate}
 * (default 0.025).
 */
@Extension
public class TrainEvaluator implements Evaluator {

    @Override
    public String id() {
        return "train";
    }

    @Override
    public String description() {
        return "Trains each architecture briefly from scratch and returns its validation accuracy";
    }

    @Override
    public <A> EvaluationSession<A> open(DiscreteSpace<A> space, EvaluationSettings settings) {
        boolean nb201 = Nb201Space.ID.equals(space.id());
        if (!nb201 && !DartsSpace.ID.equals(space.id())) {
            throw new JnasException("the train evaluator trains DARTS genotypes and NAS-Bench-201 cells, not "
                    + space.id() + " architectures");
        }
        Options options = settings.options().requireOnly(List.of("epochs", "channels", "cells", "batch-size",
                "learning-rate"));
        Map<String, String> training = new LinkedHashMap<>();
        training.put("epochs", Integer.toString(options.integer("epochs", 1, 1)));
        training.put("channels", Integer.toString(options.integer("channels", 4, 1)));
        training.put("cells", Integer.toString(options.integer("cells", 5, nb201 ? 1 : 3)));
        training.put("batch-size", Integer.toString(options.integer("batch-size", 16, 2)));
        training.put("learning-rate", Double.toString(options.real("learning-rate", 0.025, 1e-9, 10)));
        return new Session<>(space, settings.trials(), training, new SplittableRandom(settings.seed()));
    }

    /** One run's session: turns architectures into requests and waits for the runner's answers. */
    private static final class Session<A> implements EvaluationSession<A> {

        private final DiscreteSpace<A> space;
        private final TrialRunner runner;
        private final Map<String, String> training;
        private final SplittableRandom seeds;

        Session(DiscreteSpace<A> space, TrialRunner runner, Map<String, String> training, SplittableRandom seeds) {
            this.space = space;
            this.runner = runner;
            this.training = training;
            this.seeds = seeds;
        }

        @Override
        public Evaluation evaluate(A architecture) {
            return evaluateAll(List.of(architecture)).get(0);
        }

        @Override
        public int parallelism() {
            return runner.parallelism();
        }

        @Override
        public List<Evaluation> evaluateAll(List<A> architectures) {
            List<CompletableFuture<Evaluation>> futures = new ArrayList<>(architectures.size());
            for (A architecture : architectures) {
                futures.add(runner.submit(new TrialRequest(space.id(), space.format(architecture),
                        seeds.nextLong() & 0x7fffffffL, training)));
            }
            List<Evaluation> evaluations = new ArrayList<>(futures.size());
            for (CompletableFuture<Evaluation> future : futures) {
                try {
                    evaluations.add(future.join());
                } catch (CompletionException e) {
                    throw e.getCause() instanceof JnasException j ? j
                            : new JnasException("a trial failed: " + e.getCause());
                }
            }
            return evaluations;
        }
    }
}
