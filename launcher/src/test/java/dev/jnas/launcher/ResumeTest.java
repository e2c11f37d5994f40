package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnas.api.CheckpointState;
import dev.jnas.platform.run.FileCheckpoints;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search killed with SIGKILL in the middle of an epoch and resumed ends bit-identical to an
 * uninterrupted run with the same seed; bad resumes are refused and lose nothing.
 */
class ResumeTest {

    private static final List<String> SEARCH = List.of("search", "--epochs", "2", "--batch-size", "8", "-C", "2",
            "--cells", "3", "--train-limit", "160", "--seed", "3", "--threads", "1", "--checkpoint-every", "2");

    @TempDir
    Path tmp;

    /** Starts {@code jnas} in a child JVM with this test's class path. */
    private Process start(Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", "-Djnas.home=" + System.getProperty("jnas.home"),
                "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "dev.jnas.launcher.Main"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private int runToEnd(Path log, List<String> args) throws Exception {
        Process p = start(log, args);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child did not finish");
        return p.exitValue();
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static final List<String> TRAIN = List.of("train", "--genotype", "darts-v2", "--epochs", "2",
            "--batch-size", "8", "-C", "2", "--cells", "3", "--train-limit", "96", "--seed", "5", "--threads", "1",
            "--checkpoint-every", "2");

    /**
     * Runs {@code args} to the end into {@code whole}; runs it again into {@code killed}, kills that
     * child with SIGKILL at its first mid-epoch checkpoint and resumes it to the end.
     */
    private void runWholeAndKilled(List<String> args, Path whole, Path killed) throws Exception {
        assertEquals(0, runToEnd(tmp.resolve("whole.log"), with(args, "--output", whole.toString())),
                () -> read(tmp.resolve("whole.log")));
        RunDirectory run = new RunDirectory(killed);
        Process child = start(tmp.resolve("killed.log"), with(args, "--output", killed.toString()));
        CheckpointState atKill = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (atKill == null && child.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(run.checkpoint())) {
                CheckpointState state = FileCheckpoints.peek(run);
                if (state.step() > 0) {
                    child.destroyForcibly();
                    atKill = state;
                }
            }
            Thread.sleep(10);
        }
        assertTrue(child.waitFor(1, TimeUnit.MINUTES));
        assertTrue(atKill != null, "no mid-epoch checkpoint before the child ended: " + read(tmp.resolve("killed.log")));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertTrue(atKill.step() > 0 && atKill.epoch() < 2, "killed in the middle of an epoch: " + atKill);
        CheckpointState onDisk = FileCheckpoints.peek(run);
        assertTrue(onDisk.epoch() < 2, "the run was not over when it was killed: " + onDisk);
        assertEquals(0, runToEnd(tmp.resolve("resumed.log"), List.of(args.get(0), "--resume", killed.toString(),
                "--threads", "1")), () -> read(tmp.resolve("resumed.log")));
        String where = "(epoch " + (onDisk.epoch() + 1) + ", step " + onDisk.step() + ")";
        assertTrue(read(run.log()).contains("resumed from " + run.checkpoint() + " " + where),
                () -> "the resumed run did not continue from the checkpoint " + where + ": " + read(run.log()));
    }

    @Test
    void aKilledSearchResumesBitIdentical() throws Exception {
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        runWholeAndKilled(SEARCH, whole, killed);
        List<String> expected = Files.readAllLines(whole.resolve("metrics.jsonl"));
        List<String> actual = Files.readAllLines(killed.resolve("metrics.jsonl"));
        assertEquals(2, expected.size());
        assertEquals(2, actual.size(), "each epoch recorded once");
        for (int i = 0; i < 2; i++) {
            JsonNode a = Json.PRETTY.readTree(expected.get(i));
            JsonNode b = Json.PRETTY.readTree(actual.get(i));
            assertEquals(a.get("alphas"), b.get("alphas"), "alphas of epoch " + (i + 1));
            assertEquals(a.get("genotype"), b.get("genotype"));
            assertEquals(a.get("train_loss"), b.get("train_loss"));
            assertEquals(a.get("valid_accuracy"), b.get("valid_accuracy"));
        }
        assertArrayEquals(Files.readAllBytes(whole.resolve("genotype.json")),
                Files.readAllBytes(killed.resolve("genotype.json")));
        assertArrayEquals(FileCheckpoints.savedParameters(new RunDirectory(whole)),
                FileCheckpoints.savedParameters(new RunDirectory(killed)),
                "the final raw alphas, weights and BatchNorm statistics are bit-identical");
    }

    @Test
    void aKilledNb201SearchResumesBitIdentical() throws Exception {
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        runWholeAndKilled(List.of("search", "--space", "nb201", "--epochs", "2", "--batch-size", "8", "-C", "2",
                "--cells", "1", "--train-limit", "160", "--seed", "3", "--threads", "1", "--checkpoint-every", "2"),
                whole, killed);
        List<String> expected = Files.readAllLines(whole.resolve("metrics.jsonl"));
        List<String> actual = Files.readAllLines(killed.resolve("metrics.jsonl"));
        assertEquals(2, actual.size(), "each epoch recorded once");
        for (int i = 0; i < 2; i++) {
            JsonNode a = Json.PRETTY.readTree(expected.get(i));
            JsonNode b = Json.PRETTY.readTree(actual.get(i));
            assertEquals(a.get("alphas"), b.get("alphas"), "alphas of epoch " + (i + 1));
            assertEquals(a.get("architecture"), b.get("architecture"));
            assertEquals(a.get("train_loss"), b.get("train_loss"));
        }
        assertArrayEquals(Files.readAllBytes(whole.resolve("architecture.json")),
                Files.readAllBytes(killed.resolve("architecture.json")));
    }

    @Test
    void aKilledTrainingResumesToTheSameFinalWeights() throws Exception {
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        runWholeAndKilled(TRAIN, whole, killed);
        assertArrayEquals(Files.readAllBytes(whole.resolve("weights.params")),
                Files.readAllBytes(killed.resolve("weights.params")), "final weights");
        List<String> expected = Files.readAllLines(whole.resolve("metrics.jsonl"));
        List<String> actual = Files.readAllLines(killed.resolve("metrics.jsonl"));
        assertEquals(2, actual.size(), "each epoch recorded once");
        for (int i = 0; i < 2; i++) {
            JsonNode a = Json.PRETTY.readTree(expected.get(i));
            JsonNode b = Json.PRETTY.readTree(actual.get(i));
            for (String field : List.of("train_loss", "train_accuracy", "test_loss", "test_accuracy", "images")) {
                assertEquals(a.get(field), b.get(field), field + " of epoch " + (i + 1));
            }
        }
        JsonNode result = Json.PRETTY.readTree(killed.resolve("result.json").toFile());
        assertEquals(Json.PRETTY.readTree(whole.resolve("result.json").toFile()).get("test_accuracy"),
                result.get("test_accuracy"));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Test
    void badResumesAreRefusedAndLoseNothing() throws Exception {
        Cli notARun = Cli.run("search", "--resume", tmp.toString());
        assertEquals(2, notARun.exitCode());
        assertTrue(notARun.errorLine().contains("not a jnas run directory"), notARun.err());

        Path dir = tmp.resolve("run");
        Cli first = Cli.run("search", "--epochs", "1", "--batch-size", "8", "-C", "2", "--cells", "3",
                "--train-limit", "48", "--output", dir.toString());
        assertEquals(0, first.exitCode(), first.err());
        RunDirectory run = new RunDirectory(dir);
        byte[] good = Files.readAllBytes(run.checkpoint());

        Cli withOptions = Cli.run("search", "--resume", dir.toString(), "--epochs", "3");
        assertEquals(2, withOptions.exitCode());
        assertTrue(withOptions.errorLine().contains("drop --epochs"), withOptions.err());

        Files.write(run.checkpoint(), java.util.Arrays.copyOf(good, good.length / 2));
        Cli truncated = Cli.run("search", "--resume", dir.toString());
        assertEquals(2, truncated.exitCode());
        assertTrue(truncated.errorLine().contains("truncated or corrupt"), truncated.err());
        Files.write(run.checkpoint(), good);

        String config = Files.readString(run.config());
        Files.writeString(run.config(), config.replace("\"epochs\" : 1", "\"epochs\" : 4"));
        Cli incompatible = Cli.run("search", "--resume", dir.toString());
        assertEquals(2, incompatible.exitCode());
        assertTrue(incompatible.errorLine().contains("other settings"), incompatible.err());
        assertArrayEquals(good, Files.readAllBytes(run.checkpoint()));
        Files.writeString(run.config(), config);

        Cli trainOnSearch = Cli.run("train", "--resume", dir.toString());
        assertEquals(2, trainOnSearch.exitCode());
        assertTrue(trainOnSearch.errorLine().contains(dir.toString()), trainOnSearch.err());

        Cli finished = Cli.run("search", "--resume", dir.toString());
        assertEquals(0, finished.exitCode(), finished.err());
        assertEquals(1, Files.readAllLines(run.metrics()).size());
    }

    @Test
    void aDivergingSearchStopsWithExitCode3AndKeepsTheLastGoodCheckpoint() throws Exception {
        Path dir = tmp.resolve("diverged");
        Cli r = Cli.run("search", "--epochs", "1", "--batch-size", "8", "-C", "2", "--cells", "3", "--train-limit", "80",
                "--learning-rate", "1e38", "--checkpoint-every", "1", "--output", dir.toString());
        assertEquals(3, r.exitCode(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        String line = lines.get(lines.size() - 1);
        assertTrue(line.startsWith("jnas: the ") && line.contains("loss is"), r.err());
        assertTrue(line.contains("step"), line);
        assertTrue(line.contains("last good checkpoint: " + dir.resolve("checkpoint.bin")), line);
        CheckpointState kept = FileCheckpoints.peek(new RunDirectory(dir));
        assertFalse(kept.step() == 0 && kept.epoch() == 0, "a checkpoint was written before the divergence");
    }

    @Test
    void aDivergingTrainingStopsWithExitCode3AndNamesTheStepAndTheLastGoodCheckpoint() throws Exception {
        Path dir = tmp.resolve("diverged-train");
        Cli r = Cli.run("train", "--epochs", "1", "--batch-size", "8", "-C", "2", "--cells", "3", "--train-limit", "64",
                "--learning-rate", "1e38", "--checkpoint-every", "1", "--output", dir.toString());
        assertEquals(3, r.exitCode(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(2, lines.size(), "the start line, then the failure in one line:\n" + r.err());
        assertTrue(lines.get(0).startsWith("jnas: training darts-v2"), r.err());
        String line = lines.get(1);
        Matcher m = Pattern.compile("jnas: the training loss is (NaN|-?Infinity) at epoch 1, step (\\d+); "
                + "last good checkpoint: (.+) \\(epoch 1, step (\\d+)\\)").matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(dir.resolve("checkpoint.bin").toString(), m.group(3), line);
        CheckpointState kept = FileCheckpoints.peek(new RunDirectory(dir));
        assertTrue(kept.step() > 0 && kept.epoch() == 0, "a mid-epoch checkpoint is kept: " + kept);
        assertEquals(kept.step(), Integer.parseInt(m.group(4)), "the message names the checkpoint on disk");
        assertEquals(kept.step() + 1, Integer.parseInt(m.group(2)), "the loss diverged on the step after it");
    }
}
