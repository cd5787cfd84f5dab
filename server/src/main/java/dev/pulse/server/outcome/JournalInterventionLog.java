package dev.pulse.server.outcome;

import java.util.function.LongSupplier;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.server.journal.Journal;
import dev.pulse.server.journal.JournalProxy;
import dev.pulse.server.journal.OutcomeGroup;
import dev.pulse.server.journal.OutcomeKind;
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
    public boolean signal(final long nowMs, final long sidHi, final long sidLo, final long catalogVersion, final String triggerId,
        final DetectorKind detector, final Verdict verdict, final int iid, final String questionId, final CharSequence searchQuery)
    {
        metrics.signal(detector, verdict);
        return journal.signal(recordWallMs.getAsLong(), sidHi, sidLo, catalogVersion, triggerId, detector, verdict, iid, questionId,
            searchQuery);
    }

    @Override
    public boolean questionShown(final long nowMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String triggerId, final String questionId, final String variantId, final String segmentId, final String pageKind)
    {
        final boolean recorded = journal.questionShown(recordWallMs.getAsLong(), sidHi, sidLo, catalogVersion, iid, triggerId, questionId,
            variantId, segmentId, pageKind);
        if (!recorded)
        {
            metrics.questionWithheld();
        }
        return recorded;
    }

    @Override
    public boolean answer(final long nowMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId, final String choiceId)
    {
        metrics.answer();
        return journal.answer(recordWallMs.getAsLong(), sidHi, sidLo, catalogVersion, iid, questionId, choiceId);
    }

    @Override
    public boolean dismiss(final long nowMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId)
    {
        metrics.dismiss();
        return journal.dismiss(recordWallMs.getAsLong(), sidHi, sidLo, catalogVersion, iid, questionId);
    }

    @Override
    public boolean responseShown(final long nowMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId, final String choiceId, final String responseId, final String segmentId)
    {
        metrics.response();
        return journal.responseShown(recordWallMs.getAsLong(), sidHi, sidLo, catalogVersion, iid, questionId, choiceId, responseId,
            segmentId);
    }

    @Override
    public boolean outcome(final long nowMs, final long sidHi, final long sidLo, final long catalogVersion, final OutcomeKind outcome,
        final OutcomeGroup group, final int iid, final long durationMs, final String triggerId, final String questionId,
        final String variantId, final String choiceId, final String responseId, final String stuckKind)
    {
        // A refused record refuses the whole message (or timer, or expiry), which puts the window back: nothing is lost here.
        metrics.outcome(outcome, group);
        return journal.outcome(recordWallMs.getAsLong(), sidHi, sidLo, catalogVersion, outcome, group, iid, durationMs, triggerId,
            questionId, variantId, choiceId, responseId, stuckKind);
    }

    @Override
    public void windowDropped(final WindowDrop reason, final OutcomeGroup group)
    {
        metrics.outcomeWindowDropped(reason);
    }
}
