package dev.pulse.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM for tests that kill, signal or read the exit status of a real process: the command
 * line that runs a class from the test class path with the JVM flags the binary's manifest carries
 * ({@code /jvm-flags.properties}: Chronicle Map's and Agrona's opens), and a wait for the line of
 * its output that says it is ready.
 */
public final class ChildJvm
{
    /**
     * The environment of a server that stops at once on SIGTERM, without the drain: for tests that
     * stop child servers and are not about draining, so they stay as fast as before it existed.
     */
    public static final Map<String, String> NO_DRAIN = Map.of("PULSE_DRAIN_DELAY", "0", "PULSE_CLOSE_SPREAD", "0");

    private ChildJvm()
    {
    }

    /** {@code java <jvmOptions> <the manifest's flags> -cp <test class path> <mainClass> <args>}. */
    public static List<String> command(final List<String> jvmOptions, final String mainClass, final List<String> args)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(manifestFlags());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Reads the process's output (errors merged) on a daemon thread, appending every line to
     * {@code output}, until a line matches {@code ready}; returns that match. The thread keeps
     * draining afterwards, so the child never blocks on a full pipe. Fails with
     * {@code exitedMessage} and the output if the process ends first, or after 60 s.
     */
    public static MatchResult awaitLine(final Process process, final Pattern ready, final StringBuffer output, final String exitedMessage)
        throws Exception
    {
        final CompletableFuture<MatchResult> match = new CompletableFuture<>();
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = lines.readLine()) != null)
                {
                    output.append(line).append('\n');
                    final Matcher matcher = ready.matcher(line);
                    if (!match.isDone() && matcher.find())
                    {
                        match.complete(matcher.toMatchResult());
                    }
                }
                match.completeExceptionally(new AssertionError(exitedMessage + ":\n" + output));
            }
            catch (final IOException ex)
            {
                match.completeExceptionally(ex);
            }
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
        return match.get(60, TimeUnit.SECONDS);
    }

    private static List<String> manifestFlags()
    {
        final Properties flags = new Properties();
        try (InputStream in = ChildJvm.class.getResourceAsStream("/jvm-flags.properties"))
        {
            if (in == null)
            {
                throw new IllegalStateException("/jvm-flags.properties is not on the test class path (the server module generates it)");
            }
            flags.load(in);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return List.of(flags.getProperty("opens").trim().split("\\s+"));
    }
}
