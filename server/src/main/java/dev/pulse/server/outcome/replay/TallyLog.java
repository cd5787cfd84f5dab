package dev.pulse.server.outcome.replay;

import java.util.function.LongSupplier;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.server.journal.OutcomeGroup;
import dev.pulse.server.journal.OutcomeKind;
import dev.pulse.server.outcome.InterventionLog;

/**
 * A replay's record of decisions: a tally, always accepting (a replay never runs short of journal).
 * Decisions carry the wall time of the raw event being replayed, as the live records do.
 */
final class TallyLog implements InterventionLog
{
    private final TriggerTally tally;
    private final LongSupplier recordWallMs;

    TallyLog(final TriggerTally tally, final LongSupplier recordWallMs)
    {
        this.tally = tally;
        this.recordWallMs = recordWallMs;
    }

    @Override
    public boolean accepting()
    {
        return true;
    }

    @Override
    public boolean signal(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final String triggerId,
        final DetectorKind detector, final Verdict verdict, final int iid, final String questionId, final CharSequence searchQuery)
    {
        tally.record(triggerId, verdict, sidHi, sidLo, recordWallMs.getAsLong());
        return true;
    }

    @Override
    public boolean questionShown(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String triggerId, final String questionId, final String variantId, final String segmentId, final String pageKind)
    {
        return true;
    }

    @Override
    public boolean answer(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId, final String choiceId)
    {
        return true;
    }

    @Override
    public boolean dismiss(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId)
    {
        return true;
    }

    @Override
    public boolean responseShown(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId, final String choiceId, final String responseId, final String segmentId)
    {
        return true;
    }

    @Override
    public boolean outcome(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final OutcomeKind outcome,
        final OutcomeGroup group, final int iid, final long durationMs, final String triggerId, final String questionId,
        final String variantId, final String choiceId, final String responseId, final String stuckKind)
    {
        return true;
    }
}
