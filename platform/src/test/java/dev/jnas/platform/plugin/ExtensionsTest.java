package dev.jnas.platform.plugin;

import static dev.jnas.platform.plugin.TestPlugins.compile;
import static dev.jnas.platform.plugin.TestPlugins.identityOperation;
import static dev.jnas.platform.plugin.TestPlugins.jar;
import static dev.jnas.platform.plugin.TestPlugins.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnas.api.Evaluator;
import dev.jnas.api.HypergradientEstimator;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.Operation;
import dev.jnas.api.Regularizer;
import dev.jnas.api.SearchStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry of extensions: lookups by id, and the messages for ids that clash or are unknown. */
class ExtensionsTest {

    @TempDir
    Path work;

    @Test
    void twoPluginsWithOneOperationIdAreBothNamed() throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins"));
        Path standard = jar(dir.resolve("ops-standard.jar"), manifest("ops-standard", Map.of()),
                compile(work, Map.of("std.SepConvOperation", identityOperation("std.SepConvOperation", "sep_conv_3x3"))),
                false);
        Path mine = jar(dir.resolve("my-ops.jar"), manifest("my-ops", Map.of()),
                compile(work, Map.of("mine.SepConvOperation", identityOperation("mine.SepConvOperation", "sep_conv_3x3"))),
                false);

        JnasException e = assertThrows(JnasException.class, () -> Extensions.load(dir));
        assertEquals("operation 'sep_conv_3x3' is provided by two plugins: my-ops (" + mine
                + ") and ops-standard (" + standard + ")", e.getMessage());
    }

    @Test
    void anUnknownIdListsTheKnownOnes() throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins"));
        jar(dir.resolve("ops.jar"), manifest("ops", Map.of()), compile(work, Map.of(
                "ops.SkipOperation", identityOperation("ops.SkipOperation", "skip_connect"),
                "ops.NoneOperation", identityOperation("ops.NoneOperation", "none"))), false);

        Extensions extensions = Extensions.load(dir);

        assertEquals(List.of("none", "skip_connect"), List.copyOf(extensions.byId(Operation.class).keySet()));
        assertEquals("unknown operation 'sep_conv_3x3' (known: none, skip_connect)",
                assertThrows(JnasException.class, () -> extensions.get(Operation.class, "sep_conv_3x3")).getMessage());
        assertEquals("unknown strategy 'darts' (known: none)",
                assertThrows(JnasException.class, () -> extensions.get(SearchStrategy.class, "darts")).getMessage());
        assertEquals("unknown operation 'foo' (known: none, skip_connect)",
                assertThrows(JnasException.class, () -> extensions.providerOf(Operation.class, "foo")).getMessage());
    }

    @Test
    void anExtensionThatThrowsInItsConstructorNamesTheJar() throws IOException {
        Path dir = Files.createDirectories(work.resolve("plugins"));
        Path boom = jar(dir.resolve("boom.jar"), manifest("boom", Map.of()), compile(work, Map.of("boom.BoomOperation", """
                package boom;

                import ai.djl.nn.Block;
                import dev.jnas.api.Operation;
                import org.pf4j.Extension;

                @Extension
                public class BoomOperation implements Operation {
                    public BoomOperation() {
                        throw new IllegalStateException("boom");
                    }

                    public String id() {
                        return "boom";
                    }

                    public Block create(int channels, int stride, boolean affine) {
                        return null;
                    }
                }
                """)), false);

        JnasException e = assertThrows(JnasException.class, () -> Extensions.load(dir));
        assertEquals("broken plugin jar " + boom
                + ": extension boom.BoomOperation cannot be created: IllegalStateException: boom", e.getMessage());
    }

    @Test
    void pointsAreListedWithTheirNouns() {
        assertEquals(List.of(Operation.class, SearchStrategy.class, HypergradientEstimator.class, Regularizer.class,
                        Evaluator.class),
                Extensions.points());
        assertEquals(List.of("operation", "strategy", "hypergradient estimator", "regularizer", "evaluator"),
                Extensions.points().stream().map(Extensions::noun).toList());
        assertThrows(IllegalArgumentException.class, () -> Extensions.noun(String.class));
    }
}
