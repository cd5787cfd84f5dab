package dev.pulse.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Units counted per breakdown cell and stratum: forward and all, treated and control, plus the units
 * still open per cell. A breakdown is a small number (its dimension), a cell a long (a day, a value's
 * number, a stratum's number). Bounded by dimensions x cells x strata, whatever the traffic. Not
 * thread-safe.
 */
final class BreakdownCounts
{
    private final Map<Integer, TreeMap<Long, Cell>> cellsByDimension = new HashMap<>();

    /** A complete unit: its arm and whether it moved forward, in its stratum. */
    void unit(final int dimension, final long cell, final int stratum, final boolean treated, final boolean forward)
    {
        final long[] counts = cell(dimension, cell).byStratum.computeIfAbsent(stratum, key -> new long[4]);
        final int arm = treated ? 0 : 2;
        counts[arm] += forward ? 1 : 0;
        counts[arm + 1]++;
    }

    /** A unit whose first window is not complete yet. */
    void unitOpen(final int dimension, final long cell)
    {
        cell(dimension, cell).open++;
    }

    /** The cells of a dimension with a unit, complete or open, in the order of their numbers. */
    List<Long> cells(final int dimension)
    {
        return new ArrayList<>(cellsByDimension.getOrDefault(dimension, new TreeMap<>()).keySet());
    }

    /** A cell's units by stratum, in the strata's order; none for a cell without units. */
    List<Stratum> strata(final int dimension, final long cell, final Strata strata)
    {
        final Cell counts = cellsByDimension.getOrDefault(dimension, new TreeMap<>()).get(cell);
        final List<Stratum> result = new ArrayList<>();
        if (counts != null)
        {
            new TreeMap<>(counts.byStratum).forEach((stratum, t) -> result.add(new Stratum(strata.version(stratum),
                strata.policy(stratum).holdoutShare(), new Proportion(t[0], t[1]), new Proportion(t[2], t[3]))));
        }
        return List.copyOf(result);
    }

    /** Units of the cell still open. */
    long unitsOpen(final int dimension, final long cell)
    {
        final Cell counts = cellsByDimension.getOrDefault(dimension, new TreeMap<>()).get(cell);
        return counts == null ? 0 : counts.open;
    }

    private Cell cell(final int dimension, final long cell)
    {
        return cellsByDimension.computeIfAbsent(dimension, key -> new TreeMap<>()).computeIfAbsent(cell, key -> new Cell());
    }

    /** One cell's counts: per stratum treated forward, treated, control forward, control; and units still open. */
    private static final class Cell
    {
        final Map<Integer, long[]> byStratum = new HashMap<>(2);
        long open;
    }
}
