package dev.pulse.journal;

/**
 * Which records a segment rewrite ({@link SegmentCompactor}) leaves out: the records of erased
 * sessions ({@link ErasedSessions}), or, under {@link RetentionMode#COMPACT}, every record the
 * report never reads ({@link ReportRecords}).
 */
@FunctionalInterface
interface RecordFilter
{
    /** Whether the rewrite leaves {@code record} out; {@code record} is null for a type this version does not know. */
    boolean removes(JournalRecordFlyweight record);
}
