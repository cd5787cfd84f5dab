package dev.pulse.journal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The records a segment compacted by retention ({@link RetentionMode#COMPACT}) keeps: the types the
 * report module's {@code ReportAggregator} reads (sessions, signals, questions shown and unseen,
 * answers, dismisses, feedback on responses, hand-offs offered, outcomes, session ends, catalog
 * reloads), and SESSION_ERASED, which readers need to skip an erased session's records compaction
 * has not reached yet. Everything else goes:
 * RAW_EVENT (the captured messages, read only by the replay), RESPONSE_SHOWN (the report adds
 * nothing from it), and records of a type this version does not know. (The report counts searches
 * from RAW_EVENT too, and says from how many days: a compacted day counts none.) The journal cannot
 * see the report module, so the list is kept here; the report's {@code CompactedJournalReportTest} fails if
 * the report comes to read a type dropped here.
 */
final class ReportRecords
{
    /** The types kept, public through {@link #keptTypes()} for that test. */
    private static final Set<JournalRecordType> KEPT = EnumSet.of(JournalRecordType.SESSION_START, JournalRecordType.SIGNAL,
        JournalRecordType.QUESTION_SHOWN, JournalRecordType.QUESTION_UNSEEN, JournalRecordType.ANSWER, JournalRecordType.DISMISS,
        JournalRecordType.FEEDBACK, JournalRecordType.HANDOFF, JournalRecordType.OUTCOME, JournalRecordType.SESSION_END,
        JournalRecordType.CATALOG_RELOAD, JournalRecordType.SESSION_ERASED);

    /** Leaves out every record of a type not kept. */
    static final RecordFilter FILTER = record -> record == null || !KEPT.contains(record.type());

    private ReportRecords()
    {
    }

    static Set<JournalRecordType> keptTypes()
    {
        return EnumSet.copyOf(KEPT);
    }
}
