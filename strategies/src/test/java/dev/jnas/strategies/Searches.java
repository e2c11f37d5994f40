package dev.jnas.strategies;

import dev.jnas.api.SearchListener;
import dev.jnas.api.SearchResult;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.blackbox.DiscreteProblem;
import dev.jnas.api.blackbox.Evaluation;
import dev.jnas.api.blackbox.EvaluationSession;
import dev.jnas.api.blackbox.Options;
import dev.jnas.api.space.DiscreteSpace;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.platform.search.DiscreteSearchContext;
import java.util.Map;

/** Runs a sample-based strategy on a space and evaluator session, as the launcher does. */
final class Searches {

    private Searches() {
    }

    static <A> SearchResult run(SearchStrategy strategy, DiscreteSpace<A> space, EvaluationSession<A> session,
                                double budget, long seed, Map<String, String> options) {
        DiscreteProblem<A> problem = new DiscreteProblem<>(space, session, budget, seed,
                new Options(strategy.id(), options));
        return strategy.search(new DiscreteSearchContext(problem, new SearchListener() { }, null));
    }

    /**
     * A synthetic, noise-free NAS-Bench-201 evaluator: reward 10 per nor_conv_3x3 edge plus 1 per
     * nor_conv_1x1 edge (so the best cell is all nor_conv_3x3, reward 60), reported = reward,
     * every query costs 10 s.
     */
    static Evaluation synthetic(Nb201Cell cell) {
        double reward = 0;
        for (String op : cell.ops()) {
            reward += op.equals("nor_conv_3x3") ? 10 : op.equals("nor_conv_1x1") ? 1 : 0;
        }
        return new Evaluation(reward, reward, 10, 1);
    }
}
