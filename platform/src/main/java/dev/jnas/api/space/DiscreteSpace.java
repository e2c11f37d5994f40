package dev.jnas.api.space;

import dev.jnas.api.error.JnasException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * An architecture space as sample-based strategies (random search, evolution, reinforcement
 * learning) see it: an architecture is a fixed list of <em>decisions</em>, decision {@code i}
 * choosing one of {@code choices().get(i)} categories. Strategies are written against this
 * interface only, never against a particular space.
 *
 * <p>Every vector of in-range category indices decodes to a valid architecture, so a policy that
 * picks each decision independently (REINFORCE) never proposes an invalid one. Architectures are
 * immutable values; {@link #format} and {@link #parse} give their canonical text, which is how
 * results and histories name them.
 *
 * <pre>{@code
 * DiscreteSpace<Nb201Cell> space = Nb201Space.INSTANCE;
 * Nb201Cell parent = space.sample(random);
 * Nb201Cell child = space.mutate(parent, random);
 * }</pre>
 *
 * @param <A> the architecture type
 */
public interface DiscreteSpace<A> {

    /** The stable id used on the command line: {@code nb201}, {@code darts}. */
    String id();

    /** The number of categories of each decision; the list's size is the number of decisions. */
    List<Integer> choices();

    /** The decisions of an architecture, as category indices. */
    int[] encode(A architecture);

    /**
     * The architecture with these decisions.
     *
     * @throws IllegalArgumentException if the vector has the wrong length or an index is out of range
     */
    A decode(int[] decisions);

    /** The canonical text of an architecture; {@link #parse} reads it back to an equal value. */
    String format(A architecture);

    /**
     * Reads an architecture from its canonical text.
     *
     * @throws JnasException with a one-line message quoting the text if it is not one
     */
    A parse(String text);

    /** An architecture drawn uniformly: every decision independently and uniformly. */
    default A sample(RandomGenerator random) {
        List<Integer> choices = choices();
        int[] decisions = new int[choices.size()];
        for (int i = 0; i < decisions.length; i++) {
            decisions[i] = random.nextInt(choices.get(i));
        }
        return decode(decisions);
    }

    /**
     * A neighbour of {@code architecture}: one decision, drawn uniformly among those with more
     * than one category, changed to another category drawn uniformly. Spaces whose papers
     * prescribe another rule override it.
     */
    default A mutate(A architecture, RandomGenerator random) {
        int[] decisions = encode(architecture);
        List<Integer> choices = choices();
        int open = 0;
        for (int c : choices) {
            open += c > 1 ? 1 : 0;
        }
        if (open == 0) {
            return architecture;
        }
        int pick = random.nextInt(open);
        for (int i = 0; i < decisions.length; i++) {
            if (choices.get(i) > 1 && pick-- == 0) {
                decisions[i] = other(decisions[i], choices.get(i), random);
                break;
            }
        }
        return decode(decisions);
    }

    /** A category of {@code 0..count-1} other than {@code current}, drawn uniformly. */
    static int other(int current, int count, RandomGenerator random) {
        int next = random.nextInt(count - 1);
        return next >= current ? next + 1 : next;
    }

    /**
     * The built-in space with this id.
     *
     * @throws JnasException for an unknown id, listing the known ones
     */
    static DiscreteSpace<?> byId(String id) {
        Map<String, Supplier<DiscreteSpace<?>>> known = new TreeMap<>();
        known.put(Nb201Space.ID, () -> Nb201Space.INSTANCE);
        known.put(DartsSpace.ID, () -> DartsSpace.INSTANCE);
        Supplier<DiscreteSpace<?>> space = known.get(id);
        if (space == null) {
            throw new JnasException("unknown space '" + id + "' (known: " + String.join(", ", known.keySet()) + ")");
        }
        return space.get();
    }
}
