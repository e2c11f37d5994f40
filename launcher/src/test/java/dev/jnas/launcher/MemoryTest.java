package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.jnas.api.HypergradientEstimator;
import dev.jnas.api.Operation;
import dev.jnas.api.SearchStrategy;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.data.SearchData;
import dev.jnas.api.SearchListener;
import dev.jnas.api.SearchSettings;
import dev.jnas.api.StepProgress;
import dev.jnas.platform.data.DatasetSource;
import dev.jnas.platform.data.Datasets;
import dev.jnas.platform.plugin.Extensions;
import dev.jnas.platform.run.FileCheckpoints;
import dev.jnas.platform.run.RunDirectory;
import dev.jnas.platform.search.DefaultSearchContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every per-step array is freed: the live arrays of the run's manager stay flat step after step,
 * checkpoints (every 5 steps and at epoch ends) included.
 */
class MemoryTest {

    @TempDir
    Path tmp;

    @Test
    void liveArraysDoNotGrowFromStepToStep() {
        Engine engine = EngineSupport.start(1);
        SearchData data = Datasets.load(DatasetSource.sample(), DatasetInfo.FASHION_MNIST, 1, 0.5, 320);
        SearchSettings settings = SearchSettings.darts("fashion-mnist", 1).withSize(2, 8, 2, 3);
        List<Integer> live = new ArrayList<>();
        Extensions plugins = Extensions.load(Path.of(System.getProperty("jnas.home")).resolve("plugins"));
        NDManager manager = engine.newBaseManager();
        SearchListener counter = new SearchListener() {
            @Override
            public void onStep(StepProgress progress) {
                live.add(manager.getManagedArrays().size());
            }
        };
        try (DefaultSearchContext context = new DefaultSearchContext(settings, data,
                plugins.byId(Operation.class), plugins.get(HypergradientEstimator.class, "first-order"),
                List.of(), counter, tmp, manager,
                new FileCheckpoints(RunDirectory.create(tmp.resolve("run")), "test", 5, false, manager))) {
            plugins.get(SearchStrategy.class, "darts").search(context);
        }
        assertEquals(40, live.size(), "two epochs of 20 steps");
        int settled = live.get(0);
        assertTrue(settled > 0, "the model's arrays are counted");
        for (int i = 1; i < live.size(); i++) {
            assertEquals(settled, live.get(i), "live arrays after step " + (i + 1) + ": " + live);
        }
    }
}
