package dev.jnas.platform.plugin;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One started plugin as {@code jnas plugins} shows it: its manifest's id, version and
 * description, the jar (or folder) it came from, and the ids of its extensions by extension point.
 *
 * <pre>{@code
 * for (PluginDescription plugin : extensions.plugins()) {
 *     plugin.extensions().forEach((point, ids) -> out.println(Extensions.noun(point) + ": " + ids));
 * }
 * }</pre>
 *
 * @param id the {@code Plugin-Id}
 * @param version the {@code Plugin-Version}
 * @param description the {@code Plugin-Description}, empty when it has none
 * @param path the plugin's jar, or its folder for an unpacked plugin
 * @param extensions extension ids (sorted) by extension point, in {@link Extensions#points()}
 *     order; a point the plugin does not extend is absent
 */
public record PluginDescription(String id, String version, String description, Path path,
                                Map<Class<?>, List<String>> extensions) {

    public PluginDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        description = description == null ? "" : description;
        Objects.requireNonNull(path, "path");
        Map<Class<?>, List<String>> copy = new LinkedHashMap<>();
        extensions.forEach((point, ids) -> copy.put(point, List.copyOf(ids)));
        extensions = Collections.unmodifiableMap(copy);
    }

    /** {@code ops-standard (plugins/jnas-ops-standard-0.1.0.jar)}: how messages name a plugin. */
    public String label() {
        return id + " (" + path + ")";
    }
}
