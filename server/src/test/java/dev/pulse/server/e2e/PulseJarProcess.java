package dev.pulse.server.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.pulse.server.testing.ChildJvm;

/**
 * {@code java -jar pulse.jar serve} as an operator runs it: the shaded binary the build just made
 * ({@code pulse.jar}, a system property the failsafe run sets), its own environment, stdout and
 * stderr kept apart (stderr into a file, read as it grows). For integration tests of what only the
 * shaded jar can get wrong. Always {@link #close}: it kills the process if it still runs.
 */
final class PulseJarProcess implements AutoCloseable
{
    private static final Pattern LISTENING = Pattern.compile("Pulse listening on http://[^:]+:(\\d+)/");
    private static final long WAIT_MS = 30_000;

    private final Process process;
    private final Path stderrFile;
    private final StringBuffer stdout = new StringBuffer();
    private final int port;

    private PulseJarProcess(final Process process, final Path stderrFile) throws Exception
    {
        this.process = process;
        this.stderrFile = stderrFile;
        try
        {
            this.port = Integer.parseInt(ChildJvm.awaitLine(process, LISTENING, stdout, "the server exited without listening").group(1));
        }
        catch (final Exception | AssertionError failed)
        {
            process.destroyForcibly();
            throw new AssertionError(failed.getMessage() + "\nstderr:\n" + Files.readString(stderrFile), failed);
        }
    }

    /** Starts {@code serve} on an ephemeral port of 127.0.0.1 with its data in {@code dir}, {@code environment} added to this one's. */
    static PulseJarProcess serve(final Path dir, final Map<String, String> environment, final String... more) throws Exception
    {
        final Path jar = Path.of(System.getProperty("pulse.jar", "target/pulse.jar"));
        if (!Files.isRegularFile(jar))
        {
            throw new IllegalStateException(jar + " is not there: the shaded jar is built in the package phase, before this test");
        }
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", jar.toString(), "serve", "--port", "0", "--bind", "127.0.0.1", "--data", dir.resolve("data").toString()));
        command.addAll(List.of(more));
        final Path stderrFile = dir.resolve("stderr.txt");
        final ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderrFile.toFile());
        // As an operator's shell: no PULSE_ variable of the test run's (CI sets some) reaches the server unasked.
        builder.environment().keySet().removeIf(name -> name.startsWith("PULSE_"));
        builder.environment().putAll(environment);
        return new PulseJarProcess(builder.start(), stderrFile);
    }

    int port()
    {
        return port;
    }

    /** What the process wrote to stdout so far. */
    String stdout()
    {
        return stdout.toString();
    }

    /** Every line written to stderr so far. */
    List<String> stderrLines() throws IOException
    {
        return Files.readAllLines(stderrFile, StandardCharsets.UTF_8);
    }

    /** Waits until a line of stderr matches {@code wanted}; returns it. Fails with what stderr holds after 30 s. */
    String awaitStderrLine(final Predicate<String> wanted) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (System.nanoTime() < deadline)
        {
            for (final String line : stderrLines())
            {
                if (wanted.test(line))
                {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such line on stderr within " + WAIT_MS + " ms:\n" + String.join("\n", stderrLines()));
    }

    /** SIGTERM, as systemd stops a service; returns the exit status. */
    int stop() throws Exception
    {
        process.destroy();
        if (!process.waitFor(WAIT_MS, TimeUnit.MILLISECONDS))
        {
            throw new AssertionError("the server did not stop within " + WAIT_MS + " ms of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close()
    {
        process.destroyForcibly();
    }
}
