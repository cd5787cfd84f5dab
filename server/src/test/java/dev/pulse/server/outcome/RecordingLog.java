package dev.pulse.server.outcome;

import java.util.ArrayList;
import java.util.List;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.server.journal.OutcomeGroup;
import dev.pulse.server.journal.OutcomeKind;
import dev.pulse.server.metrics.WindowDrop;

/** An InterventionLog for tests: keeps every record as a line of text. */
final class RecordingLog implements InterventionLog
{
    final List<String> signals = new ArrayList<>();
    final List<String> shown = new ArrayList<>();
    final List<String> outcomes = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    final List<String> dropped = new ArrayList<>();
    boolean accepting = true;

    @Override
    public boolean accepting()
    {
        return accepting;
    }

    @Override
    public boolean signal(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final String triggerId,
        final DetectorKind detector, final Verdict verdict, final int iid, final String questionId, final CharSequence searchQuery)
    {
        signals.add(triggerId + " " + verdict.reason());
        return true;
    }

    @Override
    public boolean questionShown(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String triggerId, final String questionId, final String variantId, final String segmentId, final String pageKind)
    {
        shown.add(questionId + " iid=" + iid + " on " + pageKind);
        return true;
    }

    @Override
    public boolean answer(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId, final String choiceId)
    {
        answers.add(questionId + " " + choiceId);
        return true;
    }

    @Override
    public boolean dismiss(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId)
    {
        answers.add(questionId + " dismissed");
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
        outcomes.add(outcome.wireName() + " " + group.wireName() + " " + triggerId + " " + questionId + " " + variantId + " choice=" +
            choiceId + " response=" + responseId + " stuck=" + stuckKind + " after=" + durationMs + "ms");
        return true;
    }

    @Override
    public void windowDropped(final WindowDrop reason, final OutcomeGroup group)
    {
        dropped.add(reason.label() + " " + group.wireName());
    }
}
