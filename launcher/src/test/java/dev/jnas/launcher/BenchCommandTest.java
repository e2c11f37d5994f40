package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnas.platform.run.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code jnas bench} prints the reference script's fields; nothing here is timed. */
class BenchCommandTest {

    @Test
    void printsTheReferenceFields() throws Exception {
        Cli r = Cli.run("bench", "--steps", "3", "--warmup", "1", "--channels", "2", "--layers", "3", "--batch", "4",
                "--image", "8", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode report = Json.PRETTY.readTree(r.out());
        for (String field : List.of("impl", "torch", "order", "channels", "layers", "batch", "image", "threads", "steps",
                "step_ms_median", "step_ms_min", "step_ms_max", "images_per_s", "peak_rss_mb")) {
            assertTrue(report.has(field), field);
        }
        assertEquals(3, report.get("steps").asInt());
        assertTrue(report.get("step_ms_min").asDouble() <= report.get("step_ms_median").asDouble());
        assertTrue(report.get("step_ms_median").asDouble() <= report.get("step_ms_max").asDouble());
        assertTrue(report.get("peak_rss_mb").asDouble() > 0);
    }

    @Test
    void anOrderWithoutEstimatorIsAUserError() {
        Cli r = Cli.run("bench", "--order", "3");
        assertEquals(2, r.exitCode());
        assertTrue(r.errorLine().contains("--order"), r.err());
    }
}
