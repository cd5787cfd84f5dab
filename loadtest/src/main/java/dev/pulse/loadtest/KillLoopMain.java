package dev.pulse.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line of the kill -9 loop ({@link KillLoop}; {@code scripts/kill-loop.sh} runs it):
 * {@code java -cp pulse-loadtest.jar dev.pulse.loadtest.KillLoopMain [options] -- <pulse command>},
 * where the pulse command runs the CLI ({@code java -jar server/target/pulse.jar}). Exits 0 when
 * every check passed, 1 when one failed, 2 on a usage error, 3 when the server could not be run.
 */
@Command(name = "kill-loop", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Kills a loaded Pulse server (SIGKILL) again and again, then checks that every acked message is in its journal exactly once.")
public final class KillLoopMain extends CheckedCommand<KillLoop.Settings>
{
    /** Under the server's default limit of 50 messages a second per connection, with room for the resends after a restart. */
    private static final int MAX_RATE = 40;
    private static final Set<String> POLICIES = Set.of("always", "interval", "never");

    @Option(names = "--kills", defaultValue = "50", description = "how many times the server is killed (default: ${DEFAULT-VALUE})")
    private int kills;

    @Option(names = "--policy", required = true, description = "the server's fsync policy: always, interval or never")
    private String policy;

    @Option(names = "--seconds-between", defaultValue = "0.5..3",
        description = "MIN..MAX: each server runs a uniform random time in between before its kill (default: ${DEFAULT-VALUE})")
    private String secondsBetween;

    @Option(names = "--sessions", defaultValue = "100", description = "concurrent sessions, 1 to 1000 (default: ${DEFAULT-VALUE})")
    private int sessions;

    @Option(names = "--rate", defaultValue = "10", description = "messages per second per session, 1 to 40 (default: ${DEFAULT-VALUE})")
    private int rate;

    @Option(names = "--work", required = true, description = "a directory for the data, the catalog and the server's log")
    private Path work;

    @Option(names = "--max-minutes", defaultValue = "60", description = "no kill starts after this long (default: ${DEFAULT-VALUE})")
    private long maxMinutes;

    @Option(names = "--seed", description = "for the run lengths and the reconnect jitter (default: from the clock)")
    private Long seed;

    @Parameters(arity = "1..*", paramLabel = "PULSE", description = "the command that runs the Pulse CLI, after --")
    private List<String> pulse;

    KillLoopMain(final PrintStream stdout, final PrintStream stderr)
    {
        super("kill-loop", stdout, stderr);
    }

    public static void main(final String[] args)
    {
        System.exit(new KillLoopMain(System.out, System.err).execute(args));
    }

    @Override
    int run(final KillLoop.Settings settings) throws InterruptedException
    {
        stdout.printf("kill-loop %s: %d kills, %s s between, %d sessions at %d messages/s each, seed %d, work %s%n", policy, kills,
            secondsBetween, sessions, rate, settings.seed(), work);
        try
        {
            final KillLoop.Outcome outcome = new KillLoop(settings, stdout).run();
            return outcome.ok(kills) ? EXIT_OK : EXIT_FAILED;
        }
        catch (final IOException ex)
        {
            problem(ex.getMessage());
            return EXIT_UNREACHABLE;
        }
    }

    /** Also makes the work directory, so that a run can write there. */
    @Override
    KillLoop.Settings settings() throws IOException
    {
        if (kills < 0)
        {
            throw new IllegalArgumentException("--kills must be 0 or more");
        }
        if (!POLICIES.contains(policy))
        {
            throw new IllegalArgumentException("--policy must be always, interval or never: " + policy);
        }
        if (sessions < 1 || sessions > 1000)
        {
            throw new IllegalArgumentException("--sessions must be 1 to 1000");
        }
        if (rate < 1 || rate > MAX_RATE)
        {
            throw new IllegalArgumentException("--rate must be 1 to " + MAX_RATE);
        }
        if (maxMinutes < 1)
        {
            throw new IllegalArgumentException("--max-minutes must be 1 or more");
        }
        final String[] range = secondsBetween.split("\\.\\.", -1);
        final long minMs;
        final long maxMs;
        try
        {
            minMs = Math.round(Double.parseDouble(range[0]) * 1000);
            maxMs = range.length == 2 ? Math.round(Double.parseDouble(range[1]) * 1000) : minMs;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("--seconds-between must be MIN..MAX in seconds: " + secondsBetween, ex);
        }
        if (range.length > 2 || minMs < 0 || maxMs < minMs || maxMs > 600_000)
        {
            throw new IllegalArgumentException("--seconds-between must be MIN..MAX in seconds, 0 <= MIN <= MAX <= 600: " + secondsBetween);
        }
        Files.createDirectories(work);
        return new KillLoop.Settings(kills, policy, minMs, maxMs, sessions, rate, work.toAbsolutePath(), pulse,
            seed == null ? System.nanoTime() : seed, maxMinutes * 60_000);
    }
}
