package dev.pulse.server.session;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.compile.CompiledCatalog;
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

/**
 * The sweeper's own loop on a fake clock that its pauses move (no sleeping, no timing): with a 1-minute expiry it visits
 * each segment every 6 s, ends every session at most one pass after its expiry, and asks whether a connection is live
 * only of sessions already idle past their expiry.
 */
class SessionSweeperPaceTest
{
    private static final long T0 = 1_700_000_000_000L;
    private static final long EXPIRY_MS = 60_000;
    private static final long PASS_MS = 6_000;
    private static final int SESSIONS = 200;
    /** Each session's last event is this much after the previous one's, so expiries fall all over a pass. */
    private static final long SPREAD_MS = 337;
    private static final long LIVE_SID = 7;

    @TempDir
    Path dir;

    @Test
    void shouldEndEachSessionWithinOnePassOfItsExpiryVisitingEachSegmentOnceAPass() throws Exception
    {
        final CompiledCatalog catalog = SessionSweeperTest.catalog();
        final CatalogVersions versions = versionHash -> catalog;
        final Metrics metrics = new Metrics();
        final FakePulseClock clock = new FakePulseClock(T0);
        final Journal journal = Journal.open(dir.resolve("journal"), new JournalConfiguration(FsyncPolicy.NEVER, 0, 64L << 20, 1 << 20, true, null),
            metrics);
        final Map<Long, Integer> livenessAsked = new HashMap<>();
        final long lastExpiryMs = T0 + (SESSIONS - 1) * SPREAD_MS + EXPIRY_MS;
        final long stopMs = lastExpiryMs + 3 * PASS_MS;
        final int segments;
        final long[] pauses = new long[1];
        try (ChronicleSessionStore store = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 1_000, false))
        {
            segments = store.segments();
            final SessionAccess access = store.newAccess();
            for (long sid = 1; sid <= SESSIONS; sid++)
            {
                access.create(sid, sid);
                access.state().init(sid, sid, 1, lastEventMs(sid));
                access.server().init(lastEventMs(sid)).ownerConnectionId(sid);
                access.close();
            }
            final SessionSweeper sweeper = new SessionSweeper(store, journal.newProxy(),
                new SessionMachine(versions, new JournalInterventionLog(journal.newProxy(), journal, metrics, clock::wallMs)), metrics,
                () -> EXPIRY_MS, connection ->
                {
                    livenessAsked.merge(connection, 1, Integer::sum);
                    return connection == LIVE_SID;
                }, clock, ms ->
                {
                    assertThat(ms).as("a segment's share of a 6 s pass").isLessThanOrEqualTo(PASS_MS / segments + 1);
                    pauses[0]++;
                    clock.advanceMs(ms);
                    return clock.monotonicMs() < stopMs;
                });
            sweeper.run();

            assertThat(access.open(LIVE_SID, LIVE_SID)).as("its connection is open").isTrue();
            access.close();
            assertThat(store.size()).isOne();
        }
        journal.close();

        final long sweptMs = stopMs - T0;
        assertThat(pauses[0]).as("one pause a segment, %d segments every 6 s over %d ms", segments, sweptMs)
            .isBetween(sweptMs / PASS_MS * segments - segments, sweptMs / PASS_MS * segments + segments);
        int ended = 0;
        try (JournalReader reader = JournalReader.open(dir.resolve("journal")))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                if (record.type() == JournalRecordType.SESSION_END)
                {
                    final long lateMs = record.timestampMs() - lastEventMs(record.sidHi()) - EXPIRY_MS;
                    assertThat(lateMs).as("session %d ended after its expiry, within one pass", record.sidHi())
                        .isPositive().isLessThanOrEqualTo(PASS_MS);
                    ended++;
                }
            }
        }
        assertThat(ended).isEqualTo(SESSIONS - 1);
        livenessAsked.forEach((sid, asked) ->
        {
            if (sid != LIVE_SID)
            {
                assertThat(asked).as("session %d: asked once, when it was idle past its expiry", sid).isOne();
            }
        });
        assertThat(livenessAsked).hasSize(SESSIONS);
        assertThat(livenessAsked.get(LIVE_SID)).as("the live session, at each pass after its expiry").isBetween(3, 20);
    }

    private static long lastEventMs(final long sid)
    {
        return T0 + (sid - 1) * SPREAD_MS;
    }
}
