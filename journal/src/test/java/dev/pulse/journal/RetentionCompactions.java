package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * For the report's tests: what {@code journal_retention_mode: compact} makes of a closed journal
 * (every segment sealed), by the same rewrite and filter the upkeep uses, without waiting for ages.
 */
public final class RetentionCompactions
{
    private RetentionCompactions()
    {
    }

    /** Compacts every segment of the closed journal in {@code journalDir} to the report's records; returns the segments rewritten. */
    public static int compactEverySegment(final Path journalDir) throws IOException
    {
        final SegmentCompactor compactor = new SegmentCompactor(journalDir, CompactionProbe.NONE);
        int rewritten = 0;
        for (final long index : SegmentFiles.list(journalDir))
        {
            if (compactor.compact(index, ReportRecords.FILTER) > 0)
            {
                rewritten++;
            }
        }
        return rewritten;
    }

    /** The record types a compacted segment keeps. */
    public static Set<JournalRecordType> keptTypes()
    {
        return ReportRecords.keptTypes();
    }
}
