package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code jnas train --resume} refuses what it cannot continue with one line and exit code 2, and
 * leaves every file of the run as it was. One tiny training is shared; each test damages its own copy.
 */
class TrainResumeTest {

    @TempDir
    static Path shared;

    private static Path trained;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainOnce() {
        trained = shared.resolve("trained");
        Cli r = Cli.run("train", "--genotype", "darts-v2", "--epochs", "1", "--batch-size", "8", "-C", "2",
                "--cells", "3", "--train-limit", "16", "--seed", "2", "--threads", "1", "--output", trained.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(new RunDirectory(trained).checkpoint()), "the tiny training left a checkpoint");
    }

    /** A copy of the shared run, for one test to damage. */
    private Path copy() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        for (Map.Entry<String, byte[]> file : contents(trained).entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        return dir;
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /**
     * Resumes {@code dir}, which must be refused as a user error (exit code 2, one line), and
     * checks that every file in it is byte-identical afterwards.
     *
     * @return the error line
     */
    private static String refusedResume(Path dir, String... more) throws IOException {
        Map<String, byte[]> before = contents(dir);
        List<String> args = new ArrayList<>(List.of("train", "--resume", dir.toString()));
        args.addAll(List.of(more));
        String error = Cli.userError(args.toArray(String[]::new));
        Map<String, byte[]> after = contents(dir);
        assertEquals(before.keySet(), after.keySet(), "files of " + dir);
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " changed"));
        return error;
    }

    private static void editConfig(Path dir, Consumer<ObjectNode> edit) throws IOException {
        Path config = new RunDirectory(dir).config();
        ObjectNode tree = (ObjectNode) Json.PRETTY.readTree(config.toFile());
        edit.accept(tree);
        Json.PRETTY.writeValue(config.toFile(), tree);
    }

    @Test
    void theUndamagedCopyResumes() throws Exception {
        Path dir = copy();
        byte[] checkpoint = Files.readAllBytes(new RunDirectory(dir).checkpoint());
        Cli r = Cli.run("train", "--resume", dir.toString(), "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, Files.readAllLines(new RunDirectory(dir).metrics()).size(), "the finished epoch, once");
        assertArrayEquals(checkpoint, Files.readAllBytes(new RunDirectory(dir).checkpoint()), "nothing left to train");
    }

    @Test
    void metricsLostAfterTheCheckpointAreRewrittenFromIt() throws Exception {
        Path dir = copy();
        RunDirectory run = new RunDirectory(dir);
        List<String> recorded = Files.readAllLines(run.metrics());
        JsonNode result = Json.PRETTY.readTree(run.result().toFile());
        Files.writeString(run.metrics(), "");
        Cli r = Cli.run("train", "--resume", dir.toString(), "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        List<String> restored = Files.readAllLines(run.metrics());
        assertEquals(recorded.size(), restored.size(), "every finished epoch is back");
        for (int i = 0; i < recorded.size(); i++) {
            assertEquals(Json.PRETTY.readTree(recorded.get(i)), Json.PRETTY.readTree(restored.get(i)));
        }
        assertEquals(result.get("test_accuracy"), Json.PRETTY.readTree(run.result().toFile()).get("test_accuracy"));
    }

    @Test
    void aDirectoryWithoutAConfigurationIsNotARun() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("loose"));
        Files.copy(new RunDirectory(trained).checkpoint(), dir.resolve(RunDirectory.CHECKPOINT));
        String error = refusedResume(dir);
        assertTrue(error.contains(dir + " is not a jnas run directory"), error);

        String absent = Cli.userError("train", "--resume", tmp.resolve("nowhere").toString());
        assertTrue(absent.contains("nowhere") && absent.contains("not a jnas run directory"), absent);
    }

    @ParameterizedTest
    @CsvSource({
        "half, is truncated or corrupt",
        "allButTheLastByte, is truncated or corrupt",
        "twelveBytes, is not a jnas checkpoint",
    })
    void aTruncatedCheckpointIsRefused(String cut, String expected) throws Exception {
        Path dir = copy();
        Path checkpoint = new RunDirectory(dir).checkpoint();
        byte[] whole = Files.readAllBytes(checkpoint);
        int kept = switch (cut) {
            case "half" -> whole.length / 2;
            case "allButTheLastByte" -> whole.length - 1;
            case "twelveBytes" -> 12;
            default -> throw new IllegalArgumentException(cut);
        };
        Files.write(checkpoint, Arrays.copyOf(whole, kept));
        String error = refusedResume(dir);
        assertTrue(error.contains("checkpoint " + checkpoint + " " + expected), error);
    }

    @ParameterizedTest
    @CsvSource({"epochs, 2", "learning_rate, 0.05", "momentum, 0.5", "gradient_clip, 1", "seed, 3", "cutout, 4"})
    void aCheckpointWrittenWithOtherSettingsIsRefused(String field, String value) throws Exception {
        Path dir = copy();
        JsonNode other = Json.PRETTY.readTree(value);
        editConfig(dir, config -> ((ObjectNode) config.get("settings")).set(field, other));
        String error = refusedResume(dir);
        RunDirectory run = new RunDirectory(dir);
        assertTrue(error.contains("checkpoint " + run.checkpoint() + " was written with other settings than "
                + run.config()), error);
    }

    @Test
    void aCheckpointOfAnotherGenotypeIsRefused() throws Exception {
        Path dir = copy();
        editConfig(dir, config -> {
            ArrayNode edge = (ArrayNode) config.get("genotype").get("normal").get(0);
            edge.set(0, "sep_conv_5x5".equals(edge.get(0).asText()) ? "sep_conv_3x3" : "sep_conv_5x5");
        });
        String error = refusedResume(dir);
        assertTrue(error.contains("was written with other settings"), error);
    }

    @ParameterizedTest
    @CsvSource({"--epochs, 3", "--preset, quick", "--genotype, darts-v1", "--learning-rate, 0.1", "--seed, 1"})
    void optionsThatWouldChangeTheSettingsAreRefused(String option, String value) throws Exception {
        Path dir = copy();
        String error = refusedResume(dir, option, value);
        assertTrue(error.contains("drop " + option), error);
    }
}
