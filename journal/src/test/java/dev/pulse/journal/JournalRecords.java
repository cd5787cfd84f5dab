package dev.pulse.journal;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;

/**
 * The journal's decision records written field by field, for tests that make journals without a
 * session machine. Spelled out here, apart from the server's {@code DecisionRecord}, so the round-trip
 * tests pin the layout independently of the code that writes it live.
 */
public final class JournalRecords
{
    private JournalRecords()
    {
    }

    /** {@code searchQuery} is null when the signal has none; otherwise it is journaled in clear or hidden. */
    public static boolean signal(final JournalProxy proxy, final long timeMs, final long sidHi, final long sidLo, final long catalogVersion,
        final String triggerId, final DetectorKind detector, final Verdict verdict, final int iid, final String questionId,
        final CharSequence searchQuery)
    {
        final JournalRecordEncoder record = proxy.record(JournalRecordType.SIGNAL).timeMs(timeMs).sid(sidHi, sidLo)
            .catalogVersion(catalogVersion).value(detector.ordinal()).iid(iid).code(verdict.ordinal())
            .string(triggerId).string(detector.catalogName()).string(verdict.reason()).string(questionId);
        if (searchQuery != null)
        {
            record.searchText(searchQuery);
        }
        return record.commit();
    }

    public static boolean questionShown(final JournalProxy proxy, final long timeMs, final long sidHi, final long sidLo,
        final long catalogVersion, final int iid, final String triggerId, final String questionId, final String variantId,
        final String segmentId, final String pageKind)
    {
        return proxy.record(JournalRecordType.QUESTION_SHOWN).timeMs(timeMs).sid(sidHi, sidLo).catalogVersion(catalogVersion).iid(iid)
            .string(triggerId).string(questionId).string(variantId).string(segmentId).string(pageKind).commit();
    }

    public static boolean answer(final JournalProxy proxy, final long timeMs, final long sidHi, final long sidLo, final long catalogVersion,
        final int iid, final String questionId, final String choiceId)
    {
        return proxy.record(JournalRecordType.ANSWER).timeMs(timeMs).sid(sidHi, sidLo).catalogVersion(catalogVersion).iid(iid)
            .string(questionId).string(choiceId).commit();
    }

    public static boolean dismiss(final JournalProxy proxy, final long timeMs, final long sidHi, final long sidLo, final long catalogVersion,
        final int iid, final String questionId)
    {
        return proxy.record(JournalRecordType.DISMISS).timeMs(timeMs).sid(sidHi, sidLo).catalogVersion(catalogVersion).iid(iid)
            .string(questionId).commit();
    }

    public static boolean responseShown(final JournalProxy proxy, final long timeMs, final long sidHi, final long sidLo,
        final long catalogVersion, final int iid, final String questionId, final String choiceId, final String responseId,
        final String segmentId)
    {
        return proxy.record(JournalRecordType.RESPONSE_SHOWN).timeMs(timeMs).sid(sidHi, sidLo).catalogVersion(catalogVersion).iid(iid)
            .string(questionId).string(choiceId).string(responseId).string(segmentId).commit();
    }

    public static boolean outcome(final JournalProxy proxy, final long timeMs, final long sidHi, final long sidLo, final long catalogVersion,
        final OutcomeKind outcome, final OutcomeGroup group, final int iid, final long durationMs, final String triggerId,
        final String questionId, final String variantId, final String choiceId, final String responseId, final String stuckKind)
    {
        return proxy.record(JournalRecordType.OUTCOME).timeMs(timeMs).sid(sidHi, sidLo).catalogVersion(catalogVersion).value(durationMs)
            .iid(iid).code(outcome.ordinal()).string(outcome.wireName()).string(group.wireName()).string(triggerId).string(questionId)
            .string(variantId).string(choiceId).string(responseId).string(stuckKind).commit();
    }
}
