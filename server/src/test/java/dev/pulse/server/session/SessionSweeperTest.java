package dev.pulse.server.session;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.NavType;
import dev.pulse.detect.PagePath;
import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.decide.CatalogVersions;
import dev.pulse.server.decide.JournalInterventionLog;
import dev.pulse.server.decide.SessionMachine;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.testing.FakePulseClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweeper ends idle sessions: their open windows exit, the end is journaled, live sessions stay. */
class SessionSweeperTest
{
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldExitTheWindowsOfExpiredSessionsAndKeepLiveOnes() throws Exception
    {
        final CompiledCatalog catalog = catalog();
        final CatalogVersions versions = versionHash -> catalog;
        final Metrics metrics = new Metrics();
        final Journal journal = Journal.open(dir.resolve("journal"), new JournalConfiguration(FsyncPolicy.NEVER, 0, 64L << 20, 1 << 20, true, null),
            metrics);
        try (ChronicleSessionStore store = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 100, false))
        {
            final SessionMachine machine = new SessionMachine(versions, new JournalInterventionLog(journal.newProxy(), journal, metrics, () -> T0));
            final SessionAccess access = store.newAccess();
            for (long sid = 1; sid <= 2; sid++)
            {
                access.create(sid, sid);
                access.state().init(sid, sid, 1, T0);
                access.server().init(T0).ownerConnectionId(sid == 2 ? 42 : 0);
                askOnFaq(machine, access, catalog);
                access.close();
            }
            final SessionSweeper sweeper = new SessionSweeper(store, journal.newProxy(),
                new SessionMachine(versions, new JournalInterventionLog(journal.newProxy(), journal, metrics, () -> T0)), metrics,
                () -> 30 * 60_000L, connection -> connection == 42, new FakePulseClock(T0));
            int ended = 0;
            for (int segment = 0; segment < store.segments(); segment++)
            {
                ended += sweeper.sweepOnce(segment, T0 + 45 * 60_000L);
            }
            assertThat(ended).isOne();
            assertThat(access.open(2, 2)).as("its connection is open").isTrue();
            access.close();
            assertThat(access.open(1, 1)).isFalse();
        }
        journal.close();
        final List<String> records = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir.resolve("journal")))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                if (record.sidHi() == 1)
                {
                    records.add(record.type().wireName() + (record.stringCount() > 0 ? " " + record.string(0) : ""));
                }
            }
        }
        assertThat(records).endsWith("outcome exited", "session_end");
        assertThat(metrics.prometheusText()).contains("pulse_outcomes_total{group=\"shown\",outcome=\"exited\"} 1");
    }

    @Test
    void shouldExpireBySessionIdleTimeOnTheMonotonicClockWhateverTheWallClockDoes() throws Exception
    {
        final long expiryMs = 30 * 60_000L;
        final long hourMs = 3_600_000L;
        final CompiledCatalog catalog = catalog();
        final CatalogVersions versions = versionHash -> catalog;
        final Metrics metrics = new Metrics();
        final FakePulseClock clock = new FakePulseClock(T0);
        final Journal journal = Journal.open(dir.resolve("journal"), new JournalConfiguration(FsyncPolicy.NEVER, 0, 64L << 20, 1 << 20, true, null),
            metrics);
        try (ChronicleSessionStore store = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 100, false))
        {
            final SessionAccess access = store.newAccess();
            access.create(1, 1);
            access.state().init(1, 1, 1, T0);
            access.server().init(T0);
            access.close();
            final SessionSweeper sweeper = new SessionSweeper(store, journal.newProxy(),
                new SessionMachine(versions, new JournalInterventionLog(journal.newProxy(), journal, metrics, clock::wallMs)), metrics,
                () -> expiryMs, connection -> false, clock, SessionSweeperTest::shortPause);
            sweeper.start();
            try
            {
                clock.stepWallMs(hourMs);
                clock.advanceMs(expiryMs - 60_000);
                awaitFullPass(clock, store.segments());
                assertThat(access.open(1, 1)).as("idle 29 minutes of 30, the wall an hour on").isTrue();
                access.close();

                clock.stepWallMs(-2 * hourMs);
                clock.advanceMs(120_000);
                awaitFullPass(clock, store.segments());
                assertThat(access.open(1, 1)).as("idle 31 minutes of 30, the wall an hour back").isFalse();
            }
            finally
            {
                sweeper.stop();
            }
        }
        journal.close();
        try (JournalReader reader = JournalReader.open(dir.resolve("journal")))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            long endMs = 0;
            while (reader.next(record))
            {
                endMs = record.type() == JournalRecordType.SESSION_END ? record.timestampMs() : endMs;
            }
            assertThat(endMs).as("the end record carries the wall time").isEqualTo(T0 - hourMs + expiryMs + 60_000);
        }
    }

    /**
     * The sweeper's wait between segments here: a millisecond, whatever its pace asks. Its pace
     * follows the fake clock, which this test holds still between its steps, so once the sweeper has
     * caught up it would sleep 470 ms a segment (a 30 s pass over 64 segments) of real time, and a
     * whole pass would outlast the wait for it. The pace is SessionSweeperPaceTest's.
     */
    private static boolean shortPause(final long ms)
    {
        LockSupport.parkNanos(1_000_000);
        return true;
    }

    /**
     * Waits until a whole pass of the sweeper ran on the time as it is: a read per segment, one for
     * the wall time of an end record, and the next segment's read, which follows that segment's sweep.
     */
    private static void awaitFullPass(final FakePulseClock clock, final int segments) throws InterruptedException
    {
        clock.awaitReads("pulse-session-sweeper", clock.reads("pulse-session-sweeper"), segments + 2);
    }

    private static void askOnFaq(final SessionMachine machine, final SessionAccess access, final CompiledCatalog catalog)
    {
        final PagePath path = new PagePath().normalise("/faq/shipping");
        final Event event = new Event();
        machine.onEvent(catalog, access.state(), access.server(), event.reset(EventType.PAGE).page(path.hash(), catalog.pageKindOf(path),
            NavType.NAVIGATE), null, T0);
        machine.onEvent(catalog, access.state(), access.server(), event.reset(EventType.SEARCH).resultCount(0), "x", T0 + 1_000);
        machine.onEvent(catalog, access.state(), access.server(), event.reset(EventType.SEARCH).resultCount(0), "y", T0 + 2_000);
        assertThat(machine.effects().question()).isNotNull();
    }

    static CompiledCatalog catalog() throws Exception
    {
        try (InputStream in = SessionSweeperTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            final LoadResult result = new CatalogLoader().load("catalog.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(result.ok()).as(result.report()).isTrue();
            return result.catalog();
        }
    }
}
