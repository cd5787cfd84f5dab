package dev.pulse.report;

import java.io.IOException;
import java.nio.file.Path;

import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;

/**
 * The sessions erased anywhere in a journal: every sid with a
 * {@link JournalRecordType#SESSION_ERASED} record. A reader made after an erasure (the report, the
 * replay, an export) reads this first and then skips every record of those sids, before the sid's
 * erasure record as well as after it, so an erased session is left out as if it had never been
 * journaled, whether or not compaction has removed its records yet. One cheap pass (a type check
 * per record); memory is one {@link SidSet} entry per erased session. Blocks on disk: never on an
 * event loop.
 */
public final class ErasedSessions
{
    private ErasedSessions()
    {
    }

    /** The erased sids of the journal in {@code journalDir}. */
    public static SidSet read(final Path journalDir) throws IOException
    {
        final SidSet erased = new SidSet();
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            while (reader.next(record))
            {
                if (record.type() == JournalRecordType.SESSION_ERASED)
                {
                    erased.add(record.sidHi(), record.sidLo());
                }
            }
        }
        return erased;
    }
}
