package dev.pulse.server.erase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pulse.journal.JournalPrinter;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.SidSet;

/**
 * What the journal holds about one session or one visitor, in one pass over it: for an export or
 * an erasure of a session no longer in the store, and to find a visitor's sessions. Reads a live
 * journal safely (a record still being written ends the reading). Blocks on disk: never on an
 * event loop.
 */
final class SessionJournalScan
{
    /** Whether the sid has any record, whether one of them is its erasure, its visitor, and every record printed. */
    record OneSession(boolean seen, boolean erased, long visitorHash, List<String> recordsJson)
    {
    }

    private SessionJournalScan()
    {
    }

    /** Every record of the sid, printed as {@code pulse journal cat} prints it (the printer's field names). */
    static OneSession session(final Path journalDir, final long sidHi, final long sidLo) throws IOException
    {
        final List<String> records = new ArrayList<>();
        boolean erased = false;
        long visitorHash = 0;
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            while (reader.next(record))
            {
                if (record.sidHi() != sidHi || record.sidLo() != sidLo)
                {
                    continue;
                }
                erased |= record.type() == JournalRecordType.SESSION_ERASED;
                if (record.type() == JournalRecordType.SESSION_START && visitorHash == 0)
                {
                    visitorHash = record.value();
                }
                final StringBuilder json = new StringBuilder(256);
                JournalPrinter.appendJson(record, json);
                records.add(json.toString());
            }
        }
        return new OneSession(!records.isEmpty(), erased, visitorHash, records);
    }

    /**
     * The sids (hi, lo pairs, in order of their first start) of the visitor's sessions: those whose
     * SESSION_START carries {@code visitorHash} (never 0: sessions without a visitor belong to nobody
     * findable), less those already erased.
     */
    static List<long[]> sessionsOf(final Path journalDir, final long visitorHash) throws IOException
    {
        final SidSet started = new SidSet();
        final List<long[]> sids = new ArrayList<>();
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
                else if (record.type() == JournalRecordType.SESSION_START && record.value() == visitorHash && visitorHash != 0
                    && started.add(record.sidHi(), record.sidLo()))
                {
                    sids.add(new long[] {record.sidHi(), record.sidLo()});
                }
            }
        }
        sids.removeIf(sid -> erased.contains(sid[0], sid[1]));
        return sids;
    }
}
