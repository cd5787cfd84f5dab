package dev.pulse.server.e2e.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A proxy program (nginx, HAProxy) run in the foreground for one test class, on a port picked free
 * at run time, its output in a file; stopped with SIGTERM, forcibly if it lingers, also when the
 * test fails. The deploy files it runs with are read by path from the repository's root.
 */
abstract class ProxyProcess implements AutoCloseable
{
    /** The repository's root: tests run in the server module's directory. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Path outputFile;
    private final int port;
    private Process process;

    ProxyProcess(final Path dir) throws IOException
    {
        Files.createDirectories(dir);
        this.outputFile = dir.resolve("output.txt");
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            this.port = probe.getLocalPort();
        }
    }

    /** Starts {@code command} with these environment variables and waits until the port accepts connections. */
    final void start(final List<String> command, final Map<String, String> environment) throws Exception
    {
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile());
        builder.environment().putAll(environment);
        process = builder.start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true)
        {
            try (Socket probe = new Socket())
            {
                probe.connect(address(), 1_000);
                return;
            }
            catch (final IOException notYet)
            {
                if (!process.isAlive() || System.nanoTime() > deadline)
                {
                    close();
                    throw new AssertionError(command.get(0) + " did not listen on " + port + ":\n" + output(), notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    /** Where visitors connect. */
    final InetSocketAddress address()
    {
        return new InetSocketAddress("127.0.0.1", port);
    }

    final int port()
    {
        return port;
    }

    /** What the program printed. */
    final String output() throws IOException
    {
        return Files.exists(outputFile) ? Files.readString(outputFile) : "";
    }

    @Override
    public final void close()
    {
        stop(process);
    }

    /** SIGTERM, then SIGKILL if {@code process} is still there 20 s later; null: nothing to stop. */
    static void stop(final Process process)
    {
        if (process == null)
        {
            return;
        }
        process.destroy();
        try
        {
            if (!process.waitFor(20, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
