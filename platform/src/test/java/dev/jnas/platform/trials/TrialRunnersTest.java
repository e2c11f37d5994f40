package dev.jnas.platform.trials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnas.api.blackbox.Evaluation;
import dev.jnas.api.blackbox.TrialRequest;
import dev.jnas.api.blackbox.TrialRunner;
import dev.jnas.api.error.JnasException;
import dev.jnas.platform.run.Json;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trial execution layer without a training engine: the worker's loop on in-memory streams, a
 * pool of fake workers (a bash script that speaks the protocol and derives its answer from the
 * request's seed), and the in-process runner.
 */
class TrialRunnersTest {

    /** Only a guard against a future that never completes; nothing here is meant to take long. */
    private static final long HANG_SECONDS = 30;

    /**
     * A fake worker. Per request line: architecture {@code refused} is answered with an error,
     * {@code fatal} writes to standard error and exits with code 3, {@code garbled} gets an answer
     * that is no JSON; any other gets a line of noise, then reward = seed, reported = 2 seed,
     * 1.5 s, seed + 100 images.
     */
    private static final String FAKE_WORKER = """
            re='"seed":([0-9]+)'
            while IFS= read -r line; do
              case "$line" in
                'jnas-trial '*) ;;
                *) continue ;;
              esac
              [[ $line =~ $re ]] && seed=${BASH_REMATCH[1]}
              case "$line" in
                *'"architecture":"refused"'*) echo 'jnas-trial {"error":"refused is no cell of this space"}' ;;
                *'"architecture":"fatal"'*) echo 'the worker ran out of memory' >&2; exit 3 ;;
                *'"architecture":"garbled"'*) echo 'jnas-trial {"evaluation":' ;;
                *) echo 'a library talking on standard output'
                   echo 'jnas-trial {"evaluation":{"reward":'"$seed"',"reported":'"$((seed * 2))"',"seconds":1.5,"images":'"$((seed + 100))"'}}' ;;
              esac
            done
            """;

    @TempDir
    Path dir;

    private static TrialRequest request(String architecture, long seed) {
        return new TrialRequest("nb201", architecture, seed, Map.of("epochs", "1"));
    }

    /** What the fake worker answers for a cell it accepts. */
    private static Evaluation fakeEvaluation(long seed) {
        return new Evaluation(seed, 2 * seed, 1.5, seed + 100);
    }

    private WorkerPool pool(int workers) throws IOException {
        Path script = dir.resolve("fake-worker.sh");
        Files.writeString(script, FAKE_WORKER);
        return new WorkerPool(List.of("/bin/bash", script.toString()), workers, dir);
    }

    private static Evaluation result(CompletableFuture<Evaluation> future) throws Exception {
        return future.get(HANG_SECONDS, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<Evaluation> future) {
        return assertThrows(ExecutionException.class, () -> future.get(HANG_SECONDS, TimeUnit.SECONDS)).getCause();
    }

    private static List<TrialWorker.Response> serve(List<String> lines, Function<TrialRequest, Evaluation> training)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TrialWorker.serve(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), out, training);
        List<TrialWorker.Response> responses = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).lines().toList()) {
            assertTrue(line.startsWith(TrialWorker.PREFIX), line);
            responses.add(Json.COMPACT.readValue(line.substring(TrialWorker.PREFIX.length()),
                    TrialWorker.Response.class));
        }
        return responses;
    }

    @Test
    void theWorkerAnswersEachRequestLineAndIgnoresOtherLines() throws IOException {
        List<TrialRequest> seen = new ArrayList<>();
        List<TrialWorker.Response> responses = serve(List.of(
                TrialWorker.PREFIX + Json.line(request("a", 3)),
                "a line from a library",
                TrialWorker.PREFIX + Json.line(request("b", 5))), r -> {
                    seen.add(r);
                    return new Evaluation(10 * r.seed(), r.seed(), 2, r.seed() + 1);
                });
        assertEquals(List.of(request("a", 3), request("b", 5)), seen);
        assertEquals(List.of(new TrialWorker.Response(new Evaluation(30, 3, 2, 4), null),
                new TrialWorker.Response(new Evaluation(50, 5, 2, 6), null)), responses);
    }

    @Test
    void aUserErrorInTheTrainingIsAnsweredAsItsMessageAndTheLoopGoesOn() throws IOException {
        List<TrialWorker.Response> responses = serve(List.of(
                TrialWorker.PREFIX + Json.line(request("bad", 1)),
                TrialWorker.PREFIX + Json.line(request("good", 2))), r -> {
                    if (r.architecture().equals("bad")) {
                        throw new JnasException("bad is no cell of this space");
                    }
                    return new Evaluation(r.seed(), r.seed(), 1, 1);
                });
        assertEquals(List.of(new TrialWorker.Response(null, "bad is no cell of this space"),
                new TrialWorker.Response(new Evaluation(2, 2, 1, 1), null)), responses);
    }

    @Test
    void aBugOrAnUnreadableRequestIsAnsweredAsAOneLineInternalError() throws IOException {
        List<TrialWorker.Response> responses = serve(List.of(
                TrialWorker.PREFIX + "{\"space\": ",
                TrialWorker.PREFIX + Json.line(request("buggy", 1)),
                TrialWorker.PREFIX + Json.line(request("good", 2))), r -> {
                    if (r.architecture().equals("buggy")) {
                        throw new IllegalStateException("an index went wrong");
                    }
                    return new Evaluation(r.seed(), r.seed(), 1, 1);
                });
        assertEquals(3, responses.size());
        String unreadable = responses.get(0).error();
        assertTrue(unreadable.startsWith("internal error in a trial worker: "), unreadable);
        assertFalse(unreadable.contains("\n"), unreadable);
        assertEquals(new TrialWorker.Response(null,
                "internal error in a trial worker: java.lang.IllegalStateException: an index went wrong"),
                responses.get(1));
        assertEquals(new TrialWorker.Response(new Evaluation(2, 2, 1, 1), null), responses.get(2));
    }

    @Test
    void thePoolGivesEachQueuedRequestItsOwnAnswer() throws Exception {
        try (WorkerPool pool = pool(2)) {
            List<CompletableFuture<Evaluation>> futures = new ArrayList<>();
            for (long seed = 1; seed <= 8; seed++) {
                futures.add(pool.submit(request("cell-" + seed, seed)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(fakeEvaluation(i + 1), result(futures.get(i)), "request " + (i + 1));
            }
        }
    }

    @Test
    void anErrorAnswerFailsThatRequestWithItsLineAndTheWorkerGoesOn() throws Exception {
        try (WorkerPool pool = pool(1)) {
            CompletableFuture<Evaluation> refused = pool.submit(request("refused", 1));
            CompletableFuture<Evaluation> next = pool.submit(request("cell", 2));
            Throwable cause = failure(refused);
            assertInstanceOf(JnasException.class, cause);
            assertEquals("refused is no cell of this space", cause.getMessage());
            assertEquals(fakeEvaluation(2), result(next));
        }
    }

    @Test
    void aWorkerThatExitsFailsItsRequestNamingItsLogAndTheOtherWorkerGoesOn() throws Exception {
        try (WorkerPool pool = pool(2)) {
            CompletableFuture<Evaluation> fatal = pool.submit(request("fatal", 1));
            List<CompletableFuture<Evaluation>> others = new ArrayList<>();
            for (long seed = 2; seed <= 5; seed++) {
                others.add(pool.submit(request("cell", seed)));
            }
            Throwable cause = failure(fatal);
            assertInstanceOf(JnasException.class, cause);
            String message = cause.getMessage();
            assertTrue(message.matches("a trial worker died \\(exit code 3\\); see .*worker-[12]\\.log"), message);
            Path log = Path.of(message.substring(message.indexOf("; see ") + "; see ".length()));
            assertEquals(dir, log.getParent());
            assertTrue(Files.readString(log).contains("the worker ran out of memory"), Files.readString(log));
            for (int i = 0; i < others.size(); i++) {
                assertEquals(fakeEvaluation(i + 2), result(others.get(i)));
            }
            assertEquals(fakeEvaluation(6), result(pool.submit(request("cell", 6))));
        }
    }

    @Test
    void anUnreadableAnswerFailsItsRequestInOneLineNamingTheLog() throws Exception {
        try (WorkerPool pool = pool(1)) {
            Throwable cause = failure(pool.submit(request("garbled", 1)));
            assertInstanceOf(JnasException.class, cause);
            String message = cause.getMessage();
            assertTrue(message.startsWith("a trial worker gave an unreadable answer"), message);
            assertTrue(message.endsWith("; see " + dir.resolve("worker-1.log")), message);
            assertFalse(message.contains("\n"), message);
        }
    }

    @Test
    void aClosedPoolRefusesRequests() throws Exception {
        try (WorkerPool pool = pool(2)) {
            assertEquals(fakeEvaluation(1), result(pool.submit(request("cell", 1))));
            pool.close();
            CompletableFuture<Evaluation> late = pool.submit(request("cell", 2));
            assertTrue(late.isCompletedExceptionally());
            Throwable cause = failure(late);
            assertInstanceOf(JnasException.class, cause);
            assertEquals("no trial worker is running", cause.getMessage());
        }
    }

    @Test
    void theParallelismIsTheNumberOfWorkers() throws IOException {
        try (WorkerPool pool = pool(3)) {
            assertEquals(3, pool.parallelism());
        }
    }

    @Test
    void aPoolNeedsAtLeastOneWorker() {
        JnasException e = assertThrows(JnasException.class, () -> pool(0));
        assertEquals("workers must be positive, got 0", e.getMessage());
    }

    @Test
    void aWorkerCommandThatCannotStartIsAUserError() {
        String missing = dir.resolve("no-such-worker").toString();
        JnasException e = assertThrows(JnasException.class, () -> new WorkerPool(List.of(missing), 2, dir));
        assertTrue(e.getMessage().startsWith("cannot start a trial worker (" + missing + "): "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void theInProcessRunnerTrainsOneTrialAtOnceOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        List<Thread> threads = new ArrayList<>();
        TrialRunner runner = new InProcessTrialRunner(r -> {
            threads.add(Thread.currentThread());
            return new Evaluation(r.seed(), 0, 1, 7);
        });
        assertEquals(1, runner.parallelism());
        CompletableFuture<Evaluation> future = runner.submit(request("cell", 4));
        assertTrue(future.isDone(), "the training ran before submit returned");
        assertEquals(new Evaluation(4, 0, 1, 7), future.join());
        assertEquals(List.of(caller), threads);
    }

    @Test
    void aTrainingThatThrowsGivesTheInProcessRunnerAFailedFuture() {
        JnasException problem = new JnasException("training setting epochs is missing");
        TrialRunner runner = new InProcessTrialRunner(r -> {
            throw problem;
        });
        CompletableFuture<Evaluation> future = runner.submit(request("cell", 1));
        assertTrue(future.isCompletedExceptionally());
        assertSame(problem, failure(future));
    }

    @Test
    void theRunnerOfCommandsThatNeverTrainRefusesEveryRequest() {
        assertEquals(1, TrialRunner.NONE.parallelism());
        Throwable cause = failure(TrialRunner.NONE.submit(request("cell", 1)));
        assertInstanceOf(JnasException.class, cause);
        assertEquals("this command runs no trainings; use an evaluator that looks architectures up",
                cause.getMessage());
        TrialRunner.NONE.close();
    }
}
