package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

/** {@code --device gpu} works where a GPU is found and is a one-line user error elsewhere. */
class DeviceOptionTest {

    @Test
    void gpuIsUsedWhenPresentAndRefusedWhenAbsent() {
        Cli r = Cli.run("search", "--dry-run", "--device", "gpu", "-C", "2", "--cells", "3");
        if (Engine.getEngine("PyTorch").getGpuCount() > 0) {
            assertEquals(0, r.exitCode(), r.err());
        } else {
            assertEquals(2, r.exitCode());
            assertTrue(r.errorLine().contains("no GPU found"), r.err());
        }
        Cli bad = Cli.run("search", "--dry-run", "--device", "tpu");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.errorLine().contains("tpu"), bad.err());
    }
}
