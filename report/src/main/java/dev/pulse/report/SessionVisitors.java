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
        final long session = session(record);
        final long visitor = record.value();
        visitorBySession.put(session, visitor == 0 ? session : visitor);
    }

    void onSessionEnd(final JournalRecordFlyweight record)
    {
        visitorBySession.remove(session(record));
    }

    /** The visitor of the record's session. */
    long visitor(final JournalRecordFlyweight record)
    {
        final long session = session(record);
        final long visitor = visitorBySession.get(session);
        return visitor == MISSING ? session : visitor;
    }

    /**
     * The 128-bit session id folded to 64 bits (a collision among a report's sessions is vanishingly rare). 0 is the map's
     * "missing" value, so the session folding to 0 (the all-zero id) becomes Long.MIN_VALUE: as unlikely as any random
     * fold, where 1 (as before) was the next small test id's own fold, making sessions 0 and 1 one visitor.
     */
    static long session(final JournalRecordFlyweight record)
    {
        final long folded = record.sidHi() * 0x9E37_79B9_7F4A_7C15L ^ record.sidLo();
        return folded == MISSING ? Long.MIN_VALUE : folded;
    }
}
