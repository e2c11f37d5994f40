package dev.jnas.platform.plugin;

import dev.jnas.api.error.JnasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.Plugin;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PF4J plugin manager of jnas: it loads every plugin of one folder with class loaders that
 * take DJL, JNA, slf4j, PF4J, Jackson and the jnas API from the host, and turns the failures that
 * PF4J logs and skips into one {@link JnasException} naming the broken jar.
 *
 * <p>Life-cycle: construct it with the plugins folder, start the DJL engine, call
 * {@link #loadAndStart()} once, then read the extensions through {@link Extensions}.
 *
 * <pre>{@code
 * JnasPluginManager plugins = new JnasPluginManager(Path.of("plugins"));
 * plugins.loadAndStart();
 * Extensions extensions = new Extensions(plugins);
 * }</pre>
 *
 * <p>The folder holds plugin jars (a manifest with {@code Plugin-Id} and {@code Plugin-Version}),
 * plugin zips (PF4J unpacks each next to itself) and unpacked plugin folders; other files, such as
 * a README, are ignored. The manager always runs in PF4J's deployment mode, whatever the
 * {@code pf4j.mode} system property says, so jars dropped into the folder are what gets loaded.
 * A plugin disabled through PF4J's {@code disabled.txt} in the folder is loaded but not started.
 */
public final class JnasPluginManager extends DefaultPluginManager {

    /**
     * Package prefixes whose classes and resources a plugin always gets from the host first:
     * DJL (one engine, one {@code NDArray} class, natives loaded once), JNA (DJL's native
     * bridge), slf4j (one logging binding), PF4J (the plugin contract), Jackson (records read by
     * the platform) and the jnas API (the extension points themselves). A plugin that bundles
     * copies of them still runs against the host's classes.
     */
    public static final List<String> HOST_FIRST_PACKAGES = List.of(
            "ai.djl.",
            "com.sun.jna.",
            "org.slf4j.",
            "org.pf4j.",
            "com.fasterxml.jackson.",
            "dev.jnas.api.");

    private static final Logger log = LoggerFactory.getLogger(JnasPluginManager.class);

    private final Path pluginsDir;
    /** Entries of the plugins folder that failed to load, by file name. */
    private final Map<String, Throwable> loadFailures = new TreeMap<>();
    private PluginRuntimeException resolveFailure;
    private boolean loaded;

    /**
     * A manager for the plugins in {@code pluginsDir}; nothing is read until
     * {@link #loadAndStart()}.
     */
    public JnasPluginManager(Path pluginsDir) {
        super(Objects.requireNonNull(pluginsDir, "pluginsDir"));
        this.pluginsDir = pluginsDir;
    }

    /** The folder this manager loads plugins from. */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /**
     * Loads, resolves and starts every plugin of the folder.
     *
     * @throws JnasException if the folder is missing, or if any jar, zip or folder in it is not a
     *     working plugin (unreadable, no plugin manifest, failing to load, resolve or start); the
     *     message names the first one and its cause, the log lists the others
     * @throws IllegalStateException if called twice
     */
    public void loadAndStart() {
        if (loaded) {
            throw new IllegalStateException("plugins of " + pluginsDir + " are already loaded");
        }
        loaded = true;
        if (!Files.isDirectory(pluginsDir)) {
            throw new JnasException(Files.exists(pluginsDir)
                    ? "plugins folder " + pluginsDir + " is not a folder"
                    : "plugins folder not found: " + pluginsDir);
        }
        loadPlugins();
        startPlugins();
        List<Problem> problems = problems();
        if (!problems.isEmpty()) {
            for (Problem other : problems.subList(1, problems.size())) {
                log.error("{}", other.message(), other.cause());
            }
            Problem first = problems.get(0);
            String more = problems.size() > 1
                    ? " (and " + (problems.size() - 1) + " more, see the log)" : "";
            throw new JnasException(first.message() + more, first.cause());
        }
        log.info("Started {} plugin(s) from {}", getStartedPlugins().size(), pluginsDir);
    }

    /**
     * Loads and resolves the plugins like PF4J does, but remembers each failure by file instead
     * of logging it, and checks jars and zips before PF4J opens them so that a corrupt archive is
     * reported with the reason the JDK gives. {@link #loadAndStart()} reports what went wrong.
     */
    @Override
    public void loadPlugins() {
        checkArchives();
        for (Path path : pluginRepository.getPluginPaths()) {
            String name = path.getFileName().toString();
            if (loadFailures.containsKey(name)) {
                continue;
            }
            String takenId = takenPluginId(path);
            if (takenId != null) {
                loadFailures.put(name, new PluginRuntimeException(takenId));
                continue;
            }
            try {
                loadPluginFromPath(path);
            } catch (RuntimeException | LinkageError e) {
                log.debug("Cannot load plugin {}", path, e);
                loadFailures.put(name, e);
            }
        }
        try {
            resolvePlugins();
        } catch (PluginRuntimeException e) {
            log.debug("Cannot resolve the plugins of {}", pluginsDir, e);
            resolveFailure = e;
        }
    }

    /** Always {@link RuntimeMode#DEPLOYMENT}: jnas loads packaged plugins only. */
    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    /** Jar and directory (or unpacked zip) loaders, both creating host-first class loaders. */
    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader()
                .add(new JarPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor descriptor) {
                        return hostFirst(descriptor);
                    }
                })
                .add(new DefaultPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor descriptor) {
                        return hostFirst(descriptor);
                    }
                });
    }

    /** PF4J's factory, except that a plugin class it cannot create fails the plugin's start. */
    @Override
    protected PluginFactory createPluginFactory() {
        return new DefaultPluginFactory() {
            @Override
            public Plugin create(PluginWrapper wrapper) {
                Plugin plugin = super.create(wrapper);
                if (plugin == null) {
                    throw new PluginRuntimeException("cannot create its Plugin-Class {} (see the log)",
                            wrapper.getDescriptor().getPluginClass());
                }
                return plugin;
            }
        };
    }

    /** Why {@code path} cannot load because its plugin id is taken, or null. */
    private String takenPluginId(Path path) {
        String id;
        try {
            id = getPluginDescriptorFinder().find(path).getPluginId();
        } catch (RuntimeException e) {
            return null; // loading it reports why
        }
        PluginWrapper other = id == null ? null : getPlugin(id);
        return other == null ? null : "its Plugin-Id '" + id + "' is already used by " + other.getPluginPath();
    }

    private PluginClassLoader hostFirst(PluginDescriptor descriptor) {
        return new HostFirstPluginClassLoader(this, descriptor, JnasPluginManager.class.getClassLoader());
    }

    /** Records the jars and zips of the folder that cannot be opened, and jars that are no plugin. */
    private void checkArchives() {
        try (Stream<Path> entries = Files.list(pluginsDir)) {
            entries.filter(Files::isRegularFile).sorted().forEach(path -> {
                String name = path.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".jar") || lower.endsWith(".zip")) {
                    String problem = archiveProblem(path, lower.endsWith(".jar"));
                    if (problem != null) {
                        loadFailures.put(name, new PluginRuntimeException(problem));
                    }
                }
            });
        } catch (IOException e) {
            throw new JnasException("cannot list plugins folder " + pluginsDir + ": " + describe(e), e);
        }
    }

    private static String archiveProblem(Path archive, boolean isJar) {
        if (!isJar) {
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                return null;
            } catch (IOException e) {
                return describe(e);
            }
        }
        try (JarFile jar = new JarFile(archive.toFile())) {
            Manifest manifest = jar.getManifest();
            Attributes attributes = manifest == null ? null : manifest.getMainAttributes();
            String id = attributes == null ? null : attributes.getValue(ManifestPluginDescriptorFinder.PLUGIN_ID);
            if ((id == null || id.isBlank()) && jar.getEntry("plugin.properties") == null) {
                return "no " + ManifestPluginDescriptorFinder.PLUGIN_ID
                        + " in its manifest, so it is not a jnas plugin";
            }
            return null;
        } catch (IOException | SecurityException e) {
            return describe(e);
        }
    }

    /** Everything that went wrong, failures to load first, in file-name order. */
    private List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        loadFailures.forEach((name, error) ->
                problems.add(new Problem(pluginsDir.resolve(name), describe(error), error)));
        problems.addAll(unresolvedProblems());
        for (PluginWrapper plugin : sortedPlugins()) {
            PluginState state = plugin.getPluginState();
            Throwable failure = plugin.getFailedException();
            if (state == PluginState.FAILED || (state == PluginState.DISABLED && failure != null)) {
                String why = failure == null ? "failed to start (see the log)" : describe(failure);
                problems.add(new Problem(plugin.getPluginPath(), why, failure));
            }
        }
        List<String> pluginFiles = getPlugins().stream()
                .map(plugin -> plugin.getPluginPath().getFileName().toString()).toList();
        try (Stream<Path> entries = Files.list(pluginsDir)) {
            entries.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(path -> !pluginFiles.contains(path.getFileName().toString()))
                    .filter(path -> !loadFailures.containsKey(path.getFileName().toString()))
                    .sorted()
                    .forEach(jar -> problems.add(new Problem(jar, "was not loaded as a plugin (see the log)", null)));
        } catch (IOException e) {
            problems.add(new Problem(null, "cannot list plugins folder " + pluginsDir + ": " + describe(e), e));
        }
        return problems;
    }

    private List<Problem> unresolvedProblems() {
        List<PluginWrapper> unresolved = getUnresolvedPlugins();
        if (unresolved.isEmpty()) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        for (PluginWrapper plugin : unresolved) {
            List<String> missing = plugin.getDescriptor().getDependencies().stream()
                    .filter(dependency -> !dependency.isOptional() && getPlugin(dependency.getPluginId()) == null)
                    .map(PluginDependency::getPluginId)
                    .sorted()
                    .toList();
            if (!missing.isEmpty()) {
                problems.add(new Problem(plugin.getPluginPath(), "needs plugin " + String.join(", ", missing)
                        + ", which is not in " + pluginsDir, resolveFailure));
            }
        }
        if (problems.isEmpty()) {
            String why = resolveFailure == null ? "their dependencies cannot be resolved" : describe(resolveFailure);
            problems.add(new Problem(null, "the plugins in " + pluginsDir + " cannot be resolved: " + why, resolveFailure));
        }
        return problems;
    }

    private List<PluginWrapper> sortedPlugins() {
        List<PluginWrapper> plugins = new ArrayList<>(getPlugins());
        plugins.sort((a, b) -> a.getPluginPath().compareTo(b.getPluginPath()));
        return plugins;
    }

    /**
     * One line for a failure: the message of its root cause, prefixed with the exception's simple
     * name when the message alone would not say what happened ({@code IllegalStateException: boom}).
     */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        boolean selfExplaining = root instanceof PluginRuntimeException || root instanceof JnasException
                || root.getClass() == IOException.class || root.getClass() == ZipException.class;
        String text;
        if (message == null || message.isBlank()) {
            text = root.getClass().getSimpleName();
        } else if (selfExplaining) {
            text = message;
        } else {
            text = root.getClass().getSimpleName() + ": " + message;
        }
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** What is wrong with one entry of the plugins folder ({@code path}), or with all of them. */
    private record Problem(Path path, String why, Throwable cause) {

        String message() {
            return path == null ? why : broken(path, why);
        }
    }

    /** {@code broken plugin jar plugins/x.jar: why}, or {@code zip} / {@code folder} as it is. */
    static String broken(Path path, String why) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String kind;
        if (name.endsWith(".jar")) {
            kind = "plugin jar";
        } else if (name.endsWith(".zip")) {
            kind = "plugin zip";
        } else {
            kind = Files.isDirectory(path) ? "plugin folder" : "plugin";
        }
        return "broken " + kind + " " + path + ": " + why;
    }
}
