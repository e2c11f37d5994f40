package dev.jnas.platform.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A PF4J plugin class loader that asks the host first for the classes of the
 * {@link JnasPluginManager#HOST_FIRST_PACKAGES}, and for the resources under their paths
 * ({@code ai/djl/engine/api.properties}), and only then looks at the plugin's own jars.
 *
 * <p>A plugin that wrongly bundles DJL (or Jackson, slf4j, the jnas API...) therefore still sees
 * the host's copy: one {@code NDArray} class, one engine, one set of native libraries. A class of
 * those packages that the host lacks falls back to PF4J's usual order (plugin, dependencies,
 * host), so a plugin can still ship an extra DJL module the launcher does not have.
 */
final class HostFirstPluginClassLoader extends PluginClassLoader {

    HostFirstPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
        super(manager, descriptor, host);
    }

    /** Whether a class name ({@code ai.djl.ndarray.NDArray}) belongs to a host-first package. */
    static boolean isHostFirstClass(String className) {
        for (String prefix : JnasPluginManager.HOST_FIRST_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a resource name ({@code ai/djl/engine/api.properties}) is in a host-first package. */
    static boolean isHostFirstResource(String resourceName) {
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        for (String prefix : JnasPluginManager.HOST_FIRST_PACKAGES) {
            if (name.startsWith(prefix.replace('.', '/'))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (isHostFirstClass(className)) {
            try {
                return getParent().loadClass(className);
            } catch (ClassNotFoundException notInHost) {
                // The host lacks it: let PF4J look in the plugin and its dependencies.
            }
        }
        return super.loadClass(className);
    }

    @Override
    public URL getResource(String name) {
        if (isHostFirstResource(name)) {
            URL url = getParent().getResource(name);
            if (url != null) {
                return url;
            }
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!isHostFirstResource(name)) {
            return super.getResources(name);
        }
        // The host's copies first, then the plugin's own; keyed by text so no URL is resolved.
        Map<String, URL> urls = new LinkedHashMap<>();
        for (URL url : Collections.list(getParent().getResources(name))) {
            urls.putIfAbsent(url.toExternalForm(), url);
        }
        for (URL url : Collections.list(super.getResources(name))) {
            urls.putIfAbsent(url.toExternalForm(), url);
        }
        return Collections.enumeration(urls.values());
    }
}
