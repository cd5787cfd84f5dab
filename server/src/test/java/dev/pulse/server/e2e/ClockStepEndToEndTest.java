package dev.pulse.server.e2e;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.replay.Replay;
import dev.pulse.server.testing.FakePulseClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timers run on the monotonic clock: with the wall clock stepped back or forward an hour, the idle
 * question comes after exactly its 45 s of elapsed time, the outcome window closes after exactly
 * its 10 minutes (never early, never an hour late), and the records carry the wall time. Time is
 * the test's {@link FakePulseClock}: it stands still until the test moves it, so nothing here
 * depends on how fast the machine is.
 */
@Timeout(60)
class ClockStepEndToEndTest
{
    private static final long T0 = 1_700_000_000_000L;
    private static final long HOUR_MS = 3_600_000L;
    private static final long IDLE_MS = 45_000L;
    private static final long WINDOW_MS = 600_000L;
    /** The event loop's threads (Netty names them after their group); the tick reads the clock there. */
    private static final String EVENT_LOOP = "EventLoopGroup";

    @TempDir
    Path dir;

    private final FakePulseClock clock = new FakePulseClock(T0);
    private PulseServer server;

    @BeforeEach
    void start() throws Exception
    {
        final Path catalog = dir.resolve("catalog.yaml");
        try (InputStream in = ClockStepEndToEndTest.class.getResourceAsStream("/e2e/clock-catalog.yaml"))
        {
            Files.write(catalog, in.readAllBytes());
        }
        server = PulseServer.start(ServerConfig.defaults().toBuilder()
            .bind("127.0.0.1")
            .port(0)
            .dataDir(dir.resolve("data"))
            .catalogFile(catalog)
            .catalogWatchMs(0)
            .expectedSessions(1_000)
            .eventLoopThreads(1)
            // The read timeout runs on this clock too: the client is silent while the test moves
            // time on by minutes, which a real connection would not survive either.
            .readTimeoutMs(2 * HOUR_MS)
            .fsyncPolicy(FsyncPolicy.NEVER)
            .journalBufferBytes(1024 * 1024)
            .build(), clock);
    }

    @AfterEach
    void stop()
    {
        if (server != null)
        {
            server.close();
        }
    }

    @Test
    void shouldFireTheIdleQuestionAndStallTheWindowAtTheirElapsedTimesWhenTheWallClockStepsBack() throws Exception
    {
        try (TestClient client = TestClient.connect(server.port(), "test", "http://localhost"))
        {
            client.hello(null);
            client.awaitAck(client.send("page", "url", "/pricing", "nav", "navigate"));

            clock.stepWallMs(-HOUR_MS);
            clock.advanceMs(IDLE_MS + 1_000);
            client.next("question");

            clock.advanceMs(WINDOW_MS);
            awaitMetric("pulse_outcomes_total{group=\"shown\",outcome=\"stalled\"} 1");
        }
        server.close();

        final long askedWallMs = T0 - HOUR_MS + IDLE_MS + 1_000;
        assertThat(records()).containsSubsequence(
            "session_start at " + T0,
            "signal at " + askedWallMs,
            "question_shown at " + askedWallMs,
            "outcome stalled at " + (askedWallMs + WINDOW_MS) + " after " + WINDOW_MS);
        final Replay replay = new Replay(new CatalogLoader().load(dir.resolve("catalog.yaml")).catalog()).run(dir.resolve("data/journal"));
        assertThat(replay.liveDecisions()).contains("idle-pricing shown");
        assertThat(replay.replayedDecisions()).as("the replay runs on the machine's times, not the stepped wall")
            .isEqualTo(replay.liveDecisions());
    }

    @Test
    void shouldNeitherAskNorStallEarlyWhenTheWallClockJumpsForward() throws Exception
    {
        try (TestClient client = TestClient.connect(server.port(), "test", "http://localhost"))
        {
            client.hello(null);
            client.awaitAck(client.send("page", "url", "/pricing", "nav", "navigate"));

            clock.stepWallMs(HOUR_MS);
            clock.advanceMs(1_000);
            awaitTicks();
            client.assertNoQuestion(200);

            clock.advanceMs(IDLE_MS);
            client.next("question");

            clock.stepWallMs(HOUR_MS);
            clock.advanceMs(WINDOW_MS - 1_000);
            awaitTicks();
            assertThat(metric("pulse_outcomes_total{group=\"shown\",outcome=\"stalled\"}")).isZero();
            client.awaitAck(client.send("goal", "name", "purchase"));
        }
        server.close();

        assertThat(records()).contains("outcome forward at " + (T0 + 2 * HOUR_MS + 1_000 + IDLE_MS + WINDOW_MS - 1_000)
            + " after " + (WINDOW_MS - 1_000));
    }

    /**
     * Waits until the event loop has read the clock four times since now: a tick (one read, two
     * more if a timer fires and handles its session) has run wholly on the time as it is.
     */
    private void awaitTicks() throws InterruptedException
    {
        clock.awaitReads(EVENT_LOOP, clock.reads(EVENT_LOOP), 4);
    }

    private void awaitMetric(final String sample) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!server.metrics().prometheusText().contains(sample + "\n"))
        {
            assertThat(System.nanoTime()).as("no " + sample + " within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private long metric(final String sample)
    {
        for (final String line : server.metrics().prometheusText().split("\n"))
        {
            if (line.startsWith(sample + " "))
            {
                return Long.parseLong(line.substring(sample.length() + 1).trim());
            }
        }
        throw new AssertionError("no sample " + sample);
    }

    /** The session's records other than raw events, as "type at wall-ms" (outcomes: "outcome kind at ms after duration-ms"). */
    private List<String> records() throws Exception
    {
        final List<String> records = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir.resolve("data/journal")))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                if (record.type() == JournalRecordType.OUTCOME)
                {
                    records.add("outcome " + record.string("outcome") + " at " + record.timestampMs() + " after " + record.value());
                }
                else if (record.type() != JournalRecordType.RAW_EVENT && record.type() != JournalRecordType.CATALOG_RELOAD)
                {
                    records.add(record.type().wireName() + " at " + record.timestampMs());
                }
            }
        }
        return records;
    }
}
