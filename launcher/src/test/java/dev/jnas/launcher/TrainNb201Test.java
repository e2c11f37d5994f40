package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnas.platform.run.ArchitectureRecord;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jnas train} of a NAS-Bench-201 cell: the benchmark's network under jnas train's protocol. */
class TrainNb201Test {

    /** The table's best cell (index 6111): 1,073,466 weights on CIFAR-10 with C=16, N=5. */
    static final String BEST = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|"
            + "nor_conv_1x1~2|";

    @TempDir
    Path tmp;

    @Test
    void thePaperPresetBuildsTheBenchmarksNetwork() throws Exception {
        Cli r = Cli.run("train", "--dry-run", "--json", "--dataset", "cifar10", "--genotype", BEST);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode summary = Json.PRETTY.readTree(r.out());
        assertEquals(1_073_466, summary.get("weights").asLong(), "the table's params_mb_c10 of cell 6111");
        assertEquals(16, summary.get("channels").asInt());
        assertEquals(17, summary.get("cells").asInt(), "3N cells and 2 residual blocks");
        assertEquals(List.of(5, 11), List.of(summary.get("reduction_cells").get(0).asInt(),
                summary.get("reduction_cells").get(1).asInt()));
        assertFalse(summary.get("auxiliary").asBoolean());
    }

    @Test
    void aCellTrainsResumesAndIsReadFromANb201SearchRun() throws Exception {
        Path out = tmp.resolve("run");
        Cli r = Cli.run("train", "--genotype", BEST, "-C", "2", "--cells", "1", "--epochs", "1", "--batch-size", "8",
                "--train-limit", "32", "--seed", "3", "--threads", "1", "--output", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode result = Json.PRETTY.readTree(out.resolve("result.json").toFile());
        assertEquals(32, result.get("images_processed").asLong());
        assertEquals(0, result.get("auxiliary_weights").asLong());
        JsonNode config = Json.PRETTY.readTree(out.resolve("config.json").toFile());
        assertEquals(BEST, config.get("cell").asText());
        assertFalse(config.has("genotype"));
        assertEquals("nb201", config.get("settings").get("space").asText());
        assertEquals(0.0, config.get("settings").get("drop_path").asDouble());

        byte[] checkpoint = Files.readAllBytes(new RunDirectory(out).checkpoint());
        Cli resumed = Cli.run("train", "--resume", out.toString(), "--threads", "1");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertArrayEquals(checkpoint, Files.readAllBytes(new RunDirectory(out).checkpoint()), "nothing left to train");

        Cli dry = Cli.run("train", "--dry-run", "--json", "--genotype", BEST, "-C", "2", "--cells", "1");
        assertEquals(result.get("weights").asLong(), Json.PRETTY.readTree(dry.out()).get("weights").asLong());

        Path search = Files.createDirectories(tmp.resolve("search"));
        Json.write(search.resolve("architecture.json"), new ArchitectureRecord("nb201", BEST, 94.37));
        Cli fromRun = Cli.run("train", "--dry-run", "--json", "--genotype", search.toString(), "-C", "2",
                "--cells", "1");
        assertEquals(0, fromRun.exitCode(), fromRun.err());
        assertEquals(result.get("weights").asLong(), Json.PRETTY.readTree(fromRun.out()).get("weights").asLong());
    }

    @Test
    void badCellsAndDartsOnlyOptionsAreOneLineUserErrors() {
        String bad = Cli.userError("train", "--dry-run", "--genotype", "|nor_conv_3x3~0|+|conv_9x9~0|none~1|+|");
        assertTrue(bad.startsWith("jnas: not a NAS-Bench-201 cell") || bad.contains("conv_9x9"), bad);
        String auxiliary = Cli.userError("train", "--dry-run", "--genotype", BEST, "--auxiliary");
        assertEquals("jnas: a NAS-Bench-201 network has no auxiliary head and no drop-path", auxiliary);
        String dropPath = Cli.userError("train", "--dry-run", "--genotype", BEST, "--drop-path", "0.1");
        assertEquals("jnas: a NAS-Bench-201 network has no auxiliary head and no drop-path", dropPath);
    }
}
