package dev.jnas.strategies.random;

import dev.jnas.api.SearchContext;
import dev.jnas.api.SearchResult;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.blackbox.DiscreteProblem;
import dev.jnas.api.blackbox.TrialLog;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * Random search: draw architectures uniformly from the space ({@code DiscreteSpace#sample}) and
 * evaluate them until the budget is spent; return the one with the highest reward. Draws are
 * independent, so an architecture may be evaluated more than once. An evaluator that measures
 * several architectures at once gets them in batches of its parallelism. No options.
 */
@Extension
public class RandomSearchStrategy implements SearchStrategy {

    @Override
    public String id() {
        return "random";
    }

    @Override
    public boolean usesSupernet() {
        return false;
    }

    @Override
    public String description() {
        return "Random search: uniform samples until the budget is spent, the best by reward";
    }

    @Override
    public SearchResult search(SearchContext context) {
        return run(context.discreteProblem(), context);
    }

    private static <A> SearchResult run(DiscreteProblem<A> problem, SearchContext context) {
        problem.options().requireOnly(List.of());
        SplittableRandom random = new SplittableRandom(problem.seed());
        TrialLog<A> log = new TrialLog<>(problem, context.listener()::onTrial);
        int batch = log.parallelism();
        while (!log.exhausted()) {
            List<A> proposals = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                proposals.add(problem.space().sample(random));
            }
            log.evaluateAll(proposals);
        }
        return SearchResult.of(log);
    }
}
