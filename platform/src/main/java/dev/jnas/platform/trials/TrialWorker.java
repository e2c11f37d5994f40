package dev.jnas.platform.trials;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jnas.api.blackbox.Evaluation;
import dev.jnas.api.blackbox.TrialRequest;
import dev.jnas.api.error.JnasException;
import dev.jnas.platform.run.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * The line protocol between a {@link WorkerPool} and its worker processes, and the worker's loop.
 * The pool writes one request per line, {@code jnas-trial {"space": ..., "architecture": ...}};
 * the worker trains it and answers one line, {@code jnas-trial {"evaluation": {...}}} or
 * {@code jnas-trial {"error": "one line"}}. Lines without the prefix (a library printing to
 * standard output) are ignored by both sides. The worker ends at the end of its input.
 */
public final class TrialWorker {

    /** The prefix of every protocol line. */
    public static final String PREFIX = "jnas-trial ";

    /**
     * A worker's answer: the evaluation, or the one-line reason it failed.
     *
     * @param evaluation what the training gave, or null
     * @param error why it failed, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(@JsonProperty("evaluation") Evaluation evaluation, @JsonProperty("error") String error) {
    }

    private TrialWorker() {
    }

    /**
     * Answers every request of {@code in} on {@code out} until {@code in} ends. A request that
     * fails is answered with its error and the loop goes on.
     */
    public static void serve(BufferedReader in, PrintStream out, Function<TrialRequest, Evaluation> training)
            throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.startsWith(PREFIX)) {
                continue;
            }
            Response response;
            try {
                TrialRequest request = Json.COMPACT.readValue(line.substring(PREFIX.length()), TrialRequest.class);
                response = new Response(training.apply(request), null);
            } catch (JnasException e) {
                response = new Response(null, e.getMessage());
            } catch (IOException | RuntimeException e) {
                response = new Response(null, "internal error in a trial worker: "
                        + e.toString().lines().findFirst().orElse(""));
            }
            out.println(PREFIX + Json.line(response));
            out.flush();
        }
    }
}
