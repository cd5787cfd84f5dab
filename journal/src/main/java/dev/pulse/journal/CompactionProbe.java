package dev.pulse.journal;

/**
 * The points of a segment rewrite ({@link SegmentCompactor}) a crash may fall between: a seam for
 * the tests that kill a child JVM at each one and check that the segment is then either the old one
 * or the new one, never neither. Production uses {@link #NONE}.
 */
interface CompactionProbe
{
    /** The steps, in the order a rewrite takes them. */
    enum Step
    {
        /** The temporary file exists and holds part of the rewrite. */
        TEMP_PARTLY_WRITTEN,
        /** The temporary file holds the whole rewrite, not yet forced. */
        TEMP_WRITTEN,
        /** The temporary file is forced to the disk. */
        TEMP_FORCED,
        /** The rename over the segment is done, the directory not yet forced. */
        RENAMED,
        /** The directory is forced: the rewrite is durable. */
        DONE
    }

    CompactionProbe NONE = step ->
    {
    };

    void at(Step step);
}
