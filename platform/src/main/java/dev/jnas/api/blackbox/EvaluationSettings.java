package dev.jnas.api.blackbox;

/**
 * How an evaluator is opened for one run: the seed of its own random choices (which training
 * seed's accuracy a table lookup returns, a training's initialisation), its options
 * ({@code table=FILE} for the NAS-Bench-201 table, {@code epochs=2} for {@code train}) and the
 * runner that executes trainings for evaluators that train.
 *
 * <pre>{@code evaluator.open(space, new EvaluationSettings(seed, Options.none("nb201-table")))}</pre>
 *
 * @param seed the seed of the evaluator's random choices
 * @param options the evaluator's options
 * @param trials where trainings run ({@link TrialRunner#NONE} when the command runs none)
 */
public record EvaluationSettings(long seed, Options options, TrialRunner trials) {

    public EvaluationSettings {
        if (options == null || trials == null) {
            throw new IllegalArgumentException("options and trials must not be null (use Options.none, TrialRunner.NONE)");
        }
    }

    /** Settings for an evaluator that runs no trainings. */
    public EvaluationSettings(long seed, Options options) {
        this(seed, options, TrialRunner.NONE);
    }
}
