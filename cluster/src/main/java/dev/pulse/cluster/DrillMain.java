package dev.pulse.cluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scripts/drill.sh}: runs the {@link Drill} once and prints its numbers.
 *
 * <pre>
 * java -jar cluster/target/pulse-drill.jar --root . --work /tmp/drill [--visitors 2000] [--rate 4000]
 *      [--seconds 60] [--kill-after 20] [--down 5] [--no-kafka] [--no-cluster-report]
 * </pre>
 * Exit status: 0 every promise kept; 1 one was broken (the lines above say which); 2 usage; 3 the
 * cluster or the load could not be run.
 */
public final class DrillMain
{
    static final int EXIT_OK = 0;
    static final int EXIT_BROKEN = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 3;
    private static final List<String> FLAGS = List.of("--no-kafka", "--no-cluster-report");
    private static final List<String> OPTIONS = List.of("--root", "--work", "--visitors", "--rate", "--seconds", "--kill-after", "--down");

    private DrillMain()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(run(args, System.out));
    }

    static int run(final String[] args, final PrintStream out)
    {
        final Drill.Settings settings;
        try
        {
            settings = parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            out.println("drill: " + ex.getMessage());
            out.println("usage: drill --work DIR [--root REPO] [--visitors N] [--rate EVENTS_PER_S] [--seconds N] [--kill-after N] " +
                "[--down N] [--no-kafka] [--no-cluster-report]");
            return EXIT_USAGE;
        }
        final Drill.Outcome outcome;
        try
        {
            outcome = new Drill(settings, out).run();
        }
        catch (final Exception ex)
        {
            out.println("drill: could not run: " + ex);
            return EXIT_FAILURE;
        }
        print(outcome, settings, out);
        return outcome.ok() ? EXIT_OK : EXIT_BROKEN;
    }

    static void print(final Drill.Outcome outcome, final Drill.Settings settings, final PrintStream out)
    {
        final LoadFigures load = outcome.load();
        out.printf("served again: %s killed holding %d connections; %d lost connections served again, gap max %d ms (promise: %d ms), " +
            "%d never served again: %s%n", outcome.victim(), outcome.victimConnections(), load.servedAgain(), load.gapMaxMs(),
            Drill.SERVED_AGAIN_MS, load.neverBack(), outcome.servedAgain() ? "OK" : "BROKEN");
        outcome.questions().print(out);
        if (outcome.shipped() != null)
        {
            outcome.shipped().print(out);
        }
        else
        {
            out.println("kafka: not checked (--no-kafka)");
        }
        outcome.reports().forEach(report -> report.print(out));
        if (!settings.clusterReport())
        {
            out.println("report: the cluster's ways not run (--no-cluster-report)");
        }
        out.println(outcome.ok() ? "drill: OK" : "drill: FAILED");
    }

    static Drill.Settings parse(final String[] args)
    {
        final Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++)
        {
            if (FLAGS.contains(args[i]))
            {
                values.put(args[i], "true");
            }
            else if (OPTIONS.contains(args[i]) && i + 1 < args.length)
            {
                values.put(args[i], args[++i]);
            }
            else
            {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
        }
        if (!values.containsKey("--work"))
        {
            throw new IllegalArgumentException("--work DIR is required");
        }
        final long seconds = number(values, "--seconds", 60, 10, 3_600);
        final long killAfter = number(values, "--kill-after", seconds / 3, 1, seconds - 1);
        final long down = number(values, "--down", 5, 0, 600);
        if (killAfter + down >= seconds)
        {
            throw new IllegalArgumentException("--kill-after + --down must end before the load does (--seconds " + seconds + ")");
        }
        return new Drill.Settings(Path.of(values.getOrDefault("--root", ".")).toAbsolutePath().normalize(),
            Path.of(values.get("--work")).toAbsolutePath(), (int)number(values, "--visitors", 2_000, 3, 8_000),
            (int)number(values, "--rate", 4_000, 1, 40_000), seconds, killAfter, down,
            !values.containsKey("--no-kafka"), !values.containsKey("--no-cluster-report"));
    }

    private static long number(final Map<String, String> values, final String name, final long fallback, final long min, final long max)
    {
        final String text = values.get(name);
        if (text == null)
        {
            return fallback;
        }
        final long value;
        try
        {
            value = Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(name + " must be a whole number, not " + text, ex);
        }
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", not " + value);
        }
        return value;
    }
}
