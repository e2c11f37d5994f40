package dev.jnas.platform.plugin;

import static dev.jnas.platform.plugin.TestPlugins.compile;
import static dev.jnas.platform.plugin.TestPlugins.identityOperation;
import static dev.jnas.platform.plugin.TestPlugins.jar;
import static dev.jnas.platform.plugin.TestPlugins.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.Operation;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a plugins folder: what works, and the one-line message for each way it can break. */
class JnasPluginManagerTest {

    @TempDir
    Path work;

    private Path pluginsDir() throws IOException {
        return Files.createDirectories(work.resolve("plugins"));
    }

    private static JnasException loadFails(Path dir) {
        JnasException e = assertThrows(JnasException.class, () -> new JnasPluginManager(dir).loadAndStart());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void loadsAnOperationAndIgnoresOtherFiles() throws IOException {
        Path dir = pluginsDir();
        Files.writeString(dir.resolve("README.md"), "# plugins\n");
        Path classes = compile(work, Map.of("test.ops.IdentityOperation",
                identityOperation("test.ops.IdentityOperation", "test_identity")));
        Path jar = jar(dir.resolve("ops-a.jar"), manifest("ops-a", Map.of()), classes, false);

        JnasPluginManager manager = new JnasPluginManager(dir);
        manager.loadAndStart();
        Extensions extensions = new Extensions(manager);

        assertEquals(List.of("test_identity"), List.copyOf(extensions.byId(Operation.class).keySet()));
        Operation operation = extensions.get(Operation.class, "test_identity");
        assertEquals("test.ops.IdentityOperation", operation.getClass().getName());
        PluginDescription provider = extensions.providerOf(Operation.class, "test_identity");
        assertEquals(new PluginDescription("ops-a", "0.1.0", "", jar,
                Map.of(Operation.class, List.of("test_identity"))), provider);
        assertEquals(List.of(provider), extensions.plugins());
        manager.unloadPlugins();
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = work.resolve("no-such-plugins");
        assertEquals("plugins folder not found: " + missing, loadFails(missing).getMessage());
    }

    @Test
    void aCorruptJarIsNamedWithTheReason() throws IOException {
        Path dir = pluginsDir();
        byte[] noise = new byte[1000];
        new Random(42).nextBytes(noise);
        Files.write(dir.resolve("x.jar"), noise);

        assertEquals("broken plugin jar " + dir.resolve("x.jar") + ": zip END header not found",
                loadFails(dir).getMessage());
    }

    @Test
    void aJarWithoutPluginManifestIsNamed() throws IOException {
        Path dir = pluginsDir();
        Path classes = compile(work, Map.of("test.lib.Helper",
                identityOperation("test.lib.Helper", "helper")));
        jar(dir.resolve("library.jar"), null, classes, false);

        assertEquals("broken plugin jar " + dir.resolve("library.jar")
                        + ": no Plugin-Id in its manifest, so it is not a jnas plugin",
                loadFails(dir).getMessage());
    }

    @Test
    void aPluginThatFailsToStartIsNamed() throws IOException {
        Path dir = pluginsDir();
        jar(dir.resolve("no-class.jar"), manifest("no-class", Map.of("Plugin-Class", "test.Missing")), null, false);

        assertEquals("broken plugin jar " + dir.resolve("no-class.jar")
                        + ": cannot create its Plugin-Class test.Missing (see the log)",
                loadFails(dir).getMessage());
    }

    @Test
    void aPluginWithAMissingDependencyIsNamed() throws IOException {
        Path dir = pluginsDir();
        jar(dir.resolve("lonely.jar"), manifest("lonely", Map.of("Plugin-Dependencies", "absent")), null, false);

        assertEquals("broken plugin jar " + dir.resolve("lonely.jar")
                + ": needs plugin absent, which is not in " + dir, loadFails(dir).getMessage());
    }

    @Test
    void twoJarsWithOnePluginIdAreBothNamed() throws IOException {
        Path dir = pluginsDir();
        Path first = jar(dir.resolve("a.jar"), manifest("same", Map.of()), null, false);
        Path second = jar(dir.resolve("b.jar"), manifest("same", Map.of()), null, false);

        String message = loadFails(dir).getMessage();
        assertTrue(message.equals("broken plugin jar " + second + ": its Plugin-Id 'same' is already used by " + first)
                || message.equals("broken plugin jar " + first + ": its Plugin-Id 'same' is already used by " + second),
                message);
    }

    @Test
    void severalBrokenJarsAreCountedInOneLine() throws IOException {
        Path dir = pluginsDir();
        Files.write(dir.resolve("a.jar"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("b.jar"), new byte[] {4, 5, 6});

        String message = loadFails(dir).getMessage();
        assertTrue(message.startsWith("broken plugin jar " + dir.resolve("a.jar") + ": "), message);
        assertTrue(message.endsWith(" (and 1 more, see the log)"), message);
    }

    @Test
    void anUnpackedPluginFolderAlsoGetsDjlFromTheHost() throws Exception {
        Path dir = pluginsDir();
        Path folder = Files.createDirectories(dir.resolve("unpacked"));
        Files.writeString(folder.resolve("plugin.properties"), "plugin.id=unpacked\nplugin.version=0.1.0\n");
        TestPlugins.unpackDjl(folder.resolve("classes"));

        JnasPluginManager manager = new JnasPluginManager(dir);
        manager.loadAndStart();
        ClassLoader loader = manager.getPluginClassLoader("unpacked");

        assertNotNull(((URLClassLoader) loader).findResource("ai/djl/ndarray/NDArray.class"),
                "the folder bundles DJL");
        assertSame(NDArray.class, loader.loadClass("ai.djl.ndarray.NDArray"));
        assertEquals(NDArray.class.getClassLoader().getResource("ai/djl/engine/api.properties"),
                loader.getResource("ai/djl/engine/api.properties"));
        manager.unloadPlugins();
    }

    @Test
    void loadingTwiceIsAProgrammingError() throws IOException {
        JnasPluginManager manager = new JnasPluginManager(pluginsDir());
        manager.loadAndStart();
        assertThrows(IllegalStateException.class, manager::loadAndStart);
    }
}
