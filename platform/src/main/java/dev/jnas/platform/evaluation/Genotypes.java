package dev.jnas.platform.evaluation;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.Genotype;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.run.RunDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Finds the genotype a user names: a built-in one ({@code darts-v1}, {@code darts-v2}: the DARTS
 * paper's cells, {@code DARTS_V1} and {@code DARTS_V2} of its {@code genotypes.py}, shipped as JSON
 * resources), a {@code genotype.json} file such as {@code jnas search} writes, or a search's run
 * directory holding one. Every genotype is checked against the available operations.
 *
 * <pre>{@code Genotype g = Genotypes.resolve("runs/search-20250101-120000", operations.keySet());}</pre>
 */
public final class Genotypes {

    /** The names of the built-in genotypes. */
    public static final List<String> BUILT_IN = List.of("darts-v1", "darts-v2");

    private static final String RESOURCES = "/dev/jnas/genotypes/";

    private Genotypes() {
    }

    /**
     * The genotype of a built-in name, a genotype file, or a run directory's {@code genotype.json}.
     *
     * @param knownOperations the ids of the available operations
     * @throws JnasException with one line naming the name or file and the problem: an unknown
     *     name, a missing or unreadable file, invalid JSON, an unknown operation, an edge from a
     *     state that does not exist, a wrong number of edges
     */
    public static Genotype resolve(String nameOrFile, Collection<String> knownOperations) {
        List<String> known = List.copyOf(knownOperations);
        if (BUILT_IN.contains(nameOrFile)) {
            return builtIn(nameOrFile).validate(known);
        }
        Path file = pathOf(nameOrFile);
        if (Files.isDirectory(file)) {
            file = file.resolve(RunDirectory.GENOTYPE);
        } else if (!Files.exists(file) && !nameOrFile.contains("/") && !nameOrFile.endsWith(".json")) {
            throw new JnasException("unknown genotype '" + nameOrFile + "' (built-in: " + String.join(", ", BUILT_IN)
                    + "; or the path of a genotype.json file)");
        }
        Genotype genotype = Json.read(file, Genotype.class, "genotype");
        try {
            return genotype.validate(known);
        } catch (JnasException e) {
            throw new JnasException("bad genotype file " + file + ": " + e.getMessage().replaceFirst("^genotype: ", ""));
        }
    }

    /**
     * A built-in genotype.
     *
     * @throws JnasException for an unknown name
     */
    public static Genotype builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new JnasException("unknown genotype '" + name + "' (built-in: " + String.join(", ", BUILT_IN) + ")");
        }
        try (InputStream in = Genotypes.class.getResourceAsStream(RESOURCES + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("built-in genotype " + name + " is not on the classpath");
            }
            return Json.PRETTY.readValue(in, Genotype.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in genotype " + name, e);
        }
    }

    private static Path pathOf(String nameOrFile) {
        try {
            return Path.of(nameOrFile);
        } catch (InvalidPathException e) {
            throw new JnasException("unknown genotype '" + nameOrFile + "': not a built-in name nor a file path");
        }
    }
}
