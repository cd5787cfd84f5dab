package dev.pulse.server.decide;

import java.util.function.LongSupplier;

import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.metrics.WindowDrop;

/**
 * The live server's record of decisions: one event loop's journal proxy, counted in the metrics as
 * it goes. The machine's times are monotonic; the records carry the wall time of the message or
 * timer being handled instead ({@code recordWallMs}), so every record of one message has one time.
 */
public final class JournalInterventionLog implements InterventionLog
{
    private final JournalProxy journal;
    private final Journal health;
    private final Metrics metrics;
    private final LongSupplier recordWallMs;

    /** @param recordWallMs the wall time of the message or timer being handled, stamped on its records. */
    public JournalInterventionLog(final JournalProxy journal, final Journal health, final Metrics metrics, final LongSupplier recordWallMs)
    {
        this.journal = journal;
        this.health = health;
        this.metrics = metrics;
        this.recordWallMs = recordWallMs;
    }

    @Override
    public boolean accepting()
    {
        final boolean accepting = health.acceptingRecords();
        if (!accepting)
        {
            metrics.detectionPaused();
        }
        return accepting;
    }

    @Override
    public boolean record(final DecisionRecord decision)
    {
        switch (decision.type())
        {
            case SIGNAL -> metrics.signal(decision.detector(), decision.verdict());
            case ANSWER -> metrics.answer();
            case DISMISS -> metrics.dismiss();
            case RESPONSE_SHOWN -> metrics.response();
            // A refused record refuses the whole message (or timer, or expiry), which puts the window back: nothing is lost here.
            case OUTCOME -> metrics.outcome(decision.outcome(), decision.group());
            default ->
            {
            }
        }
        final boolean recorded = decision.writeTo(journal, recordWallMs.getAsLong());
        if (!recorded && decision.type() == JournalRecordType.QUESTION_SHOWN)
        {
            metrics.questionWithheld();
        }
        return recorded;
    }

    @Override
    public long calendarMs(final long timeMs)
    {
        return recordWallMs.getAsLong();
    }

    @Override
    public void windowDropped(final WindowDrop reason, final OutcomeGroup group)
    {
        metrics.outcomeWindowDropped(reason);
    }
}
