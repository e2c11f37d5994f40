package dev.jnas.launcher;

import dev.jnas.launcher.logging.LogSink;
import dev.jnas.platform.plugin.Extensions;
import dev.jnas.platform.plugin.PluginDescription;
import dev.jnas.platform.run.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jnas plugins}: the loaded plugins and the extensions each provides. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugins found in the plugin folder and their extensions by point and id.")
final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print a JSON array instead of text.")
    boolean json;

    @Override
    public Integer call() {
        if (common.verbose) {
            LogSink.toTerminal();
        }
        EngineSupport.start(1);
        Extensions extensions = Extensions.load(common.pluginsDirectory());
        PrintWriter out = spec.commandLine().getOut();
        List<PluginDescription> plugins = extensions.plugins();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PluginDescription p : plugins) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", p.id());
                row.put("version", p.version());
                row.put("jar", p.path().toString());
                Map<String, List<String>> points = new LinkedHashMap<>();
                p.extensions().forEach((point, ids) -> points.put(Extensions.noun(point), ids));
                row.put("extensions", points);
                rows.add(row);
            }
            out.print(Json.pretty(rows));
        } else {
            out.println(plugins.size() + " plugin(s) in " + common.pluginsDirectory());
            for (PluginDescription p : plugins) {
                out.println();
                out.println(p.id() + " " + p.version() + "  " + p.path());
                if (!p.description().isEmpty()) {
                    out.println("  " + p.description());
                }
                p.extensions().forEach((point, ids) ->
                        out.println("  " + Extensions.noun(point) + ": " + String.join(", ", ids)));
            }
        }
        out.flush();
        return 0;
    }
}
