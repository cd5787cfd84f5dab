package dev.pulse.report;

import dev.pulse.journal.JournalRecordFlyweight;

/** Small readings of journal records shared by the tallies. */
final class Records
{
    private Records()
    {
    }

    /** The named string, or "" when the record does not carry it. */
    static String text(final JournalRecordFlyweight record, final String field)
    {
        final String value = record.string(field);
        return value == null ? "" : value;
    }

    /** A session's id, or an intervention's within a session, as a map key. */
    record SessionKey(long sidHi, long sidLo)
    {
        static SessionKey of(final JournalRecordFlyweight record)
        {
            return new SessionKey(record.sidHi(), record.sidLo());
        }
    }
}
