package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;


/**
 * The sids named by a {@link JournalRecordType#SESSION_ERASED} record anywhere in the journal: the
 * sessions whose other records compaction removes, and that every reader made after an erasure
 * (the report, the replay, an export) skips, before the sid's erasure record as well as after it,
 * whether or not compaction has reached them yet. The set only grows, so {@link #size()} tells
 * whether a segment checked against it earlier must be checked again. The zero sid (records of no
 * session, such as catalog reloads) is never erased. Memory: one {@link SidSet} entry per erased
 * session.
 *
 * <p>Not thread-safe: one owner (the upkeep thread, or one reader). Never used on an event loop.
 */
public final class ErasedSessions
{
    private final SidSet sids = new SidSet();

    /**
     * The erased sessions of the journal in {@code journalDir}: one pass, a type check per record.
     * Blocks on disk.
     */
    public static ErasedSessions read(final Path journalDir) throws IOException
    {
        final ErasedSessions erased = new ErasedSessions();
        erased.readFrom(journalDir);
        return erased;
    }

    private void readFrom(final Path journalDir) throws IOException
    {
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            while (reader.next(record))
            {
                if (record.type() == JournalRecordType.SESSION_ERASED)
                {
                    add(record.sidHi(), record.sidLo());
                }
            }
        }
    }

    /**
     * The erased sessions of several nodes' journals together: an erasure journaled by one node
     * removes the session's records from every node's (a session that moved between nodes).
     */
    public static ErasedSessions read(final List<Path> journalDirs) throws IOException
    {
        final ErasedSessions erased = new ErasedSessions();
        for (final Path dir : journalDirs)
        {
            erased.readFrom(dir);
        }
        return erased;
    }

    /** Adds the sid of a SESSION_ERASED record; false if already known (or the zero sid). */
    public boolean add(final long sidHi, final long sidLo)
    {
        return sids.add(sidHi, sidLo);
    }

    /** Whether the session was erased. */
    public boolean contains(final long sidHi, final long sidLo)
    {
        return sids.contains(sidHi, sidLo);
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

    /** How many sessions were erased. */
    public int size()
    {
        return sids.size();
    }
}
