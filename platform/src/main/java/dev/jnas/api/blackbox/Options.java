package dev.jnas.api.blackbox;

import dev.jnas.api.error.JnasException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * String options of one strategy or evaluator ({@code population=20}, {@code table=FILE}), as
 * given on the command line ({@code --option evolution.population=20}), read with a type and a
 * default. Every problem is a {@link JnasException} naming the option as the user wrote it.
 *
 * <pre>{@code
 * options.requireOnly(List.of("population", "sample-size"));
 * int population = options.integer("population", 10);
 * }</pre>
 *
 * @param owner the id of the strategy or evaluator they are for, which prefixes them in messages
 * @param values the options by key
 */
public record Options(String owner, Map<String, String> values) {

    public Options {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** No options for {@code owner}. */
    public static Options none(String owner) {
        return new Options(owner, Map.of());
    }

    /** Fails if an option is not one of {@code known}. */
    public Options requireOnly(Collection<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new JnasException("unknown option '" + owner + "." + key + "' (known: "
                        + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known.stream()
                        .map(k -> owner + "." + k).toList()))) + ")");
            }
        }
        return this;
    }

    /** The value of {@code key}, if given. */
    public Optional<String> string(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** An integer option at least {@code min}, or {@code fallback} when absent. */
    public int integer(String key, int fallback, int min) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new JnasException("option " + owner + "." + key + ": not an integer: '" + text + "'");
        }
        if (value < min) {
            throw new JnasException("option " + owner + "." + key + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** A finite number in {@code [min, max]}, or {@code fallback} when absent. */
    public double real(String key, double fallback, double min, double max) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new JnasException("option " + owner + "." + key + ": not a number: '" + text + "'");
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new JnasException("option " + owner + "." + key + " must lie in [" + min + ", " + max + "], got " + text);
        }
        return value;
    }
}
