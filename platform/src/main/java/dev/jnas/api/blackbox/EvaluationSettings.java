package dev.jnas.api.blackbox;

/**
 * How an evaluator is opened for one run: the seed of its own random choices (which training
 * seed's accuracy a table lookup returns, a training's initialisation) and its options
 * ({@code table=FILE} for the NAS-Bench-201 table).
 *
 * <pre>{@code evaluator.open(space, new EvaluationSettings(seed, Options.of("nb201-table", Map.of())))}</pre>
 *
 * @param seed the seed of the evaluator's random choices
 * @param options the evaluator's options
 */
public record EvaluationSettings(long seed, Options options) {

    public EvaluationSettings {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null (use Options.none)");
        }
    }
}
