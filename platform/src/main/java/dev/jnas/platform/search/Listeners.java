package dev.jnas.platform.search;

import dev.jnas.api.EpochReport;
import dev.jnas.api.SearchListener;
import dev.jnas.api.StepProgress;
import dev.jnas.api.blackbox.Trial;
import java.util.List;

/** Combines listeners: each event goes to all of them, in order. */
public final class Listeners {

    private Listeners() {
    }

    public static SearchListener of(List<SearchListener> listeners) {
        List<SearchListener> all = List.copyOf(listeners);
        return new SearchListener() {
            @Override
            public void onStart(int epochs, int stepsPerEpoch) {
                all.forEach(l -> l.onStart(epochs, stepsPerEpoch));
            }

            @Override
            public void onStep(StepProgress progress) {
                all.forEach(l -> l.onStep(progress));
            }

            @Override
            public void onEpoch(EpochReport report) {
                all.forEach(l -> l.onEpoch(report));
            }

            @Override
            public void onTrial(Trial trial) {
                all.forEach(l -> l.onTrial(trial));
            }
        };
    }
}
