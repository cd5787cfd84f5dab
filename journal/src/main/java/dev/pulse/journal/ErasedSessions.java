package dev.pulse.journal;

import java.util.HashSet;
import java.util.Set;

/**
 * The sids named by a {@link JournalRecordType#SESSION_ERASED} record anywhere in the journal: the
 * sessions whose other records compaction removes. The set only grows, so {@link #size()} tells
 * whether a segment checked against it earlier must be checked again. The zero sid (records of no
 * session, such as catalog reloads) is never erased.
 *
 * <p>Not thread-safe: owned by the upkeep thread, which alone allocates here (never an event loop).
 */
final class ErasedSessions
{
    private record Sid(long hi, long lo)
    {
    }

    private final Set<Sid> sids = new HashSet<>();

    /** Adds the sid of a SESSION_ERASED record; false if already known (or the zero sid). */
    boolean add(final long sidHi, final long sidLo)
    {
        return (sidHi != 0 || sidLo != 0) && sids.add(new Sid(sidHi, sidLo));
    }

    boolean contains(final long sidHi, final long sidLo)
    {
        return !sids.isEmpty() && sids.contains(new Sid(sidHi, sidLo));
    }

    /**
     * Whether compaction drops the record: one of an erased session, except the SESSION_ERASED record
     * itself, which stays (it names only the random sid, and keeps the erasure known to every reader).
     * A record of an unknown type (null) is kept: its layout cannot be trusted to hold a sid.
     */
    boolean removes(final JournalRecordFlyweight record)
    {
        return record != null && record.type() != JournalRecordType.SESSION_ERASED && contains(record.sidHi(), record.sidLo());
    }

    int size()
    {
        return sids.size();
    }
}
