package dev.jnas.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnas.api.SearchResult;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.blackbox.Evaluation;
import dev.jnas.api.blackbox.Trial;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DartsSpace;
import dev.jnas.api.space.Genotype;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.api.space.Nb201Space;
import dev.jnas.strategies.darts.DartsSearchStrategy;
import dev.jnas.strategies.evolution.RegularizedEvolutionSearchStrategy;
import dev.jnas.strategies.random.RandomSearchStrategy;
import dev.jnas.strategies.rl.ReinforceSearchStrategy;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random search, regularized evolution and REINFORCE on a synthetic evaluator (reward 10 per
 * nor_conv_3x3 edge, 1 per nor_conv_1x1, 10 s a query): the budget, the history, determinism, and
 * what each algorithm is meant to do.
 */
class SampleStrategiesTest {

    static Stream<SearchStrategy> strategies() {
        return Stream.of(new RandomSearchStrategy(), new RegularizedEvolutionSearchStrategy(),
                new ReinforceSearchStrategy());
    }

    private static SearchResult nb201(SearchStrategy strategy, double budget, long seed, Map<String, String> options) {
        return Searches.run(strategy, Nb201Space.INSTANCE, Searches::synthetic, budget, seed, options);
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void spendsTheBudgetAndReturnsTheBestOfItsHistory(SearchStrategy strategy) {
        SearchResult result = nb201(strategy, 1005, 0, Map.of());
        List<Trial> trials = result.trials();
        assertEquals(100, trials.size(), "100 queries of 10 s fit 1005 s; the 101st does not");
        assertEquals(1000, trials.get(99).spentSeconds());
        double best = Double.NEGATIVE_INFINITY;
        for (Trial t : trials) {
            best = Math.max(best, t.evaluation().reward());
            assertEquals(best, t.bestReward());
            assertEquals(t.bestReward(), trials.get(t.bestNumber() - 1).evaluation().reward());
        }
        assertEquals(best, result.best().evaluation().reward());
        assertEquals(trials.get(result.best().number() - 1), result.best());
        assertEquals(List.of(), result.history());
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void aFixedSeedGivesTheSameSearch(SearchStrategy strategy) {
        assertEquals(nb201(strategy, 500, 3, Map.of()).trials(), nb201(strategy, 500, 3, Map.of()).trials());
        assertNotEquals(nb201(strategy, 500, 3, Map.of()).trials(), nb201(strategy, 500, 4, Map.of()).trials());
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void searchesTheDartsSpaceToo(SearchStrategy strategy) {
        SearchResult result = Searches.run(strategy, DartsSpace.INSTANCE, g -> {
            long convs = Stream.concat(g.normal().stream(), g.reduce().stream())
                    .filter(e -> e.op().equals("sep_conv_3x3")).count();
            return new Evaluation(convs, convs, 1, 1);
        }, 50, 0, Map.of());
        assertEquals(50, result.trials().size());
        Genotype genotype = result.genotype();
        assertNotNull(genotype);
        assertEquals(DartsSpace.INSTANCE.format(genotype), result.best().architecture());
    }

    @Test
    void evolutionMutatesAMemberOfThePopulationAndRetiresTheOldest() {
        SearchResult result = nb201(new RegularizedEvolutionSearchStrategy(), 2000, 1,
                Map.of("population", "10", "sample-size", "3"));
        List<Trial> trials = result.trials();
        for (int n = 10; n < trials.size(); n++) {
            Nb201Cell child = Nb201Cell.parse(trials.get(n).architecture());
            boolean fromPopulation = false;
            for (int p = n - 10; p < n; p++) {
                fromPopulation |= differInOneEdge(child, Nb201Cell.parse(trials.get(p).architecture()));
            }
            assertTrue(fromPopulation, "trial " + (n + 1) + " is no mutation of the 10 trials before it");
        }
    }

    @Test
    void evolutionMutatesTheBestMemberOfItsTournament() {
        // Every cell has its own reward, so the best of a population is one cell. A tournament of 200
        // draws (with replacement) from 5 members misses the best with probability 0.8^200 < 1e-19,
        // so each child must be one mutation away from the best of the 5 trials before it; a
        // tournament of one draws any member, and some child then is not.
        assertEquals(-1, firstChildNotOfTheBest("200"));
        assertTrue(firstChildNotOfTheBest("1") >= 0, "a tournament of one picked the best member every time");
    }

    /** The first trial of a 5-member evolution that is no mutation of the best of the 5 before it, or -1. */
    private static int firstChildNotOfTheBest(String sampleSize) {
        List<Trial> trials = Searches.run(new RegularizedEvolutionSearchStrategy(), Nb201Space.INSTANCE,
                cell -> new Evaluation(cell.ordinal(), 0, 10, 1), 1000, 2,
                Map.of("population", "5", "sample-size", sampleSize)).trials();
        assertEquals(100, trials.size());
        for (int n = 5; n < trials.size(); n++) {
            Trial best = trials.get(n - 5);
            for (int p = n - 4; p < n; p++) {
                best = trials.get(p).evaluation().reward() > best.evaluation().reward() ? trials.get(p) : best;
            }
            if (!differInOneEdge(Nb201Cell.parse(trials.get(n).architecture()), Nb201Cell.parse(best.architecture()))) {
                return n;
            }
        }
        return -1;
    }

    private static boolean differInOneEdge(Nb201Cell a, Nb201Cell b) {
        int differ = 0;
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
            differ += a.ops().get(e).equals(b.ops().get(e)) ? 0 : 1;
        }
        return differ == 1;
    }

    @Test
    void evolutionAndReinforceFindBetterCellsThanRandomSearchOnAverage() {
        double random = 0;
        double evolution = 0;
        double reinforce = 0;
        for (long seed = 0; seed < 20; seed++) {
            random += nb201(new RandomSearchStrategy(), 1000, seed, Map.of()).best().evaluation().reward();
            evolution += nb201(new RegularizedEvolutionSearchStrategy(), 1000, seed, Map.of()).best().evaluation().reward();
            reinforce += nb201(new ReinforceSearchStrategy(), 1000, seed, Map.of("learning-rate", "0.1"))
                    .best().evaluation().reward();
        }
        assertTrue(evolution > random, evolution + " vs " + random);
        assertTrue(reinforce > random, reinforce + " vs " + random);
    }

    @Test
    void reinforceShiftsItsPolicyTowardsRewardedCells() {
        List<Trial> trials = nb201(new ReinforceSearchStrategy(), 3000, 0, Map.of("learning-rate", "0.1")).trials();
        double first = trials.subList(0, 50).stream().mapToDouble(t -> t.evaluation().reward()).average().orElseThrow();
        double last = trials.subList(250, 300).stream().mapToDouble(t -> t.evaluation().reward()).average().orElseThrow();
        assertTrue(last > first + 15, "mean reward of the first 50 trials " + first + ", of the last 50 " + last);
    }

    @Test
    void anEntropyBonusKeepsThePolicyExploring() {
        Map<String, String> greedy = Map.of("learning-rate", "0.2");
        Map<String, String> exploring = Map.of("learning-rate", "0.2", "entropy", "50");
        assertTrue(distinct(greedy) < distinct(exploring), distinct(greedy) + " vs " + distinct(exploring));
    }

    private static long distinct(Map<String, String> options) {
        return nb201(new ReinforceSearchStrategy(), 3000, 0, options).trials().subList(200, 300).stream()
                .map(Trial::architecture).distinct().count();
    }

    @Test
    void unknownOrBadOptionsAreUserErrors() {
        assertEquals("unknown option 'random.population' (known: none)", assertThrows(JnasException.class,
                () -> nb201(new RandomSearchStrategy(), 100, 0, Map.of("population", "3"))).getMessage());
        assertEquals("option evolution.population must be at least 1, got 0", assertThrows(JnasException.class,
                () -> nb201(new RegularizedEvolutionSearchStrategy(), 100, 0, Map.of("population", "0"))).getMessage());
        assertEquals("option reinforce.learning-rate: not a number: 'fast'", assertThrows(JnasException.class,
                () -> nb201(new ReinforceSearchStrategy(), 100, 0, Map.of("learning-rate", "fast"))).getMessage());
    }

    @Test
    void aBudgetBelowOneQueryGivesNoTrialsAndNoBest() {
        SearchResult result = nb201(new RegularizedEvolutionSearchStrategy(), 5, 0, Map.of());
        assertTrue(result.trials().isEmpty());
        assertEquals(null, result.best());
    }

    @Test
    void dartsRefusesASampleBasedRunInOneLine() {
        JnasException e = assertThrows(JnasException.class, () -> nb201(new DartsSearchStrategy(), 100, 0, Map.of()));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().contains("only sample-based strategies"), e.getMessage());
    }
}
