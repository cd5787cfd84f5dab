package dev.pulse.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The command line of a child JVM that runs a class from the test class path with the JVM flags
 * the binary's manifest carries ({@code /jvm-flags.properties}: Chronicle Map's and Agrona's opens),
 * for tests that kill, signal or read the exit status of a real process.
 */
public final class ChildJvm
{
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
