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
 * @param intent     a shown window's search intent ({@link IntentTally}'s number), {@link #NONE} when no search asked it.
 * @param handoff    a shown window's hand-off offer ({@link HandoffTally}'s number), {@link #NONE} when none was offered.
 */
record ClosedWindow(long openingMs, long durationMs, int stratum, long visitor, OutcomeKind kind, OutcomeGroup group, String trigger,
    String question, String variant, String choice, String response, int intent, int handoff)
{
    /** No intent or hand-off: the window was not asked by a search, or offered none. */
    static final int NONE = -1;

    /** This window with the search intent that asked it and the hand-off it offered ({@link #NONE} for either). */
    ClosedWindow tagged(final int intentNumber, final int handoffNumber)
    {
        return new ClosedWindow(openingMs, durationMs, stratum, visitor, kind, group, trigger, question, variant, choice, response,
            intentNumber, handoffNumber);
    }

    boolean forward()
    {
        return kind == OutcomeKind.FORWARD;
    }
}
