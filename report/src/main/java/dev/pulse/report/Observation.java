package dev.pulse.report;

/**
 * How far the report could see, and so which windows it counts and which interval it shows.
 *
 * @param endMs          end of observation: the range's end plus the longest open time of the versions
 *                       seen (outcomes of windows opened in the range are read that far), or the last
 *                       record of the journal, whichever is earlier; a window is complete when opened at
 *                       least its version's longest open time before it.
 * @param live           the range is not closed (its end is after the report was made, or open): intervals
 *                       are anytime-valid, since a live report is looked at again and again.
 * @param intervalKind   the kind of interval the headline carries.
 * @param comparisons    how the per-trigger calls are adjusted for the number of triggers.
 * @param policiesKnown  false when a catalog version's copy could not be read and the default window
 *                       lengths and holdout share ({@link WindowPolicy#DEFAULTS}) stood in.
 * @param windowsOpen    windows opened in the range that are not complete at the end of observation.
 */
public record Observation(long endMs, boolean live, IntervalKind intervalKind, MultipleComparisons comparisons,
    boolean policiesKnown, long windowsOpen)
{
}
