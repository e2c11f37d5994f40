package dev.jnas.platform.trials;

import dev.jnas.api.blackbox.Evaluation;
import dev.jnas.api.blackbox.TrialRequest;
import dev.jnas.api.blackbox.TrialRunner;
import dev.jnas.api.error.JnasException;
import dev.jnas.platform.run.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains several architectures at once in worker processes, one training per worker at a time
 * (each process has its own engine, so the one-gradient-collector rule of a process does not
 * bind, and each worker's thread count is the machine's cores divided among the workers).
 *
 * <p>A worker is any command that speaks {@link TrialWorker}'s protocol on its standard input and
 * output ({@code jnas worker ...}); its standard error goes to {@code worker-<n>.log} in the log
 * folder. Requests queue and go to the first free worker. A worker that dies, or gives an answer
 * that cannot be read (it is then given up), fails its request with a one-line
 * {@link JnasException} naming its log; the others go on, and when none is left every waiting
 * request fails. {@link #close()} ends the workers' input and stops them.
 */
public final class WorkerPool implements TrialRunner {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    /** A request waiting for a worker. */
    private record Pending(TrialRequest request, CompletableFuture<Evaluation> result) {
    }

    private static final Pending STOP = new Pending(null, null);

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Process> processes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger alive = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Starts {@code workers} processes of {@code command}.
     *
     * @param logs the folder their standard error goes to
     * @throws JnasException if a process cannot be started
     */
    public WorkerPool(List<String> command, int workers, Path logs) {
        if (workers < 1) {
            throw new JnasException("workers must be positive, got " + workers);
        }
        for (int i = 0; i < workers; i++) {
            Path log = logs.resolve("worker-" + (i + 1) + ".log");
            Process process;
            try {
                process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
            } catch (IOException e) {
                close();
                throw new JnasException("cannot start a trial worker (" + command.get(0) + "): " + e.getMessage());
            }
            processes.add(process);
            alive.incrementAndGet();
            Thread thread = new Thread(() -> serve(process, log), "trial-worker-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public int parallelism() {
        return processes.size();
    }

    @Override
    public CompletableFuture<Evaluation> submit(TrialRequest request) {
        CompletableFuture<Evaluation> result = new CompletableFuture<>();
        if (closed || alive.get() == 0) {
            result.completeExceptionally(new JnasException("no trial worker is running"));
            return result;
        }
        queue.add(new Pending(request, result));
        return result;
    }

    private void serve(Process process, Path log) {
        PrintStream in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            while (true) {
                Pending pending = queue.take();
                if (pending == STOP) {
                    return;
                }
                in.println(TrialWorker.PREFIX + Json.line(pending.request()));
                in.flush();
                TrialWorker.Response response;
                try {
                    response = read(out);
                } catch (IOException e) {
                    LOG.warn("unreadable answer from a trial worker", e);
                    pending.result().completeExceptionally(new JnasException(
                            "a trial worker gave an unreadable answer (" + firstLine(e) + "); see " + log));
                    return;
                }
                if (response == null) {
                    pending.result().completeExceptionally(died(process, log));
                    return;
                }
                if (response.error() != null) {
                    pending.result().completeExceptionally(new JnasException(response.error()));
                } else {
                    pending.result().complete(response.evaluation());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            in.close();
            if (alive.decrementAndGet() == 0) {
                failWaiting(died(process, log));
            }
        }
    }

    /** The next protocol line, or null at the end of the worker's output. */
    private static TrialWorker.Response read(BufferedReader out) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(TrialWorker.PREFIX)) {
                return Json.COMPACT.readValue(line.substring(TrialWorker.PREFIX.length()), TrialWorker.Response.class);
            }
        }
        return null;
    }

    /** The first line of an exception's message, for a one-line message. */
    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    private JnasException died(Process process, Path log) {
        if (closed) {
            return new JnasException("the trial workers were stopped");
        }
        String code;
        try {
            code = process.waitFor(5, TimeUnit.SECONDS) ? "exit code " + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = "interrupted";
        }
        return new JnasException("a trial worker died (" + code + "); see " + log);
    }

    private void failWaiting(JnasException cause) {
        Pending pending;
        while ((pending = queue.poll()) != null) {
            if (pending != STOP) {
                pending.result().completeExceptionally(cause);
            }
        }
    }

    /**
     * Ends the workers' input and stops them; a training still running is abandoned (its request
     * fails), so closing never waits for one.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < threads.size(); i++) {
            queue.add(STOP);
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failWaiting(new JnasException("the trial workers were stopped"));
    }
}
