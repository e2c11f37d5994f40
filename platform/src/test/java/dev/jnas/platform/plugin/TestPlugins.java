package dev.jnas.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.ndarray.NDArray;
import dev.jnas.api.Operation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.pf4j.ExtensionPoint;

/**
 * Builds plugin jars for tests, the way a third party would: compiles extension sources against
 * the jnas API, DJL and PF4J (with PF4J's annotation processor writing
 * {@code META-INF/extensions.idx}) and packs them with a plugin manifest. Public for the launcher's
 * tests, which load such jars through the command line.
 */
public final class TestPlugins {

    private TestPlugins() {
    }

    /** The jar or classes folder a class was loaded from. */
    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DJL api jar on the test class path. */
    static Path djlApiJar() {
        return locationOf(NDArray.class);
    }

    /**
     * Compiles {@code sources} (class name to source text) into a new folder under {@code work}
     * and checks that PF4J's annotation processor indexed the extensions.
     */
    public static Path compile(Path work, Map<String, String> sources) {
        try {
            Path src = Files.createTempDirectory(work, "src");
            Path classes = Files.createTempDirectory(work, "classes");
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file);
            }
            String classpath = String.join(File.pathSeparator,
                    locationOf(Operation.class).toString(), djlApiJar().toString(),
                    locationOf(ExtensionPoint.class).toString());
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                List<String> options = List.of("--release", "17", "-d", classes.toString(),
                        "-classpath", classpath,
                        "-processorpath", locationOf(ExtensionPoint.class).toString(),
                        "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor");
                boolean ok = javac.getTask(null, fileManager, diagnostics, options, null,
                        fileManager.getJavaFileObjectsFromPaths(files)).call();
                if (!ok) {
                    fail("test plugin does not compile: " + diagnostics.getDiagnostics());
                }
            }
            assertTrue(Files.exists(classes.resolve("META-INF/extensions.idx")),
                    "PF4J's annotation processor wrote no META-INF/extensions.idx");
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Source of an {@code Operation} extension with this id whose block returns its input. */
    public static String identityOperation(String className, String id) {
        int dot = className.lastIndexOf('.');
        return """
                package %s;

                import ai.djl.nn.Block;
                import ai.djl.nn.LambdaBlock;
                import dev.jnas.api.Operation;
                import org.pf4j.Extension;

                @Extension
                public class %s implements Operation {
                    public String id() {
                        return "%s";
                    }

                    public Block create(int channels, int stride, boolean affine) {
                        return new LambdaBlock(x -> x);
                    }
                }
                """.formatted(className.substring(0, dot), className.substring(dot + 1), id);
    }

    /** A manifest with {@code Plugin-Id}, {@code Plugin-Version} 0.1.0 and {@code extra} attributes. */
    public static Manifest manifest(String pluginId, Map<String, String> extra) {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", pluginId);
        attributes.putValue("Plugin-Version", "0.1.0");
        extra.forEach(attributes::putValue);
        return manifest;
    }

    /**
     * Writes a jar with {@code manifest} (none when null), the files of {@code classes} (may be
     * null) and, when {@code bundleDjl}, every {@code ai/djl/} entry of the DJL api jar.
     */
    public static Path jar(Path jar, Manifest manifest, Path classes, boolean bundleDjl) {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = manifest == null ? new JarOutputStream(file) : new JarOutputStream(file, manifest)) {
            if (classes != null) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(classes)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path path : files) {
                    out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                    Files.copy(path, out);
                    out.closeEntry();
                }
            }
            if (bundleDjl) {
                copyDjl((name, in) -> {
                    out.putNextEntry(new JarEntry(name));
                    in.transferTo(out);
                    out.closeEntry();
                });
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies every {@code ai/djl/} file of the DJL api jar under {@code folder}. */
    static void unpackDjl(Path folder) {
        try {
            copyDjl((name, in) -> {
                Path target = folder.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface EntrySink {
        void accept(String name, InputStream in) throws IOException;
    }

    private static void copyDjl(EntrySink sink) throws IOException {
        int copied = 0;
        try (JarFile djl = new JarFile(djlApiJar().toFile())) {
            for (Enumeration<JarEntry> entries = djl.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith("ai/djl/") && !entry.isDirectory()) {
                    try (InputStream in = djl.getInputStream(entry)) {
                        sink.accept(entry.getName(), in);
                    }
                    copied++;
                }
            }
        }
        assertTrue(copied > 100, "found only " + copied + " DJL classes in " + djlApiJar());
    }
}
