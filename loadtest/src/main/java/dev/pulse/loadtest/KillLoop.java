package dev.pulse.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The proof of the ack promise: a server under steady load from {@link KillLoopDriver}, with every
 * handled message captured in its journal, is killed with SIGKILL at random instants and restarted
 * on the same data directory, again and again. The last server runs under load for one more such
 * while; then the load stops, every session drains (all it sent acked), the server stops gracefully, and {@link KillLoopCheck} holds the journal against
 * the clients' ledgers: every acked message recorded exactly once, nothing recorded that was not
 * sent. The clients also check the server's word as it comes: a hello that does not resume its
 * session, a welcome below what was acked or above what was sent, an ack above what was sent.
 */
final class KillLoop
{
    /**
     * @param kills             how many times the server is killed.
     * @param fsyncPolicy       the server's {@code --fsync}.
     * @param minBetweenMs      the shortest run of a server before its kill (from when it listens).
     * @param maxBetweenMs      the longest; each run's length is uniform in between.
     * @param sessions          concurrent sessions.
     * @param messagesPerSecond each session's pace.
     * @param workDir           where the data directory, the catalog and the server's log go.
     * @param pulse             the command that runs the Pulse CLI.
     * @param seed              for the run lengths and the reconnect jitter.
     * @param maxRunMs          no kill is started after this long; fewer kills than asked is a failure.
     */
    record Settings(int kills, String fsyncPolicy, long minBetweenMs, long maxBetweenMs, int sessions, int messagesPerSecond,
        Path workDir, List<String> pulse, long seed, long maxRunMs)
    {
    }

    static final String SITE = "killloop";
    static final String ORIGIN = "http://killloop.pulse";
    private static final long DRAIN_TIMEOUT_MS = 60_000;

    private final Settings settings;
    private final PrintStream out;

    KillLoop(final Settings settings, final PrintStream out)
    {
        this.settings = settings;
        this.out = out;
    }

    /** What a run found. */
    record Outcome(int kills, double welcomedAtKill, KillLoopCheck check, KillLoopTally tally, long undrained, int journalStatus)
    {
        boolean ok(final int killsAsked)
        {
            return kills >= killsAsked && check.ok() && tally.ok() && undrained == 0 && journalStatus == 0;
        }
    }

    /** Runs the loop, prints the counts, and returns what it found. */
    Outcome run() throws IOException, InterruptedException
    {
        final Path catalog = settings.workDir().resolve("catalog.yaml");
        try (InputStream in = KillLoop.class.getResourceAsStream("/kill-loop-catalog.yaml"))
        {
            Files.write(catalog, in.readAllBytes());
        }
        final KillLoopServer server = new KillLoopServer(settings.pulse(), settings.workDir().resolve("data"), catalog,
            settings.fsyncPolicy(), settings.workDir().resolve("server.log"));
        // A child process outlives its parent: if this JVM is stopped (Ctrl-C), the server is killed too.
        final Thread reaper = new Thread(server::close, "kill-loop-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        try
        {
            final Outcome outcome = runAgainst(server);
            print(outcome);
            return outcome;
        }
        finally
        {
            server.close();
            try
            {
                Runtime.getRuntime().removeShutdownHook(reaper);
            }
            catch (final IllegalStateException ex)
            {
                // The JVM is shutting down: the reaper runs anyway, harmlessly.
            }
        }
    }

    private Outcome runAgainst(final KillLoopServer server) throws IOException, InterruptedException
    {
        final Random random = new Random(settings.seed());
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.maxRunMs());
        int kills = 0;
        long welcomedAtKills = 0;
        final long undrained;
        final KillLoopTally tally;
        final KillLoopCheck check;
        try (KillLoopDriver driver = new KillLoopDriver(settings.sessions(), settings.messagesPerSecond(), SITE, ORIGIN, random.nextLong()))
        {
            driver.target(server.start());
            driver.startSending();
            while (kills < settings.kills() && System.nanoTime() < deadlineNs)
            {
                Thread.sleep(runMs(random));
                welcomedAtKills += driver.welcomed();
                server.kill();
                kills++;
                driver.target(server.start());
                if (kills % 10 == 0)
                {
                    out.printf("kill-loop %s: %d kills; %s%n", settings.fsyncPolicy(), kills, driver.tallyCopy());
                }
            }
            // The last server runs under load too (with no kills, the only one), then the load stops.
            Thread.sleep(runMs(random));
            driver.stopSending();
            undrained = driver.awaitDrained(DRAIN_TIMEOUT_MS);
            check = new KillLoopCheck(driver.ledgers());
            tally = driver.tallyCopy();
        }
        server.stop();
        final int journalStatus = server.journalCat(check);
        return new Outcome(kills, kills == 0 ? 0 : (double)welcomedAtKills / kills, check, tally, undrained, journalStatus);
    }

    /** How long a server runs before its kill: uniform in the settings' range. */
    private long runMs(final Random random)
    {
        return settings.minBetweenMs() + random.nextLong(settings.maxBetweenMs() - settings.minBetweenMs() + 1);
    }

    private void print(final Outcome outcome)
    {
        final String policy = settings.fsyncPolicy();
        out.printf("kill-loop %s: kills %d, ", policy, outcome.kills());
        outcome.check().print(out);
        for (final String example : outcome.check().examples())
        {
            out.printf("kill-loop %s:   %s%n", policy, example);
        }
        out.printf("kill-loop %s: clients: %.0f of %d sessions sending at a kill on average; %s%n", policy, outcome.welcomedAtKill(),
            settings.sessions(), outcome.tally());
        out.printf("kill-loop %s: sessions not drained at the end %d, pulse journal cat status %d%n", policy, outcome.undrained(),
            outcome.journalStatus());
        final List<String> failures = new ArrayList<>();
        if (outcome.kills() < settings.kills())
        {
            failures.add("only " + outcome.kills() + " of " + settings.kills() + " kills within the time bound");
        }
        if (!outcome.check().ok())
        {
            failures.add("the journal does not match the acks");
        }
        if (!outcome.tally().ok())
        {
            failures.add("the server's welcomes or acks contradict what was sent or acked");
        }
        if (outcome.undrained() > 0)
        {
            failures.add(outcome.undrained() + " sessions never had everything acked");
        }
        if (outcome.journalStatus() != 0)
        {
            failures.add("the journal could not be read to its end (see " + settings.workDir().resolve("server.log") + ")");
        }
        out.printf("kill-loop %s: %s%n", policy, failures.isEmpty() ? "OK" : "FAILED: " + String.join("; ", failures));
    }
}
