package dev.pulse.server.session;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.JournalRecords;
import dev.pulse.server.metrics.Metrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a crash, a session's last seq goes back to the highest of its acked seq and the seqs its
 * journal records carry, so the client resends exactly what has no record; sessions with nothing
 * unacked are left alone, and a last seq never goes below what was acked.
 */
class SessionSeqRecoveryTest
{
    @TempDir
    Path dir;

    @Test
    void shouldTakeEachSessionBackToWhatTheJournalHolds() throws Exception
    {
        final Path journalDir = dir.resolve("journal");
        final long nowMs = System.currentTimeMillis();
        try (Journal journal = Journal.open(journalDir, new JournalConfiguration(FsyncPolicy.NEVER, 100, 1 << 20, 1 << 16, true, null),
            new Metrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            for (long seq = 6; seq <= 8; seq++)
            {
                proxy.beginMessage(seq);
                JournalRecords.dismiss(proxy, nowMs, 1, 1, 0, 1, "q");
                assertThat(proxy.endMessage()).isTrue();
            }
            // Another session's records and records of no message say nothing about session 1.
            proxy.beginMessage(50);
            JournalRecords.dismiss(proxy, nowMs, 4, 4, 0, 1, "q");
            proxy.endMessage();
            proxy.sessionEnd(nowMs, 1, 1, dev.pulse.journal.SessionEndReason.EXPIRED);
        }
        try (ChronicleSessionStore store = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 100, false))
        {
            final SessionAccess access = store.newAccess();
            session(access, 1, nowMs, 10, 5);
            session(access, 2, nowMs, 7, 7);
            session(access, 3, nowMs, 9, 2);

            assertThat(SessionSeqRecovery.recover(store, journalDir)).isEqualTo(2);

            assertThat(lastSeq(access, 1)).as("records up to 8 survived; 9 and 10 are resent").isEqualTo(8);
            assertThat(lastSeq(access, 2)).as("nothing unacked: untouched").isEqualTo(7);
            assertThat(lastSeq(access, 3)).as("no record: back to what was acked, never below").isEqualTo(2);
            assertThat(SessionSeqRecovery.recover(store, journalDir)).as("a second run finds nothing to do").isZero();
        }
    }

    private static void session(final SessionAccess access, final long id, final long nowMs, final long lastSeq, final long recordedSeq)
    {
        assertThat(access.create(id, id)).isTrue();
        access.state().init(id, id, 3, nowMs);
        access.state().lastSeq(lastSeq);
        access.server().init(nowMs).recordedSeq(recordedSeq);
        access.close();
    }

    private static long lastSeq(final SessionAccess access, final long id)
    {
        assertThat(access.open(id, id)).isTrue();
        try
        {
            return access.state().lastSeq();
        }
        finally
        {
            access.close();
        }
    }
}
