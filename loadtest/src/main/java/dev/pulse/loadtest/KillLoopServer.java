package dev.pulse.loadtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under test, {@code pulse serve} in a child process on an ephemeral port of 127.0.0.1,
 * started again and again on one data directory: {@link #kill} is SIGKILL (no shutdown hook, no
 * drain), {@link #stop} SIGTERM. {@code pulse} is whatever command runs the CLI ({@code java -jar
 * pulse.jar}, or a test's class path); every line the server writes is appended to a log file.
 */
final class KillLoopServer implements AutoCloseable
{
    private static final Pattern LISTENING = Pattern.compile("Pulse listening on http://[^:/]+:(\\d+)/");
    private static final long START_TIMEOUT_S = 60;
    private static final long EXIT_TIMEOUT_S = 60;

    private final List<String> pulse;
    private final Path dataDir;
    private final Path catalog;
    private final String fsyncPolicy;
    private final Path log;
    private Process process;

    KillLoopServer(final List<String> pulse, final Path dataDir, final Path catalog, final String fsyncPolicy, final Path log)
    {
        this.pulse = List.copyOf(pulse);
        this.dataDir = dataDir;
        this.catalog = catalog;
        this.fsyncPolicy = fsyncPolicy;
        this.log = log;
    }

    /** Starts the server and waits until it listens; returns its port. */
    int start() throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(pulse);
        command.addAll(List.of("serve", "--port", "0", "--bind", "127.0.0.1", "--data", dataDir.toString(),
            "--catalog", catalog.toString(), "--fsync", fsyncPolicy));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // No drain before the SIGTERM stop (drain_delay, close_spread): the loop has no balancer to wait for.
        builder.environment().put("PULSE_DRAIN_DELAY", "0");
        builder.environment().put("PULSE_CLOSE_SPREAD", "0");
        process = builder.start();
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        final Process started = process;
        final Thread reader = new Thread(() -> copyOutput(started, port), "kill-loop-server-output");
        reader.setDaemon(true);
        reader.start();
        try
        {
            return port.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            close();
            throw new IOException("the server did not start listening within " + START_TIMEOUT_S + " s (its output is in " + log + ")", ex);
        }
    }

    /** Appends the process's output to the log, completing {@code port} at the line that says where it listens. */
    private void copyOutput(final Process started, final CompletableFuture<Integer> port)
    {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
            Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND))
        {
            out.write("---- pid " + started.pid() + ": " + String.join(" ", started.info().arguments().orElse(new String[0])) + "\n");
            String line;
            while ((line = lines.readLine()) != null)
            {
                out.write(line);
                out.write('\n');
                final Matcher listening = LISTENING.matcher(line);
                if (!port.isDone() && listening.find())
                {
                    out.flush();
                    port.complete(Integer.parseInt(listening.group(1)));
                }
            }
            port.completeExceptionally(new IOException("the server exited with " + started.waitFor() + " before it listened"));
        }
        catch (final IOException | InterruptedException ex)
        {
            port.completeExceptionally(ex);
        }
    }

    /** kill -9; returns once the process is gone. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        if (!process.waitFor(EXIT_TIMEOUT_S, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("the server did not die from SIGKILL within " + EXIT_TIMEOUT_S + " s");
        }
    }

    /** SIGTERM, the graceful stop; returns the exit status. */
    int stop() throws InterruptedException
    {
        process.destroy();
        if (!process.waitFor(EXIT_TIMEOUT_S, TimeUnit.SECONDS))
        {
            close();
            throw new IllegalStateException("the server did not stop within " + EXIT_TIMEOUT_S + " s of SIGTERM");
        }
        return process.exitValue();
    }

    /**
     * Runs {@code pulse journal cat} on the data directory and hands its output to {@code check};
     * returns its exit status (not 0: the journal is damaged, or could not be read). Its errors go
     * to the log.
     */
    int journalCat(final KillLoopCheck check) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(pulse);
        command.addAll(List.of("journal", "cat", "--data", dataDir.toString()));
        final Process cat = new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(cat.getInputStream(), StandardCharsets.UTF_8)))
        {
            check.readJournal(lines);
        }
        finally
        {
            if (!cat.waitFor(EXIT_TIMEOUT_S, TimeUnit.SECONDS))
            {
                cat.destroyForcibly().waitFor();
            }
        }
        return cat.exitValue();
    }

    @Override
    public void close()
    {
        if (process != null && process.isAlive())
        {
            process.destroyForcibly();
            try
            {
                process.waitFor(EXIT_TIMEOUT_S, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
