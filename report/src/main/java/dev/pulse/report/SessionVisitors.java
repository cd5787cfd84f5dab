package dev.pulse.report;

import org.agrona.collections.Long2LongHashMap;

import dev.pulse.journal.JournalRecordFlyweight;

/**
 * Which visitor each session belongs to, from SESSION_START's {@code value} (a 64-bit hash of the
 * browser's stable visitor id; 0 from an older snippet, when the session itself stands for the
 * visitor). A primitive map of the sessions alive (16-32 bytes each); a session is forgotten when it
 * expires, after its exited windows (the server journals those first). A session never seen
 * starting (it began before the journal) is its own visitor. Not thread-safe.
 */
final class SessionVisitors
{
    private static final long MISSING = 0;

    private final Long2LongHashMap visitorBySession = new Long2LongHashMap(MISSING);

    void onSessionStart(final JournalRecordFlyweight record)
    {
        final long session = Records.session(record);
        final long visitor = record.value();
        visitorBySession.put(session, visitor == 0 ? session : visitor);
    }

    void onSessionEnd(final JournalRecordFlyweight record)
    {
        visitorBySession.remove(Records.session(record));
    }

    /** The visitor of the record's session. */
    long visitor(final JournalRecordFlyweight record)
    {
        final long session = Records.session(record);
        final long visitor = visitorBySession.get(session);
        return visitor == MISSING ? session : visitor;
    }

    /** Sessions alive (state kept). */
    int sessions()
    {
        return visitorBySession.size();
    }
}
