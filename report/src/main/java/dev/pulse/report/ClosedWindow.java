package dev.pulse.report;

import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

/**
 * One OUTCOME record's window, decoded: kept only while it is not yet known to be complete.
 *
 * @param openingMs  when the window opened (the record's time minus its duration).
 * @param durationMs from opening to close.
 * @param stratum    the number of the catalog version that opened it ({@link Strata}).
 * @param visitor    the visitor of its session.
 */
record ClosedWindow(long openingMs, long durationMs, int stratum, long visitor, OutcomeKind kind, OutcomeGroup group, String trigger,
    String question, String variant, String choice, String response)
{
    boolean forward()
    {
        return kind == OutcomeKind.FORWARD;
    }
}
