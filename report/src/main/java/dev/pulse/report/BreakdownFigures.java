package dev.pulse.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Turns the counted cells into {@link Breakdown}s: names and orders the cells, gives each the lift
 * with the interval the report's range calls for ({@link LiftEstimator}: fixed-horizon over a closed
 * range, anytime-valid when live), and fills in the days without a unit. Used once, by
 * {@link BreakdownTally}.
 */
final class BreakdownFigures
{
    private static final long DAY_MS = 86_400_000L;
    /** Days without a unit are listed back this far from the end at most (a decade), whatever the journal's first record says. */
    private static final long MAX_EMPTY_DAYS = 3_660;

    private final BreakdownCounts counts;
    private final Strata strata;
    private final SessionContexts contexts;
    private final CellNames pageKinds;
    private final boolean live;

    BreakdownFigures(final BreakdownCounts counts, final Strata strata, final SessionContexts contexts, final CellNames pageKinds,
        final boolean live)
    {
        this.counts = counts;
        this.strata = strata;
        this.contexts = contexts;
        this.pageKinds = pageKinds;
        this.live = live;
    }

    /**
     * Every breakdown: by day, by each context key (device first), by page kind, by catalog version.
     *
     * @param firstDay the day of the range's first record (Long.MAX_VALUE without one), from which days are listed.
     * @param lastDay  the day of the end of observation, to which they are listed.
     */
    List<Breakdown> all(final long firstDay, final long lastDay, final List<CatalogVersionSeen> versions)
    {
        final List<Breakdown> breakdowns = new ArrayList<>();
        breakdowns.add(days(firstDay, lastDay));
        for (int key = 0; key < contexts.keys().size(); key++)
        {
            final int index = key;
            breakdowns.add(new Breakdown(Breakdown.CONTEXT, contexts.keys().get(key), named(BreakdownTally.FIRST_CONTEXT + key,
                value -> contexts.value(index, value))));
        }
        breakdowns.add(new Breakdown(Breakdown.PAGE_KIND, "", named(BreakdownTally.PAGE_KIND, pageKinds::name)));
        breakdowns.add(new Breakdown(Breakdown.CATALOG_VERSION, "", versions(versions)));
        return List.copyOf(breakdowns);
    }

    /** Every day from the first record's to the end of observation's, a day without units too, and any day a unit opened on. */
    private Breakdown days(final long firstDay, final long lastDay)
    {
        final TreeSet<Long> days = new TreeSet<>(counts.cells(BreakdownTally.DAY));
        for (long day = Math.max(firstDay, lastDay - MAX_EMPTY_DAYS); day <= lastDay; day++)
        {
            days.add(day);
        }
        final List<Breakdown.Cell> cells = new ArrayList<>(days.size());
        for (final long day : days)
        {
            final String name = Figures.day(day * DAY_MS);
            cells.add(cell(BreakdownTally.DAY, day, name, name));
        }
        return new Breakdown(Breakdown.DAY, "", List.copyOf(cells));
    }

    /** Cells named by a {@link CellNames}: alphabetically, those in parentheses ("(not set)", "(other values)", "(unknown)") last. */
    private List<Breakdown.Cell> named(final int dimension, final IntFunction<String> names)
    {
        final List<Breakdown.Cell> cells = new ArrayList<>();
        for (final long id : counts.cells(dimension))
        {
            final String name = names.apply((int)id);
            cells.add(cell(dimension, id, name, name));
        }
        cells.sort(Comparator.comparing((Breakdown.Cell cell) -> cell.value().startsWith("(")).thenComparing(Breakdown.Cell::value));
        return List.copyOf(cells);
    }

    /** Versions in the order they were first seen opening a window, named when a reload record names them. */
    private List<Breakdown.Cell> versions(final List<CatalogVersionSeen> versions)
    {
        final List<Breakdown.Cell> cells = new ArrayList<>();
        for (final long stratum : counts.cells(BreakdownTally.CATALOG_VERSION))
        {
            final long hash = strata.version((int)stratum);
            final String hex = String.format("%016x", hash);
            final String name = versions.stream().filter(version -> version.hash() == hash).map(CatalogVersionSeen::version)
                .filter(version -> !version.isEmpty()).findFirst().orElse("");
            cells.add(cell(BreakdownTally.CATALOG_VERSION, stratum, hex, name.isEmpty() ? hex : name + " (" + hex + ")"));
        }
        return List.copyOf(cells);
    }

    private Breakdown.Cell cell(final int dimension, final long id, final String value, final String label)
    {
        final Lift lift = LiftEstimator.estimate(counts.strata(dimension, id, strata), live, ReportMethod.MIN_CLOSED_WINDOWS);
        return new Breakdown.Cell(value, label, lift, counts.unitsOpen(dimension, id));
    }
}
