package dev.jnas.strategies.evolution;

import dev.jnas.api.SearchContext;
import dev.jnas.api.SearchResult;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.blackbox.DiscreteProblem;
import dev.jnas.api.blackbox.Options;
import dev.jnas.api.blackbox.Trial;
import dev.jnas.api.blackbox.TrialLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * Regularized (aging) evolution, Algorithm 1 of Real et al. (AAAI 2019): fill a population of
 * {@code P} architectures sampled uniformly; then, in each cycle, draw {@code S} members of the
 * population uniformly with replacement, mutate the one with the highest reward
 * ({@code DiscreteSpace#mutate}), evaluate the child, add it and remove the <em>oldest</em> member.
 * Runs until the budget is spent (the initial population included) and returns the architecture
 * with the highest reward of the whole history.
 *
 * <p>An evaluator that measures several architectures at once ({@code parallelism} k &gt; 1) gets
 * the initial population in batches of k, and k children per cycle, each from its own tournament
 * on the same population; they join it in order, each removing the oldest member (as Real et al.'s
 * asynchronous workers do). With k = 1 this is the sequential algorithm.
 *
 * <p>Options: {@code population} (P, default 10, the NAS-Bench-201 baseline's) and
 * {@code sample-size} (S, default 3, its tournament size).
 */
@Extension
public class RegularizedEvolutionSearchStrategy implements SearchStrategy {

    /** NAS-Bench-201's REA baseline: population 10. */
    public static final int POPULATION = 10;

    /** NAS-Bench-201's REA baseline: tournaments of 3. */
    public static final int SAMPLE_SIZE = 3;

    @Override
    public String id() {
        return "evolution";
    }

    @Override
    public boolean usesSupernet() {
        return false;
    }

    @Override
    public String description() {
        return "Regularized evolution (Real et al. 2019): tournament selection, one mutation, the oldest dies";
    }

    @Override
    public SearchResult search(SearchContext context) {
        return run(context.discreteProblem(), context);
    }

    /** A member of the population: an architecture and the reward it was given. */
    private record Member<A>(A architecture, double reward) {
    }

    private static <A> SearchResult run(DiscreteProblem<A> problem, SearchContext context) {
        Options options = problem.options().requireOnly(List.of("population", "sample-size"));
        int populationSize = options.integer("population", POPULATION, 1);
        int sampleSize = options.integer("sample-size", SAMPLE_SIZE, 1);
        SplittableRandom random = new SplittableRandom(problem.seed());
        TrialLog<A> log = new TrialLog<>(problem, context.listener()::onTrial);
        Deque<Member<A>> population = new ArrayDeque<>();
        int batch = log.parallelism();
        while (population.size() < populationSize && !log.exhausted()) {
            List<A> proposals = new ArrayList<>();
            for (int i = 0; i < Math.min(batch, populationSize - population.size()); i++) {
                proposals.add(problem.space().sample(random));
            }
            List<Trial> trials = log.evaluateAll(proposals);
            for (int i = 0; i < trials.size(); i++) {
                population.addLast(new Member<>(proposals.get(i), reward(trials.get(i))));
            }
        }
        List<Member<A>> members = new ArrayList<>(populationSize);
        while (!log.exhausted()) {
            members.clear();
            members.addAll(population);
            List<A> children = new ArrayList<>(batch);
            for (int c = 0; c < batch; c++) {
                Member<A> parent = null;
                for (int i = 0; i < sampleSize; i++) {
                    Member<A> candidate = members.get(random.nextInt(members.size()));
                    if (parent == null || candidate.reward() > parent.reward()) {
                        parent = candidate;
                    }
                }
                children.add(problem.space().mutate(parent.architecture(), random));
            }
            List<Trial> trials = log.evaluateAll(children);
            for (int c = 0; c < trials.size(); c++) {
                population.addLast(new Member<>(children.get(c), reward(trials.get(c))));
                population.removeFirst();
            }
        }
        return SearchResult.of(log);
    }

    private static double reward(Trial trial) {
        return trial.evaluation().reward();
    }
}
