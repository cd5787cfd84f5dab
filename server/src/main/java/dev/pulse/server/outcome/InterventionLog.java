package dev.pulse.server.outcome;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.server.journal.OutcomeGroup;
import dev.pulse.server.journal.OutcomeKind;
import dev.pulse.server.metrics.WindowDrop;

/**
 * Where the session machine records what it decided: the journal on the live server, a tally in
 * a replay. Calls mirror the journal's records; a false return means the record was not taken.
 * {@code timeMs} is the machine's (monotonic) time; a log stamps its records with the wall time of
 * the message being handled, not with it.
 */
public interface InterventionLog
{
    /** Whether records can be taken now; while not, nothing may signal (never a question that cannot be recorded). */
    boolean accepting();

    boolean signal(long timeMs, long sidHi, long sidLo, long catalogVersion, String triggerId, DetectorKind detector, Verdict verdict,
        int iid, String questionId, CharSequence searchQuery);

    boolean questionShown(long timeMs, long sidHi, long sidLo, long catalogVersion, int iid, String triggerId, String questionId,
        String variantId, String segmentId, String pageKind);

    boolean answer(long timeMs, long sidHi, long sidLo, long catalogVersion, int iid, String questionId, String choiceId);

    boolean dismiss(long timeMs, long sidHi, long sidLo, long catalogVersion, int iid, String questionId);

    boolean responseShown(long timeMs, long sidHi, long sidLo, long catalogVersion, int iid, String questionId, String choiceId,
        String responseId, String segmentId);

    /** An outcome window that will not be measured (no slot for it, or its slot given to a live window). */
    default void windowDropped(final WindowDrop reason, final OutcomeGroup group)
    {
    }

    boolean outcome(long timeMs, long sidHi, long sidLo, long catalogVersion, OutcomeKind outcome, OutcomeGroup group, int iid,
        long durationMs, String triggerId, String questionId, String variantId, String choiceId, String responseId, String stuckKind);
}
