package dev.pulse.report;

import dev.pulse.journal.JournalRecordFlyweight;

/**
 * Numbers waiting for a shown window's outcome, keyed by the session and intervention id the records
 * of one question share (a search intent from its signal, a hand-off from its record), so that the
 * window, once read, can be counted with them. A link is kept one to two horizons of journal time
 * ({@link ExpiringLongMap}), so one whose outcome never comes (a crash in between) is forgotten.
 * Not thread-safe.
 */
final class WindowLinks
{
    private static final long MISSING = -1;

    private final ExpiringLongMap links = new ExpiringLongMap(MISSING);
    private final ExpiringLongMap.Expired forgotten = (key, value) -> { };

    /** Links the record's question to {@code number}, kept at least {@code horizonMs}. */
    void put(final JournalRecordFlyweight record, final int number, final long horizonMs)
    {
        links.advance(record.timestampMs(), horizonMs, forgotten);
        links.put(Records.key(Records.session(record), record.iid()), number);
    }

    /** The number an outcome's question was linked to, taken off; {@link ClosedWindow#NONE} if none (or a window of no question). */
    int take(final JournalRecordFlyweight record)
    {
        if (record.iid() == 0)
        {
            return ClosedWindow.NONE;
        }
        final long number = links.remove(Records.key(Records.session(record), record.iid()));
        return number == MISSING ? ClosedWindow.NONE : (int)number;
    }

    int size()
    {
        return links.size();
    }
}
