package dev.jnas.api.blackbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jnas.api.error.JnasException;
import java.util.Locale;

/**
 * How much a sample-based search may spend, and in what: seconds (simulated or wall-clock, as
 * the evaluator reports them) or images processed by its trainings. Every evaluation is charged
 * its {@link Evaluation#seconds()} or its {@link Evaluation#images()}; the {@link TrialLog}
 * applies the same rule to both.
 *
 * <pre>{@code
 * Budget.seconds(12000);        // NAS-Bench-201's simulated budget
 * Budget.images(2_000_000);     // as many training images as a DARTS search processed
 * }</pre>
 *
 * @param amount the total the search may spend; positive and finite
 * @param unit what it is counted in
 */
public record Budget(@JsonProperty("amount") double amount, @JsonProperty("unit") Unit unit) {

    /** What a budget counts. */
    public enum Unit {
        /** The evaluations' seconds. */
        SECONDS("s"),
        /** The images the evaluations' trainings passed forward and backward. */
        IMAGES("images");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        /** The unit as it is written after an amount: {@code s} or {@code images}. */
        public String symbol() {
            return symbol;
        }

        /** What {@code evaluation} costs in this unit. */
        public double cost(Evaluation evaluation) {
            return this == SECONDS ? evaluation.seconds() : evaluation.images();
        }
    }

    public Budget {
        if (unit == null) {
            throw new IllegalArgumentException("a budget needs a unit");
        }
        if (!(amount > 0) || !Double.isFinite(amount)) {
            throw new JnasException("budget must be a positive number of " + (unit == Unit.SECONDS ? "seconds"
                    : "images") + ", got " + amount);
        }
    }

    /** A budget of {@code seconds}. */
    public static Budget seconds(double seconds) {
        return new Budget(seconds, Unit.SECONDS);
    }

    /** A budget of {@code images} processed. */
    public static Budget images(double images) {
        return new Budget(images, Unit.IMAGES);
    }

    /** What {@code evaluation} costs against this budget. */
    public double cost(Evaluation evaluation) {
        return unit.cost(evaluation);
    }

    /** The budget as a person reads it: {@code 12000 s}, {@code 1,200,000 images}. */
    @Override
    public String toString() {
        return unit == Unit.SECONDS ? String.format(Locale.ROOT, "%s s", trim(amount))
                : String.format(Locale.ROOT, "%,.0f images", amount);
    }

    /** Whole seconds as an integer, others to a tenth: a message reads 122 s or 121.9 s, not 121.883603417 s. */
    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.1f", v);
    }
}
