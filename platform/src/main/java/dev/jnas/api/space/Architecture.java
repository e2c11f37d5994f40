package dev.jnas.api.space;

/**
 * A discrete architecture together with the space it belongs to, so that code which does not know
 * the space can still name it: what a supernet derives from its architecture weights (a
 * {@link Genotype} of {@link DartsSpace}, an {@link Nb201Cell} of {@link Nb201Space}).
 *
 * <pre>{@code Architecture<Nb201Cell> a = new Architecture<>(Nb201Space.INSTANCE, cell); String text = a.text();}</pre>
 *
 * @param space the space
 * @param value the architecture, an immutable value of that space
 * @param <A> the architecture type
 */
public record Architecture<A>(DiscreteSpace<A> space, A value) {

    public Architecture {
        if (space == null || value == null) {
            throw new IllegalArgumentException("an architecture needs a space and a value");
        }
    }

    /** The canonical text of the architecture in its space ({@link DiscreteSpace#format}). */
    public String text() {
        return space.format(value);
    }

    /** The id of the space, {@code darts} or {@code nb201}. */
    public String spaceId() {
        return space.id();
    }

    /** The canonical text. */
    @Override
    public String toString() {
        return text();
    }
}
