package dev.jnas.platform.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jnas.api.SearchSettings;
import java.util.List;
import java.util.Map;

/**
 * {@code config.json}: everything needed to repeat a run.
 *
 * @param command the jnas command ({@code search})
 * @param arguments the command-line arguments as given
 * @param settings the resolved settings (presets and defaults applied)
 * @param data where the images came from: {@code sample}, {@code system} or an absolute directory
 * @param device the device used
 * @param threads intra-op threads
 * @param versions jnas, Java, DJL and PyTorch versions
 * @param plugins the loaded plugins by id, with their versions
 */
public record RunConfig(
        @JsonProperty("command") String command,
        @JsonProperty("arguments") List<String> arguments,
        @JsonProperty("settings") SearchSettings settings,
        @JsonProperty("data") String data,
        @JsonProperty("device") String device,
        @JsonProperty("threads") int threads,
        @JsonProperty("versions") Map<String, String> versions,
        @JsonProperty("plugins") Map<String, String> plugins) {
}
