package dev.jnas.platform.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import dev.jnas.api.CheckpointState;
import dev.jnas.api.error.DivergenceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A checkpoint is written whole or not at all, and a bad state never replaces a good one. */
class FileCheckpointsTest {

    @TempDir
    Path tmp;

    private static Block model(NDManager manager) {
        Block model = Linear.builder().setUnits(2).build();
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
        return model;
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void aStateWithANonFiniteWeightNeverReplacesTheLastGoodCheckpoint(float bad) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block model = model(manager);
            RunDirectory run = RunDirectory.create(tmp.resolve("run"));
            FileCheckpoints checkpoints = new FileCheckpoints(run, "settings", 0, false, manager);
            checkpoints.save(new CheckpointState(1, 0, Map.of(), List.of()), model, Map.of());
            byte[] good = Files.readAllBytes(run.checkpoint());

            model.getParameters().valueAt(0).getArray().set(new NDIndex("0, 0"), bad);
            DivergenceException e = assertThrows(DivergenceException.class,
                    () -> checkpoints.save(new CheckpointState(2, 0, Map.of(), List.of()), model, Map.of()));
            assertTrue(e.getMessage().contains("is not finite at epoch 3, step 0"), e.getMessage());
            assertTrue(e.getMessage().endsWith("last good checkpoint: " + run.checkpoint() + " (epoch 2, step 0)"),
                    e.getMessage());
            assertArrayEquals(good, Files.readAllBytes(run.checkpoint()), "the good checkpoint is untouched");
            assertEquals(1, FileCheckpoints.peek(run).epoch());
            try (var files = Files.list(run.path())) {
                assertEquals(List.of(run.checkpoint()), files.toList(), "no temporary file is left behind");
            }
        }
    }

    @Test
    void theSavedParametersAreTheModelsOwnBytes() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block model = model(manager);
            RunDirectory run = RunDirectory.create(tmp.resolve("run"));
            new FileCheckpoints(run, "settings", 0, false, manager)
                    .save(new CheckpointState(1, 0, Map.of(), List.of()), model, Map.of());
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            model.saveParameters(new java.io.DataOutputStream(bytes));
            assertArrayEquals(bytes.toByteArray(), FileCheckpoints.savedParameters(run));
        }
    }
}
