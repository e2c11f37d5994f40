package dev.jnas.platform.plugin;

import dev.jnas.api.Evaluator;
import dev.jnas.api.HypergradientEstimator;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.Operation;
import dev.jnas.api.Regularizer;
import dev.jnas.api.SearchStrategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extensions of the started plugins, by extension point and id, with the plugin that
 * provides each: how the launcher turns {@code --strategy darts} into a {@link SearchStrategy}.
 *
 * <p>Life-cycle: built once from a started plugin manager. Building creates one instance of every
 * extension class (an extension point is a factory or a stateless service, so one is enough) and
 * checks the whole set: an extension that cannot be loaded or created, an id used twice within a
 * point, each is a {@link JnasException}. After that the registry is immutable.
 *
 * <pre>{@code
 * Extensions extensions = Extensions.load(Path.of("plugins"));
 * SearchStrategy strategy = extensions.get(SearchStrategy.class, "darts");
 * Map<String, Operation> operations = extensions.byId(Operation.class);
 * }</pre>
 *
 * <p>Only started plugins contribute: extensions on the host's class path (PF4J's system
 * extensions) are ignored, so what {@code jnas plugins} lists is exactly what the plugins folder
 * holds, and a plugin cannot be shadowed by a class that happens to be on the class path.
 */
public final class Extensions {

    private static final Logger log = LoggerFactory.getLogger(Extensions.class);

    /** An extension point looked up by id; {@code noun} names it in messages. */
    private record Point<T>(Class<T> type, String noun, Function<T, String> id) {

        String idOf(Object extension) {
            return id.apply(type.cast(extension));
        }
    }

    /** The extension points, in the order {@code jnas plugins} lists them: one line each. */
    private static final List<Point<?>> POINTS = List.of(
            new Point<>(Operation.class, "operation", Operation::id),
            new Point<>(SearchStrategy.class, "strategy", SearchStrategy::id),
            new Point<>(HypergradientEstimator.class, "hypergradient estimator", HypergradientEstimator::id),
            new Point<>(Regularizer.class, "regularizer", Regularizer::id),
            new Point<>(Evaluator.class, "evaluator", Evaluator::id));

    /** An extension found in a plugin, before it is registered. */
    private record Found(Point<?> point, String id, Object extension, String className) {
    }

    private final Map<Class<?>, SortedMap<String, Object>> extensions = new LinkedHashMap<>();
    private final Map<Class<?>, SortedMap<String, PluginDescription>> providers = new HashMap<>();
    private final List<PluginDescription> plugins = new ArrayList<>();

    /**
     * Collects the extensions of {@code manager}'s started plugins.
     *
     * @throws JnasException if an extension class cannot be loaded or created, has no id, or has
     *     the id of another extension of the same point
     */
    public Extensions(PluginManager manager) {
        for (Point<?> point : POINTS) {
            extensions.put(point.type(), new TreeMap<>());
            providers.put(point.type(), new TreeMap<>());
        }
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        started.sort(Comparator.comparing(PluginWrapper::getPluginId));
        for (PluginWrapper plugin : started) {
            collect(manager, plugin);
        }
        extensions.replaceAll((point, byId) -> Collections.unmodifiableSortedMap(byId));
    }

    /**
     * Loads and starts the plugins of {@code pluginsDir} with a {@link JnasPluginManager} and
     * collects their extensions.
     *
     * @throws JnasException if the folder is missing or holds a broken plugin, or as
     *     {@link #Extensions(PluginManager)}
     */
    public static Extensions load(Path pluginsDir) {
        JnasPluginManager manager = new JnasPluginManager(pluginsDir);
        manager.loadAndStart();
        return new Extensions(manager);
    }

    /** The extension points this registry knows, in listing order. */
    public static List<Class<?>> points() {
        return POINTS.stream().<Class<?>>map(Point::type).toList();
    }

    /**
     * How messages name an extension point: {@code operation}, {@code strategy},
     * {@code hypergradient estimator}, {@code regularizer}, {@code evaluator}.
     *
     * @throws IllegalArgumentException if {@code point} is not one of {@link #points()}
     */
    public static String noun(Class<?> point) {
        return pointOf(point).noun();
    }

    /**
     * The extensions of one point by id, sorted by id; unmodifiable.
     *
     * @throws IllegalArgumentException if {@code point} is not one of {@link #points()}
     */
    @SuppressWarnings("unchecked")
    public <T> SortedMap<String, T> byId(Class<T> point) {
        pointOf(point);
        return (SortedMap<String, T>) extensions.get(point);
    }

    /**
     * The extension of {@code point} with this id.
     *
     * @throws JnasException if no plugin provides it: {@code unknown strategy 'foo' (known: darts, random)}
     * @throws IllegalArgumentException if {@code point} is not one of {@link #points()}
     */
    public <T> T get(Class<T> point, String id) {
        T extension = byId(point).get(id);
        if (extension == null) {
            throw unknown(point, id);
        }
        return extension;
    }

    /**
     * The plugin that provides the extension of {@code point} with this id.
     *
     * @throws JnasException if no plugin provides it
     * @throws IllegalArgumentException if {@code point} is not one of {@link #points()}
     */
    public PluginDescription providerOf(Class<?> point, String id) {
        pointOf(point);
        PluginDescription provider = providers.get(point).get(id);
        if (provider == null) {
            throw unknown(point, id);
        }
        return provider;
    }

    /** The started plugins, sorted by id, with the ids of their extensions. */
    public List<PluginDescription> plugins() {
        return Collections.unmodifiableList(plugins);
    }

    private JnasException unknown(Class<?> point, String id) {
        Collection<String> known = extensions.get(point).keySet();
        return new JnasException("unknown " + noun(point) + " '" + id + "' (known: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
    }

    private static Point<?> pointOf(Class<?> type) {
        for (Point<?> point : POINTS) {
            if (point.type() == type) {
                return point;
            }
        }
        throw new IllegalArgumentException("not a jnas extension point: " + type.getName());
    }

    /** Creates the extensions of one plugin, describes the plugin, then registers them. */
    private void collect(PluginManager manager, PluginWrapper plugin) {
        Path path = plugin.getPluginPath();
        Map<Class<?>, Object> instances = new HashMap<>();
        List<Found> found = new ArrayList<>();
        for (String className : new TreeSet<>(manager.getExtensionClassNames(plugin.getPluginId()))) {
            Class<?> type = load(plugin, className);
            if (type.getClassLoader() != plugin.getPluginClassLoader()) {
                // PF4J reads the index through the plugin's class loader, which falls back to the
                // host's index when the plugin has none: such a class is not the plugin's.
                log.debug("{} listed for plugin {} comes from {}; ignored", className, path, type.getClassLoader());
                continue;
            }
            boolean extendsAny = false;
            for (Point<?> point : POINTS) {
                if (point.type().isAssignableFrom(type)) {
                    extendsAny = true;
                    Object extension = instances.computeIfAbsent(type, t -> create(manager, path, t));
                    found.add(new Found(point, idOf(point, extension, path, className), extension, className));
                }
            }
            if (!extendsAny) {
                log.warn("{} of plugin {} implements no jnas extension point; ignored", className, path);
            }
        }
        Map<Class<?>, List<String>> ids = new LinkedHashMap<>();
        for (Point<?> point : POINTS) {
            List<String> pointIds = found.stream().filter(f -> f.point() == point).map(Found::id).sorted().toList();
            if (!pointIds.isEmpty()) {
                ids.put(point.type(), pointIds);
            }
        }
        var descriptor = plugin.getDescriptor();
        PluginDescription description = new PluginDescription(plugin.getPluginId(), descriptor.getVersion(),
                descriptor.getPluginDescription(), path, ids);
        plugins.add(description);
        Map<String, String> classById = new HashMap<>();
        for (Found extension : found) {
            Class<?> type = extension.point().type();
            String key = type.getName() + "/" + extension.id();
            String sameId = classById.putIfAbsent(key, extension.className());
            if (sameId != null) {
                throw new JnasException(extension.point().noun() + " '" + extension.id()
                        + "' is provided twice by plugin " + description.label() + ": " + sameId
                        + " and " + extension.className());
            }
            PluginDescription other = providers.get(type).putIfAbsent(extension.id(), description);
            if (other != null) {
                throw new JnasException(extension.point().noun() + " '" + extension.id()
                        + "' is provided by two plugins: " + other.label() + " and " + description.label());
            }
            extensions.get(type).put(extension.id(), extension.extension());
        }
        log.info("Plugin {} {} from {}: {}", description.id(), description.version(), path, summary(ids));
    }

    /** {@code operation none, skip_connect; strategy darts} for the log. */
    private static String summary(Map<Class<?>, List<String>> ids) {
        if (ids.isEmpty()) {
            return "no extensions";
        }
        List<String> parts = new ArrayList<>();
        ids.forEach((point, pointIds) -> parts.add(noun(point) + " " + String.join(", ", pointIds)));
        return String.join("; ", parts);
    }

    private static Class<?> load(PluginWrapper plugin, String className) {
        try {
            return plugin.getPluginClassLoader().loadClass(className);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new JnasException(JnasPluginManager.broken(plugin.getPluginPath(), "extension " + className
                    + " cannot be loaded: " + JnasPluginManager.describe(e)), e);
        }
    }

    private static Object create(PluginManager manager, Path path, Class<?> type) {
        try {
            return manager.getExtensionFactory().create(type);
        } catch (RuntimeException | LinkageError e) {
            throw new JnasException(JnasPluginManager.broken(path, "extension " + type.getName()
                    + " cannot be created: " + JnasPluginManager.describe(e)), e);
        }
    }

    private static String idOf(Point<?> point, Object extension, Path path, String className) {
        String id;
        try {
            id = point.idOf(extension);
        } catch (RuntimeException | LinkageError e) {
            throw new JnasException(JnasPluginManager.broken(path, "extension " + className
                    + " fails to give its id: " + JnasPluginManager.describe(e)), e);
        }
        if (id == null || id.isBlank()) {
            throw new JnasException(JnasPluginManager.broken(path, "extension " + className + " has no id"));
        }
        return id;
    }
}
