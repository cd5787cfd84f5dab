package dev.pulse.server.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;

import dev.pulse.server.decide.ServerSessionFlyweight;
/**
 * After a crash (no clean-shutdown marker), puts each session's last seq back to what the journal
 * holds. The session map is memory-mapped and survives a kill -9 to the last byte, but the journal's
 * ring buffer does not: a message handled in the last milliseconds may count as handled in the map
 * while its records died in the ring. Its client would then never resend it, and the record would
 * have a hole for good.
 *
 * <p>So, per session whose last seq is past its {@link ServerSessionFlyweight#recordedSeq()} (the
 * messages known recorded, because they were acked), the last seq becomes the higher of that and
 * the highest seq any journal record of the session carries (records made for a message end with
 * its seq). The welcome then tells the client to resend exactly the messages whose records are not
 * in the journal. Messages that made no record are resent too, and handled again: the detector
 * evidence they carried counts twice (soft state; no record is duplicated).
 *
 * <p>Runs once at start, before the server accepts connections; reads only the segments written
 * since a minute before the oldest such session's last event.
 */
public final class SessionSeqRecovery
{
    private static final Logger LOG = LoggerFactory.getLogger(SessionSeqRecovery.class);
    /** How far before a session's last event its unacked messages' records may lie (acks trail by at most ~100 ms). */
    private static final long LOOK_BACK_MS = 60_000;

    private SessionSeqRecovery()
    {
    }

    /** @return how many sessions had their last seq taken back. */
    public static int recover(final SessionStore store, final Path journalDir) throws IOException
    {
        final long startNs = System.nanoTime();
        final Map<Key, long[]> unsure = new HashMap<>();
        final long[] oldestEventMs = {Long.MAX_VALUE};
        for (int segment = 0; segment < store.segments(); segment++)
        {
            store.sweep(segment, (state, server) ->
            {
                if (state.lastSeq() > server.recordedSeq())
                {
                    unsure.put(new Key(state.sidHi(), state.sidLo()), new long[] {server.recordedSeq()});
                    oldestEventMs[0] = Math.min(oldestEventMs[0], state.lastEventMs());
                }
                return false;
            });
        }
        if (unsure.isEmpty())
        {
            return 0;
        }
        try (JournalReader reader = JournalReader.openWrittenSince(journalDir, oldestEventMs[0] - LOOK_BACK_MS))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                final long[] known = unsure.get(new Key(record.sidHi(), record.sidLo()));
                if (known != null)
                {
                    known[0] = Math.max(known[0], record.seq());
                }
            }
        }
        final int[] rolledBack = {0};
        final long[] messages = {0};
        for (int segment = 0; segment < store.segments(); segment++)
        {
            store.sweep(segment, (state, server) ->
            {
                final long[] known = unsure.get(new Key(state.sidHi(), state.sidLo()));
                if (known != null && known[0] < state.lastSeq())
                {
                    messages[0] += state.lastSeq() - known[0];
                    rolledBack[0]++;
                    state.lastSeq(known[0]);
                    server.recordedSeq(known[0]);
                }
                return false;
            });
        }
        LOG.warn("recovery after an unclean stop: {} of {} sessions with unacked messages get {} messages resent whose records " +
            "are not in the journal ({} ms)", rolledBack[0], unsure.size(), messages[0], (System.nanoTime() - startNs) / 1_000_000);
        return rolledBack[0];
    }

    private record Key(long sidHi, long sidLo)
    {
    }
}
