package dev.pulse.server.e2e.faults;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.pulse.kafka.RestartablePort;
import dev.pulse.server.testing.ChildJvm;

/**
 * A Pulse server in a child JVM, so a test can kill it (-9) or stop it (SIGTERM) like an operator
 * would. It always listens on the same port and data directory, so clients reconnect to the
 * restarted server. Its output is kept for the failure message.
 */
final class ChildServer implements AutoCloseable
{
    static final String ADMIN_TOKEN = "fault-admin-token";
    static final String SITE = "faults";
    static final String ORIGIN = "http://localhost";
    private static final Pattern LISTENING = Pattern.compile("Pulse listening on");

    private final Path dataDir;
    private final Path catalogFile;
    private final int port;
    private final Map<String, String> environment;
    private final StringBuffer output = new StringBuffer();
    private Process process;

    ChildServer(final Path dir, final Map<String, String> environment) throws IOException
    {
        this.dataDir = dir.resolve("data");
        this.catalogFile = dir.resolve("catalog.yaml");
        this.environment = environment;
        Files.createDirectories(dir);
        try (InputStream in = ChildServer.class.getResourceAsStream("/e2e/faults/catalog.yaml"))
        {
            Files.write(catalogFile, in.readAllBytes());
        }
        this.port = RestartablePort.pick();
    }

    /** Starts the server with these extra {@code serve} options and waits until it listens. */
    void start(final String... options) throws Exception
    {
        // Start-up is most of a fault test's time on a small machine: C1 only and the serial collector start fastest.
        final List<String> jvm = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        final List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port), "--bind", "127.0.0.1",
            "--data", dataDir.toString(), "--catalog", catalogFile.toString(), "--admin-token", ADMIN_TOKEN));
        args.addAll(List.of(options));
        final List<String> command = ChildJvm.command(jvm, "dev.pulse.server.PulseMain", args);
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // No drain before a SIGTERM stop: these tests are about what the stop keeps, not how it spreads the closes.
        builder.environment().putAll(ChildJvm.NO_DRAIN);
        builder.environment().putAll(environment);
        output.setLength(0);
        final long startNs = System.nanoTime();
        process = builder.start();
        ChildJvm.awaitLine(process, LISTENING, output, "the server exited without listening");
        System.out.printf("child server pid %d listening on %d after %d ms%n", process.pid(), port, (System.nanoTime() - startNs) / 1_000_000);
    }

    /** kill -9: no shutdown hook, no drain; returns once the process is gone. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS))
        {
            throw new AssertionError("the server did not die from SIGKILL");
        }
    }

    /** SIGTERM, the graceful stop; returns the exit status. */
    int terminate() throws InterruptedException
    {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS))
        {
            throw new AssertionError("the server did not stop within 30 s of SIGTERM:\n" + output);
        }
        return process.exitValue();
    }

    int port()
    {
        return port;
    }

    Path journalDir()
    {
        return dataDir.resolve("journal");
    }

    Path catalogFile()
    {
        return catalogFile;
    }

    String output()
    {
        return output.toString();
    }

    @Override
    public void close()
    {
        if (process != null && process.isAlive())
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
