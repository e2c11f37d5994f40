package dev.jnas.platform.run;

import dev.jnas.api.error.JnasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A run's directory and the names of the files in it: {@code config.json} (how to repeat the run),
 * {@code metrics.jsonl} (one object per epoch), {@code architecture.json} and, in the DARTS space,
 * {@code genotype.json} (a search's result so far),
 * {@code result.json} and {@code weights.params} (a training run's final result and weights), {@code checkpoint.bin} (the state to resume
 * from) and {@code jnas.log} (library logs).
 */
public record RunDirectory(Path path) {

    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String GENOTYPE = "genotype.json";
    public static final String ARCHITECTURE = "architecture.json";
    public static final String RESULT = "result.json";
    public static final String LOG = "jnas.log";
    public static final String CHECKPOINT = "checkpoint.bin";
    public static final String WEIGHTS = "weights.params";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** A fresh directory name under {@code parent}: {@code <kind>-<date>-<time>[-n]}. */
    public static Path fresh(Path parent, String kind) {
        String base = kind + "-" + LocalDateTime.now().format(STAMP);
        Path candidate = parent.resolve(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = parent.resolve(base + "-" + n);
        }
        return candidate;
    }

    /**
     * Creates the directory (and parents) and checks it can be written. A directory that already
     * holds a run is refused, so nothing written before is lost.
     */
    public static RunDirectory create(Path path) {
        if (Files.exists(path.resolve(CONFIG)) || Files.exists(path.resolve(METRICS))) {
            throw new JnasException("output directory " + path + " already holds a run; choose another --output");
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new JnasException("output directory " + path + " is a file");
        }
        try {
            Files.createDirectories(path);
            Path probe = Files.createTempFile(path, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new JnasException("output directory " + path + " cannot be written: " + Json.describe(e));
        }
        return new RunDirectory(path);
    }

    public Path config() {
        return path.resolve(CONFIG);
    }

    public Path metrics() {
        return path.resolve(METRICS);
    }

    public Path genotype() {
        return path.resolve(GENOTYPE);
    }

    /** A search's derived architecture in any space ({@link ArchitectureRecord}). */
    public Path architecture() {
        return path.resolve(ARCHITECTURE);
    }

    public Path checkpoint() {
        return path.resolve(CHECKPOINT);
    }

    public Path result() {
        return path.resolve(RESULT);
    }

    /** A trained network's final parameters (DJL's parameter format). */
    public Path weights() {
        return path.resolve(WEIGHTS);
    }

    public Path log() {
        return path.resolve(LOG);
    }
}
