package dev.jnas.platform.run;

import dev.jnas.api.EpochReport;
import dev.jnas.api.SearchListener;

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
        Json.appendLine(run.metrics(), report);
        if (report.genotype() != null) {
            Json.write(run.genotype(), report.genotype());
        }
    }
}
