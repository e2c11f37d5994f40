package dev.jnas.platform.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.jnas.api.CheckpointState;
import dev.jnas.api.Checkpoints;
import dev.jnas.api.error.DivergenceException;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.optim.ParameterOptimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in a run directory: {@code checkpoint.bin}, rewritten atomically. A checkpoint
 * carries the fingerprint of the run's settings and is refused by a run with other settings.
 */
public final class FileCheckpoints implements Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(FileCheckpoints.class);

    private final Path file;
    private final String fingerprint;
    private final int interval;
    private final boolean resume;
    private final NDManager manager;
    private String lastSaved = "none";

    /**
     * @param fingerprint identifies the settings a checkpoint belongs to
     * @param interval steps between checkpoints inside an epoch (0: epoch ends only)
     * @param resume whether {@link #restore} loads the existing checkpoint
     * @param manager the manager restored arrays belong to
     */
    public FileCheckpoints(RunDirectory run, String fingerprint, int interval, boolean resume, NDManager manager) {
        if (interval < 0) {
            throw new JnasException("checkpoint interval must be zero (epoch ends only) or positive, got " + interval);
        }
        this.file = run.checkpoint();
        this.fingerprint = fingerprint;
        this.interval = interval;
        this.resume = resume;
        this.manager = manager;
    }

    /** A fingerprint of settings: the SHA-256 of their JSON form. */
    public static String fingerprint(Object settings) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Json.COMPACT.writeValueAsBytes(settings));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint settings", e);
        }
    }

    /**
     * Checks, before a resumed run builds anything, that its checkpoint is complete and belongs
     * to these settings.
     *
     * @return the saved progress
     */
    public static CheckpointState check(RunDirectory run, String fingerprint) {
        if (!Files.isRegularFile(run.checkpoint())) {
            throw new JnasException("run directory " + run.path() + " has no checkpoint to resume from");
        }
        CheckpointFile.Header header = CheckpointFile.header(run.checkpoint());
        if (!fingerprint.equals(header.fingerprint())) {
            throw new JnasException("checkpoint " + run.checkpoint() + " was written with other settings than "
                    + run.config() + "; refusing to resume from it");
        }
        return header.state();
    }

    /** The progress recorded in a run's checkpoint, read without loading it. */
    public static CheckpointState peek(RunDirectory run) {
        return CheckpointFile.header(run.checkpoint()).state();
    }

    /**
     * The model's parameters in a run's checkpoint, bytes as DJL saves them (weights, α, BatchNorm
     * statistics), to compare two runs' states exactly.
     */
    public static byte[] savedParameters(RunDirectory run) {
        return CheckpointFile.parameters(run.checkpoint());
    }

    @Override
    public int interval() {
        return interval;
    }

    @Override
    public void save(CheckpointState state, Block model, Map<String, ParameterOptimizer> optimizers) {
        String where = "epoch " + (state.epoch() + 1) + ", step " + state.step();
        requireFinite(model, where);
        try {
            Json.writeAtomically(file, CheckpointFile.encode(fingerprint, state, model, optimizers));
        } catch (IOException e) {
            throw new JnasException("cannot write checkpoint " + file + ": " + Json.describe(e));
        }
        lastSaved = file + " (" + where + ")";
        LOG.info("checkpoint written: {}", lastSaved);
    }

    private void requireFinite(Block model, String where) {
        try (NDScope scope = new NDScope()) {
            for (Pair<String, Parameter> p : model.getParameters()) {
                NDArray a = p.getValue().getArray();
                if (a.isNaN().any().getBoolean() || a.isInfinite().any().getBoolean()) {
                    throw new DivergenceException("parameter " + p.getKey() + " is not finite at " + where
                            + "; last good checkpoint: " + lastSaved);
                }
            }
            scope.suppressNotUsedWarning();
        }
    }

    @Override
    public Optional<CheckpointState> restore(Block model, Map<String, ParameterOptimizer> optimizers) {
        if (!resume) {
            return Optional.empty();
        }
        CheckpointFile.Header header = CheckpointFile.read(file, manager, model, optimizers);
        if (!fingerprint.equals(header.fingerprint())) {
            throw new JnasException("checkpoint " + file + " was written with other settings; refusing to resume");
        }
        CheckpointState state = header.state();
        lastSaved = file + " (epoch " + (state.epoch() + 1) + ", step " + state.step() + ")";
        LOG.info("resumed from {}", lastSaved);
        return Optional.of(state);
    }

    @Override
    public String lastSaved() {
        return lastSaved;
    }
}
