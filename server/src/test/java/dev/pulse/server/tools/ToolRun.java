package dev.pulse.server.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external program (promtool, ...) to its end: its exit status and its output, errors
 * merged. Input and output go through files, so a tool that hangs cannot block the test on a pipe;
 * a run past its deadline is killed and fails the test.
 */
public record ToolRun(int exitStatus, String output)
{
    /** Runs {@code command} in {@code directory} with {@code stdin} as its standard input (empty when null). */
    public static ToolRun run(final Path directory, final String stdin, final long timeoutSeconds, final String... command)
        throws InterruptedException
    {
        try
        {
            final Path input = Files.createTempFile("pulse-tool-in", ".txt");
            final Path output = Files.createTempFile("pulse-tool-out", ".txt");
            try
            {
                Files.writeString(input, stdin == null ? "" : stdin);
                final Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                    .redirectInput(input.toFile()).redirectOutput(output.toFile()).redirectErrorStream(true).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
                {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
                }
                return new ToolRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            }
            finally
            {
                Files.deleteIfExists(input);
                Files.deleteIfExists(output);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), ex);
        }
    }
}
