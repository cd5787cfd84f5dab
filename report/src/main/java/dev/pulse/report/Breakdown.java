package dev.pulse.report;

import java.util.List;

/**
 * The headline's units split by one property of each unit's first window: the day it opened
 * (UTC), a context value of its session (device, or a key the catalog names), the page kind the
 * visitor was stuck on, or the catalog version that opened it. Every unit is in exactly one cell, so
 * each breakdown's cells add up to the headline. Exploratory: the cells are not a family the
 * report adjusts for, so a cell's interval that excludes zero is a lead, not a finding.
 *
 * @param by    what splits: {@code day}, {@code context}, {@code page_kind} or {@code catalog_version}.
 * @param key   the context key for {@code context} ({@code device}, {@code tier}...), else "".
 * @param cells in reading order: days in order (a day without units included), versions in order of first use, other
 *              values alphabetically with "(not set)" and "(other values)" last.
 */
public record Breakdown(String by, String key, List<Cell> cells)
{
    public static final String DAY = "day";
    public static final String CONTEXT = "context";
    public static final String PAGE_KIND = "page_kind";
    public static final String CATALOG_VERSION = "catalog_version";

    /** A name unique in the report: {@code day}, {@code context:device}, {@code page_kind}, {@code catalog_version}. */
    public String name()
    {
        return key.isEmpty() ? by : by + ":" + key;
    }

    /**
     * One cell.
     *
     * @param value     what the cell's units share: a day (2026-11-24), a context value, a page kind, a version hash (16 hex digits).
     * @param label     how people read it: the value, or for a version its name and hash.
     * @param lift      treated against control units of the cell, with the interval the report's range calls for.
     * @param unitsOpen visitors whose first window falls in this cell but is not yet complete (in no rate).
     */
    public record Cell(String value, String label, Lift lift, long unitsOpen)
    {
        /** Units of both arms. */
        public long units()
        {
            return lift.shown().trials() + lift.holdout().trials();
        }
    }
}
