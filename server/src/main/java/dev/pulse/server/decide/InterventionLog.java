package dev.pulse.server.decide;

import dev.pulse.journal.OutcomeGroup;
import dev.pulse.server.metrics.WindowDrop;

/**
 * Where the session machine records what it decided: the journal on the live server, a tally in
 * a replay. Each decision comes as one reused {@link DecisionRecord} (its type says which of the
 * journal's decision records it is); a false return means the record was not taken. The record's
 * {@code timeMs} is the machine's (monotonic) time; a log stamps its records with the wall time of
 * the message being handled, not with it.
 */
public interface InterventionLog
{
    /** Whether records can be taken now; while not, nothing may signal (never a question that cannot be recorded). */
    boolean accepting();

    /** Records one decision; {@code decision} is reused after the call returns, so keep nothing of it but copies. */
    boolean record(DecisionRecord decision);

    /**
     * The calendar time of the decision at the machine's {@code timeMs}, for promises about the
     * calendar (a hand-off's office hours): the live log's wall time of the message being handled;
     * by default (a replay, a test) the machine's own time.
     */
    default long calendarMs(final long timeMs)
    {
        return timeMs;
    }

    /** An outcome window that will not be measured (no slot for it, or its slot given to a live window). */
    default void windowDropped(final WindowDrop reason, final OutcomeGroup group)
    {
    }
}
