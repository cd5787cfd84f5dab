package dev.pulse.journal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Journals with erased sessions for the upkeep's tests: records of a session, its erasure, and what compaction should leave. */
final class Erasures
{
    static final long SID_HI = 7;

    private Erasures()
    {
    }

    /** A record of session {@code sidLo} (sid hi {@link #SID_HI}) at {@code timeMs}, its iid the given one. */
    static boolean activity(final JournalProxy proxy, final long timeMs, final long sidLo, final int iid)
    {
        return JournalRecords.dismiss(proxy, timeMs, SID_HI, sidLo, 3, iid, "question-" + iid);
    }

    static boolean erase(final JournalProxy proxy, final long timeMs, final long sidLo)
    {
        return proxy.record(JournalRecordType.SESSION_ERASED).timeMs(timeMs).sid(SID_HI, sidLo).value(sidLo * 31)
            .code(ErasureSource.values()[0].ordinal()).commit();
    }

    /** {@code records} without those of a sid some SESSION_ERASED record names; the SESSION_ERASED records stay. */
    static List<RecordSnapshot> withoutErased(final List<RecordSnapshot> records)
    {
        final Set<List<Long>> erased = new HashSet<>();
        for (final RecordSnapshot record : records)
        {
            if (record.type() == JournalRecordType.SESSION_ERASED)
            {
                erased.add(List.of(record.sidHi(), record.sidLo()));
            }
        }
        return records.stream()
            .filter(r -> r.type() == JournalRecordType.SESSION_ERASED || !erased.contains(List.of(r.sidHi(), r.sidLo())))
            .toList();
    }
}
