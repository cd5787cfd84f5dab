package dev.pulse.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import io.netty.util.ResourceLeakDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of the load generator ({@code loadtest-contract.md}): reads and checks the
 * options, runs the {@link Generator}, prints the table, writes the files, and exits 0 when every
 * check passed, 1 on a correctness failure, 2 on a usage error, 3 when the server could not be
 * reached.
 */
@Command(name = "pulse-loadtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Open-model load generator speaking the Pulse protocol (loopback only).")
public final class LoadtestMain extends CheckedCommand<RunSettings>
{
    @Option(names = "--url", required = true, description = "ws://127.x.y.z:port/ws?site=KEY (127.0.0.0/8 only)")
    private String url;

    @Option(names = "--origin", defaultValue = "http://loadtest.pulse", description = "the Origin header (default: ${DEFAULT-VALUE})")
    private String origin;

    @Option(names = "--sessions", defaultValue = "1000", description = "concurrent sessions, one connection each (default: ${DEFAULT-VALUE})")
    private int sessions;

    @Option(names = "--rate", defaultValue = "2000", description = "aggregate events per second, open model (default: ${DEFAULT-VALUE})")
    private int rate;

    @Option(names = "--duration", defaultValue = "60s", description = "the measured period (default: ${DEFAULT-VALUE})")
    private String duration;

    @Option(names = "--warmup", defaultValue = "10s", description = "run at the same rate before measuring (default: ${DEFAULT-VALUE})")
    private String warmup;

    @Option(names = "--mix", description = "journey weights, e.g. browse=50,back_and_forth=50 (default: every journey)")
    private String mix;

    @Option(names = "--out", description = "directory for summary.json and the .hgrm files")
    private Path out;

    @Option(names = "--loops", description = "client event loops (default: the number of cores)")
    private Integer loops;

    @Option(names = "--source-addresses", defaultValue = "16", description = "spread connections over 127.0.0.1..127.0.0.N (default: ${DEFAULT-VALUE})")
    private int sourceAddresses;

    @Option(names = "--connect-rate", defaultValue = "2000", description = "new connections per second while ramping up (default: ${DEFAULT-VALUE})")
    private int connectRate;

    @Option(names = "--idle-ms", defaultValue = "1500", description = "the idle threshold of the server's catalog (default: ${DEFAULT-VALUE})")
    private long idleMs;

    @Option(names = "--reconnect", description = "on a close or lost connection, reconnect with backoff and jitter and resume the session")
    private boolean reconnect;

    @Option(names = "--question-timeout", defaultValue = "5s", description = "how long a question may take before it counts as missed (default: ${DEFAULT-VALUE})")
    private String questionTimeout;

    @Option(names = "--tick-us", defaultValue = "200", description = "the shortest sleep of a loop between sends, in µs (default: ${DEFAULT-VALUE})")
    private long tickMicros;

    LoadtestMain(final PrintStream stdout, final PrintStream stderr)
    {
        super("pulse-loadtest", stdout, stderr);
    }

    public static void main(final String[] args)
    {
        // The leak detector samples buffers with a stack trace each (thousands a minute at 20,000
        // events/s, seen in a JFR profile): a cost the measuring instrument should not carry.
        // -Dio.netty.leakDetection.level=... still turns it on for a debugging run.
        if (System.getProperty("io.netty.leakDetection.level") == null)
        {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        System.exit(new LoadtestMain(System.out, System.err).execute(args));
    }

    @Override
    int run(final RunSettings settings) throws InterruptedException
    {
        final Report report = new Generator(settings, stderr).run();
        if (report == null)
        {
            return EXIT_UNREACHABLE;
        }
        report.print(stdout);
        if (out != null)
        {
            try
            {
                report.write(out);
            }
            catch (final IOException ex)
            {
                problem("could not write " + out + ": " + ex.getMessage());
                return EXIT_FAILED;
            }
        }
        return report.ok() ? EXIT_OK : EXIT_FAILED;
    }

    @Override
    RunSettings settings()
    {
        return new RunSettings(
            LoopbackUrl.parse(url),
            origin,
            sessions,
            rate,
            Durations.parseMs(duration),
            Durations.parseMs(warmup),
            mix == null ? Mix.everyJourney() : Mix.parse(mix),
            loops == null ? Runtime.getRuntime().availableProcessors() : loops,
            sourceAddresses,
            connectRate,
            idleMs,
            reconnect,
            Durations.parseMs(questionTimeout),
            tickMicros).check();
    }
}
