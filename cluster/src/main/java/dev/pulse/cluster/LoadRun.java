package dev.pulse.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load generator ({@code loadtest/target/pulse-loadtest.jar}) in a child process, through the
 * balancer, with {@code --reconnect}: a visitor whose connection is lost reconnects with backoff
 * and jitter and is counted, not failed. Its output goes to {@code generator.txt} in the run's
 * directory, its figures to {@code summary.json} there ({@link LoadFigures}).
 */
final class LoadRun implements AutoCloseable
{
    /** The generator's own catalog's site and origin (loadtest/loadtest-catalog.yaml). */
    static final String SITE = "loadtest";

    private final Path out;
    private final Process process;

    /**
     * Starts the generator.
     *
     * @param jar      the generator's shaded jar.
     * @param out      its output directory.
     * @param port     the balancer's port on 127.0.0.1.
     * @param visitors concurrent visitors (sessions, one connection each).
     * @param rate     events per second, all visitors together.
     * @param seconds  how long the load runs.
     */
    LoadRun(final Path jar, final Path out, final int port, final int visitors, final int rate, final long seconds) throws IOException
    {
        this.out = out;
        Files.createDirectories(out);
        final List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
            "-XX:+UseSerialGC", "-jar", jar.toString(), "--url", "ws://127.0.0.1:" + port + "/ws?site=" + SITE,
            "--sessions", Integer.toString(visitors), "--rate", Integer.toString(rate), "--warmup", "0s",
            "--duration", seconds + "s", "--reconnect", "--loops", "1", "--out", out.toString());
        process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(out.resolve("generator.txt").toFile()).start();
    }

    /** Waits for the generator to end by itself; returns its exit status (1 is expected after a kill: missed questions). */
    int await(final long timeoutSeconds) throws IOException, InterruptedException
    {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
        {
            close();
            throw new IOException("the load generator did not end within " + timeoutSeconds + " s:\n" + output());
        }
        return process.exitValue();
    }

    /** What the generator measured. */
    LoadFigures figures() throws IOException
    {
        final Path summary = out.resolve("summary.json");
        if (!Files.exists(summary))
        {
            throw new IOException("the load generator wrote no summary.json:\n" + output());
        }
        return LoadFigures.read(summary);
    }

    String output() throws IOException
    {
        return Files.readString(out.resolve("generator.txt"));
    }

    @Override
    public void close()
    {
        if (process.isAlive())
        {
            process.destroyForcibly();
            try
            {
                process.waitFor(30, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
