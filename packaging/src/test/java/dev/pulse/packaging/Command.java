package dev.pulse.packaging;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program run to its end: its exit status and its output (errors merged), read from a file so a
 * chatty program never blocks on a full pipe. A program still running after the deadline is killed
 * and the test fails, so a hung {@code dpkg} cannot hang the build.
 */
record Command(List<String> command, int exitStatus, String output)
{
    private static final long DEADLINE_SECONDS = 180;

    /** Runs {@code command} with stdin from /dev/null and the environment of the test, plus {@code environment}. */
    static Command run(final Map<String, String> environment, final List<String> command)
    {
        try
        {
            final Path output = Files.createTempFile("pulse-command", ".out");
            try
            {
                final ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(new File("/dev/null"))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                final Process process = builder.start();
                if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS))
                {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " still ran after " + DEADLINE_SECONDS + " s:\n" + read(output));
                }
                return new Command(command, process.exitValue(), read(output));
            }
            finally
            {
                Files.deleteIfExists(output);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, ex);
        }
    }

    static Command run(final String... command)
    {
        return run(Map.of(), List.of(command));
    }

    /** Runs it and returns its output; fails the test, showing the output, unless it exits 0. */
    static String succeed(final String... command)
    {
        return run(command).succeeded();
    }

    /** The output; fails the test, showing it, unless the program exited 0. */
    String succeeded()
    {
        if (exitStatus != 0)
        {
            throw new AssertionError(String.join(" ", command) + " exited " + exitStatus + ":\n" + output);
        }
        return output;
    }

    private static String read(final Path output) throws IOException
    {
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
