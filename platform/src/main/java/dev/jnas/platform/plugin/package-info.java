/**
 * Plugin loading: {@link dev.jnas.platform.plugin.JnasPluginManager} loads the PF4J plugins of the
 * plugins folder with class loaders that take DJL and the jnas API from the host, and
 * {@link dev.jnas.platform.plugin.Extensions} indexes their extensions by point and id.
 *
 * <p>Every failure a user can cause (a corrupt jar, a jar that is no plugin, a plugin that fails
 * to start, two plugins claiming one id, an unknown id) is a {@link dev.jnas.api.error.JnasException}
 * with a one-line message naming the jar; nothing here prints, the launcher does.
 *
 * <pre>{@code
 * Extensions extensions = Extensions.load(Path.of("plugins"));
 * Operation sepConv = extensions.get(Operation.class, "sep_conv_3x3");
 * }</pre>
 */
package dev.jnas.platform.plugin;
