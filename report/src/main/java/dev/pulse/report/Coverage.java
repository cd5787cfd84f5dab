package dev.pulse.report;

/**
 * Which days of the requested range the journal still holds. Retention ({@code journal_retention})
 * deletes the oldest segments, so a range that reaches back past the journal's oldest remaining
 * record is not covered before that record's day (UTC). That day itself may be covered only in part,
 * from the oldest record on; the report cannot tell a day's quiet start from a deleted one.
 *
 * @param oldestRecordMs   the oldest record left in the journal, or {@link Long#MAX_VALUE} when it is empty.
 * @param notCoveredFromMs the first millisecond of the first requested day not covered.
 * @param notCoveredToMs   the first millisecond past the last requested day not covered; equal to
 *                         {@code notCoveredFromMs} when every requested day is covered.
 */
public record Coverage(long oldestRecordMs, long notCoveredFromMs, long notCoveredToMs)
{
    /** What {@code range} asks for against a journal whose oldest record is at {@code oldestRecordMs}. */
    static Coverage of(final ReportRange range, final long oldestRecordMs)
    {
        if (oldestRecordMs == Long.MAX_VALUE || range.fromMs() == Long.MIN_VALUE)
        {
            // An empty journal has nothing to compare; an open start asks for no day in particular.
            return new Coverage(oldestRecordMs, 0, 0);
        }
        final long oldestDayMs = dayStart(oldestRecordMs);
        final long fromDayMs = dayStart(range.fromMs());
        final long rangeEndDayMs = range.toMs() == Long.MAX_VALUE ? Long.MAX_VALUE : dayStart(range.toMs() - 1) + Figures.DAY_MS;
        final long toMs = Math.min(oldestDayMs, rangeEndDayMs);
        return fromDayMs < toMs ? new Coverage(oldestRecordMs, fromDayMs, toMs) : new Coverage(oldestRecordMs, 0, 0);
    }

    /** Every requested day is in the journal (the oldest record's day perhaps in part). */
    public boolean complete()
    {
        return notCoveredFromMs >= notCoveredToMs;
    }

    /** The first day not covered, ISO (UTC); only when not {@link #complete()}. */
    public String firstDayNotCovered()
    {
        return Figures.day(notCoveredFromMs);
    }

    /** The last day not covered, ISO (UTC); only when not {@link #complete()}. */
    public String lastDayNotCovered()
    {
        return Figures.day(notCoveredToMs - 1);
    }

    private static long dayStart(final long timeMs)
    {
        return Math.floorDiv(timeMs, Figures.DAY_MS) * Figures.DAY_MS;
    }
}
