package dev.jnas.platform.run;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.EpochReport;
import dev.jnas.api.SearchListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * Records a search as it runs: appends each epoch to {@code metrics.jsonl} (flushed at once) and
 * rewrites {@code genotype.json} atomically with the genotype derived so far.
 */
public final class RunRecorder implements SearchListener {

    private final RunDirectory run;

    public RunRecorder(RunDirectory run) {
        this.run = run;
    }

    @Override
    public void onEpoch(EpochReport report) {
        String line = Json.line(report) + "\n";
        try {
            Files.writeString(run.metrics(), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new JnasException("cannot write " + run.metrics() + ": " + Json.describe(e));
        }
        if (report.genotype() != null) {
            Json.write(run.genotype(), report.genotype());
        }
    }
}
