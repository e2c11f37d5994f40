package dev.jnas.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.jnas.api.Operation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;

/**
 * A plugin jar that wrongly bundles DJL's api classes still runs on the host's DJL when loaded by
 * {@link JnasPluginManager}; plain PF4J would give it its own, incompatible copy.
 */
class BundledDjlTest {

    private static final String PLUGIN_ID = "bundles-djl";

    /** Checks the engine from inside the plugin, then returns a block that doubles its input. */
    private static final String HOST_CHECK_OPERATION = """
            package bundled;

            import ai.djl.ndarray.NDList;
            import ai.djl.ndarray.NDManager;
            import ai.djl.nn.Block;
            import ai.djl.nn.LambdaBlock;
            import dev.jnas.api.Operation;
            import java.util.Arrays;
            import org.pf4j.Extension;

            @Extension
            public class HostCheckOperation implements Operation {
                public String id() {
                    return "host_check";
                }

                public Block create(int channels, int stride, boolean affine) {
                    try (NDManager manager = NDManager.newBaseManager()) {
                        float[] sum = manager.create(new float[] {1f, 2f}).add(1f).toFloatArray();
                        if (sum[0] != 2f || sum[1] != 3f) {
                            throw new IllegalStateException(Arrays.toString(sum));
                        }
                    }
                    return new LambdaBlock(inputs -> new NDList(inputs.singletonOrThrow().mul(2f)));
                }
            }
            """;

    @TempDir
    static Path work;

    private static Path pluginsDir;

    @BeforeAll
    static void buildTheJar() throws Exception {
        pluginsDir = Files.createDirectories(work.resolve("plugins"));
        Path classes = TestPlugins.compile(work, Map.of("bundled.HostCheckOperation", HOST_CHECK_OPERATION));
        Path jar = TestPlugins.jar(pluginsDir.resolve("bundles-djl.jar"),
                TestPlugins.manifest(PLUGIN_ID, Map.of()), classes, true);
        try (URLClassLoader contents = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertNotNull(contents.findResource("ai/djl/ndarray/NDArray.class"), "the jar bundles DJL");
        }
    }

    @Test
    void itsExtensionRunsOnTheHostsDjl() throws Exception {
        JnasPluginManager manager = new JnasPluginManager(pluginsDir);
        manager.loadAndStart();
        Operation operation = new Extensions(manager).get(Operation.class, "host_check");
        ClassLoader pluginLoader = operation.getClass().getClassLoader();

        assertSame(manager.getPluginClassLoader(PLUGIN_ID), pluginLoader);
        assertSame(NDArray.class, pluginLoader.loadClass("ai.djl.ndarray.NDArray"));
        assertSame(NDManager.class, pluginLoader.loadClass("ai.djl.ndarray.NDManager"));
        Block block = operation.create(2, 1, false);
        try (NDManager manager2 = NDManager.newBaseManager()) {
            NDList out = block.forward(new ParameterStore(manager2, false),
                    new NDList(manager2.create(new float[] {1f, 2f})), false);
            assertArrayEquals(new float[] {2f, 4f}, out.singletonOrThrow().toFloatArray());
        }
        manager.unloadPlugins();
    }

    @Test
    void plainPf4jWouldGiveItItsOwnDjl() throws Exception {
        DefaultPluginManager plain = new DefaultPluginManager(pluginsDir);
        plain.loadPlugins();
        ClassLoader pluginLoader = plain.getPluginClassLoader(PLUGIN_ID);

        assertNotNull(pluginLoader, "plain PF4J loads the jar");
        assertNotSame(NDArray.class, pluginLoader.loadClass("ai.djl.ndarray.NDArray"));
        plain.unloadPlugins();
    }
}
