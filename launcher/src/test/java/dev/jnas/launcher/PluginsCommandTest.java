package dev.jnas.launcher;

import static dev.jnas.platform.plugin.TestPlugins.compile;
import static dev.jnas.platform.plugin.TestPlugins.identityOperation;
import static dev.jnas.platform.plugin.TestPlugins.jar;
import static dev.jnas.platform.plugin.TestPlugins.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnas.api.space.CellSpace;
import dev.jnas.platform.run.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jnas plugins} on the jars the build put into plugins/, and on a broken folder. */
class PluginsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void theBuiltPluginsProvideTheTenOperationsAndDarts() throws Exception {
        Cli r = Cli.run("plugins", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, JsonNode> byId = new TreeMap<>();
        for (JsonNode plugin : Json.PRETTY.readTree(r.out())) {
            byId.put(plugin.get("id").asText(), plugin);
        }
        assertEquals(List.of("ops-standard", "strategies"), new ArrayList<>(byId.keySet()));
        List<String> operations = new ArrayList<>();
        byId.get("ops-standard").get("extensions").get("operation").forEach(n -> operations.add(n.asText()));
        assertEquals(Stream.concat(CellSpace.DARTS_PRIMITIVES.stream(), Stream.of("nor_conv_1x1", "nor_conv_3x3"))
                .sorted().toList(), operations);
        JsonNode strategies = byId.get("strategies").get("extensions");
        assertEquals("darts", strategies.get("strategy").get(0).asText());
        assertEquals("first-order", strategies.get("hypergradient estimator").get(0).asText());
        assertTrue(byId.get("ops-standard").get("jar").asText().endsWith(".jar"));

        Cli text = Cli.run("plugins");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("operation: avg_pool_3x3, dil_conv_3x3"), text.out());
    }

    @Test
    void aBrokenPluginJarIsAOneLineUserError() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Files.write(dir.resolve("broken.jar"), new byte[] {1, 2, 3, 4});
        Cli r = Cli.run("plugins", "--plugins-dir", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.errorLine().contains("broken.jar"), r.err());
        Cli search = Cli.run("search", "--dry-run", "--plugins-dir", tmp.resolve("absent").toString());
        assertEquals(2, search.exitCode());
        assertTrue(search.errorLine().contains("absent"), search.err());
    }

    @Test
    void twoPluginsWithOneOperationIdAreAOneLineUserErrorNamingBoth() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("clash"));
        Path first = jar(dir.resolve("first-ops.jar"), manifest("first-ops", Map.of()),
                compile(tmp, Map.of("first.SkipOperation", identityOperation("first.SkipOperation", "skip_connect"))),
                false);
        Path second = jar(dir.resolve("second-ops.jar"), manifest("second-ops", Map.of()),
                compile(tmp, Map.of("second.SkipOperation", identityOperation("second.SkipOperation", "skip_connect"))),
                false);

        String line = Cli.userError("plugins", "--plugins-dir", dir.toString());

        assertTrue(line.startsWith("jnas: operation 'skip_connect' is provided by two plugins: "), line);
        assertTrue(line.contains("first-ops") && line.contains(first.getFileName().toString()), line);
        assertTrue(line.contains("second-ops") && line.contains(second.getFileName().toString()), line);
        String search = Cli.userError("search", "--dry-run", "--plugins-dir", dir.toString());
        assertEquals(line, search);
    }

    @Test
    void aMissingOperationIsNamed() {
        Path empty = tmp.resolve("empty");
        assertTrue(empty.toFile().mkdirs());
        Cli r = Cli.run("search", "--dry-run", "--plugins-dir", empty.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.errorLine().contains("unknown operation 'none'"), r.err());
    }
}
