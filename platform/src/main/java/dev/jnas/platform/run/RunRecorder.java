package dev.jnas.platform.run;

import dev.jnas.api.EpochReport;
import dev.jnas.api.SearchListener;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DartsSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records a search as it runs: appends each epoch to {@code metrics.jsonl} (flushed at once) and
 * rewrites {@code architecture.json} and, for a DARTS genotype, {@code genotype.json} atomically with
 * the architecture derived so far.
 */
public final class RunRecorder implements SearchListener {

    private final RunDirectory run;
    private final String space;

    /** A recorder for a search of the DARTS space. */
    public RunRecorder(RunDirectory run) {
        this(run, DartsSpace.ID);
    }

    /** @param space the id of the space searched, written to {@code architecture.json} */
    public RunRecorder(RunDirectory run, String space) {
        this.run = run;
        this.space = space;
    }

    /**
     * Keeps the first {@code epochs} lines of {@code metrics.jsonl}: a resumed run drops the epochs
     * its checkpoint does not hold, so none is recorded twice.
     */
    public static void truncateMetrics(RunDirectory run, int epochs) {
        if (!Files.exists(run.metrics())) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(run.metrics(), StandardCharsets.UTF_8);
            if (lines.size() > epochs) {
                String kept = lines.subList(0, epochs).stream().map(l -> l + "\n").collect(Collectors.joining());
                Json.writeAtomically(run.metrics(), kept.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new JnasException("cannot read " + run.metrics() + ": " + Json.describe(e));
        }
    }

    @Override
    public void onEpoch(EpochReport report) {
        Json.appendLine(run.metrics(), report);
        if (report.genotype() != null) {
            Json.write(run.genotype(), report.genotype());
        }
        if (report.architecture() != null) {
            Json.write(run.architecture(), new ArchitectureRecord(space, report.architecture(), null));
        }
    }
}
