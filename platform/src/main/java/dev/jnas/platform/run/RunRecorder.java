package dev.jnas.platform.run;

import dev.jnas.api.EpochReport;
import dev.jnas.api.SearchListener;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DartsSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
     * Makes {@code metrics.jsonl} hold exactly the epochs a resumed run's checkpoint finished: lines
     * past them are dropped, so none is recorded twice, and a file that lost lines is rewritten from
     * the checkpoint's own records of those epochs.
     *
     * @param finished the finished epochs' reports kept in the checkpoint, in order
     */
    public static void resumeMetrics(RunDirectory run, List<?> finished) {
        try {
            List<String> lines = Files.exists(run.metrics())
                    ? Files.readAllLines(run.metrics(), StandardCharsets.UTF_8) : List.of();
            if (lines.size() == finished.size()) {
                return;
            }
            List<String> kept = lines.size() > finished.size() ? lines.subList(0, finished.size())
                    : finished.stream().map(Json::line).toList();
            String text = kept.stream().map(l -> l + "\n").collect(Collectors.joining());
            Json.writeAtomically(run.metrics(), text.getBytes(StandardCharsets.UTF_8));
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
