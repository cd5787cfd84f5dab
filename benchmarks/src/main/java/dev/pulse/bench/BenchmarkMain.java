package dev.pulse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH's command line, plus the JVM flags every Pulse JVM needs (Agrona's and Chronicle Map's
 * module openings, Chronicle's analytics off) appended to each fork. The flags come from the root
 * pom ({@code pulse.jvm.opens}), so they are written down once. Forks also run with Agrona's
 * bounds checks off, as the server binary does; the unit tests keep them on.
 *
 * <p>{@code java -jar benchmarks/target/pulse-benchmarks.jar [JMH options] [benchmark regex]}
 */
public final class BenchmarkMain
{
    private BenchmarkMain()
    {
    }

    public static void main(final String[] args) throws RunnerException, IOException
    {
        final CommandLineOptions commandLine;
        try
        {
            commandLine = new CommandLineOptions(args);
        }
        catch (final CommandLineOptionException ex)
        {
            System.err.println("Error parsing command line: " + ex.getMessage());
            System.exit(1);
            return;
        }
        if (commandLine.shouldHelp() || commandLine.shouldList() || commandLine.shouldListProfilers() ||
            commandLine.shouldListResultFormats() || commandLine.shouldListWithParams())
        {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        new Runner(new OptionsBuilder().parent(commandLine).jvmArgsAppend(pulseJvmFlags()).build()).run();
    }

    private static String[] pulseJvmFlags() throws IOException
    {
        try (InputStream in = BenchmarkMain.class.getResourceAsStream("/pulse-jvm.options"))
        {
            if (in == null)
            {
                throw new IOException("pulse-jvm.options is missing from the benchmarks jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+");
        }
    }
}
