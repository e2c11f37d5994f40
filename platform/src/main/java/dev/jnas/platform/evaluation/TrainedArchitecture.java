package dev.jnas.platform.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DartsSpace;
import dev.jnas.api.space.Genotype;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.api.space.Nb201Space;
import dev.jnas.platform.run.ArchitectureRecord;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The architecture {@code jnas train} trains: a DARTS genotype or a NAS-Bench-201 cell, as a user
 * names it ({@link #resolve}) and as a run's {@code config.json} keeps it.
 *
 * @param space {@code darts} or {@code nb201}
 * @param genotype the DARTS genotype; {@code null} for a NAS-Bench-201 cell
 * @param cell the NAS-Bench-201 string; {@code null} for a DARTS genotype
 */
public record TrainedArchitecture(
        @JsonProperty("space") String space,
        @JsonProperty("genotype") @JsonInclude(JsonInclude.Include.NON_NULL) Genotype genotype,
        @JsonProperty("cell") @JsonInclude(JsonInclude.Include.NON_NULL) String cell) {

    public TrainedArchitecture {
        if (DartsSpace.ID.equals(space) ? genotype == null || cell != null
                : !Nb201Space.ID.equals(space) || cell == null || genotype != null) {
            throw new JnasException("an architecture is a DARTS genotype or a NAS-Bench-201 cell, got space " + space);
        }
    }

    /** A DARTS genotype. */
    public static TrainedArchitecture of(Genotype genotype) {
        return new TrainedArchitecture(DartsSpace.ID, genotype, null);
    }

    /** A NAS-Bench-201 cell. */
    public static TrainedArchitecture of(Nb201Cell cell) {
        return new TrainedArchitecture(Nb201Space.ID, null, cell.format());
    }

    /**
     * An architecture from its space's text ({@link #text()}): a genotype's compact JSON in the DARTS
     * space of sample-based search, a NAS-Bench-201 string.
     *
     * @throws JnasException for an unknown space or a text that is no architecture of it
     */
    public static TrainedArchitecture parse(String space, String text) {
        return switch (space) {
            case DartsSpace.ID -> of(DartsSpace.INSTANCE.parse(text));
            case Nb201Space.ID -> of(Nb201Cell.parse(text));
            default -> throw new JnasException("unknown space '" + space + "' (known: darts, nb201)");
        };
    }

    /**
     * The architecture a user names: a NAS-Bench-201 string ({@code |nor_conv_3x3~0|+...}), the run
     * directory of a NAS-Bench-201 search (its {@code architecture.json}), or a DARTS genotype as
     * {@link Genotypes#resolve} finds it (a built-in name, a {@code genotype.json}, a DARTS search's run directory).
     *
     * @throws JnasException with one line naming what does not parse or is missing
     */
    public static TrainedArchitecture resolve(String text, Collection<String> knownOperations) {
        if (text.startsWith("|")) {
            return of(Nb201Cell.parse(text));
        }
        Path dir = directory(text);
        if (dir != null && !Files.exists(dir.resolve(RunDirectory.GENOTYPE))
                && Files.isRegularFile(dir.resolve(RunDirectory.ARCHITECTURE))) {
            Path file = dir.resolve(RunDirectory.ARCHITECTURE);
            ArchitectureRecord record = Json.read(file, ArchitectureRecord.class, "architecture");
            if (!Nb201Space.ID.equals(record.space()) || record.architecture() == null) {
                throw new JnasException("bad architecture file " + file + ": no NAS-Bench-201 cell in it");
            }
            return parse(Nb201Space.ID, record.architecture());
        }
        return of(Genotypes.resolve(text, knownOperations));
    }

    private static Path directory(String text) {
        try {
            Path path = Path.of(text);
            return Files.isDirectory(path) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The architecture as its space's canonical text: the genotype's compact JSON, the NAS-Bench-201 string. */
    public String text() {
        return genotype != null ? DartsSpace.INSTANCE.format(genotype) : cell;
    }
}
