package dev.pulse.report;

import java.util.List;
import java.util.Locale;

/**
 * "Breakdowns (exploratory)": the headline's visitors by day (a trend chart of the lift, then a
 * table), by device and the other context keys the catalog names, by page kind and by catalog
 * version, one table each with the units per arm, forward rates and the lift with its interval.
 */
final class BreakdownSection
{
    private BreakdownSection()
    {
    }

    static void write(final Html html, final Report report)
    {
        html.raw("<section aria-labelledby=\"breakdowns\">\n<h2 id=\"breakdowns\">Breakdowns (exploratory)</h2>\n");
        final Observation observation = report.observation();
        html.element("p", "note", "The headline's visitors (each by its first complete window), split by day, device, context, page "
            + "kind and catalog version; each breakdown adds up to the headline. Exploratory: these cells are not in the family "
            + "the per-trigger calls are adjusted for by " + observation.comparisons().sentence() + ": nothing here is called up "
            + "or down, and among many cells some intervals exclude zero by chance. Each cell's interval is "
            + (observation.live() ? "anytime-valid (the range is live)" : "fixed-horizon (the range is closed)") + ", 95%.");
        if (report.breakdowns().stream().allMatch(breakdown -> breakdown.cells().isEmpty()))
        {
            html.element("p", "note", "No visitor with a window in this period.");
            html.raw("</section>\n");
            return;
        }
        for (final Breakdown breakdown : report.breakdowns())
        {
            html.raw("<h3>").text(title(breakdown)).raw("</h3>\n");
            if (breakdown.by().equals(Breakdown.DAY) && breakdown.cells().stream().anyMatch(cell -> cell.lift().enoughData()))
            {
                html.raw("<figure>\n");
                TrendChart.draw(html.builder(), "chart-trend", breakdown.cells());
                html.raw("</figure>\n");
            }
            table(html, breakdown);
        }
        html.raw("</section>\n");
    }

    /** "By day", "By device", "By context tier", "By page kind", "By catalog version". */
    static String title(final Breakdown breakdown)
    {
        return switch (breakdown.by())
        {
            case Breakdown.CONTEXT -> breakdown.key().equals(SessionContexts.DEVICE) ? "By device" : "By context " + breakdown.key();
            case Breakdown.PAGE_KIND -> "By page kind";
            case Breakdown.CATALOG_VERSION -> "By catalog version";
            default -> "By day";
        };
    }

    private static void table(final Html html, final Breakdown breakdown)
    {
        final List<Breakdown.Cell> cells = breakdown.cells();
        if (cells.isEmpty())
        {
            html.element("p", "note", "No visitor with a window in this period.");
            return;
        }
        html.raw("<div class=\"table-wrap\">\n").table("Exploratory: visitors " + title(breakdown).toLowerCase(Locale.ROOT)
            + ": forward / units per arm, rates with 95% intervals in %, lift in percentage points", 1,
            Character.toUpperCase(title(breakdown).charAt(3)) + title(breakdown).substring(4), "Treated", "Treated rate", "Control", "Control rate", "Lift", "Relative", "Still open");
        for (final Breakdown.Cell cell : cells)
        {
            final Lift lift = cell.lift();
            html.row(cell.label(), Figures.fraction(lift.shown()), Figures.rate(lift.shown()), Figures.fraction(lift.holdout()),
                Figures.rate(lift.holdout()), lift(cell), lift.enoughData() ? Figures.relative(lift.relative()) : Figures.NO_VALUE,
                Figures.count(cell.unitsOpen()));
        }
        html.endTable().raw("</div>\n");
    }

    /** The lift with its interval; "no units" for an empty cell (a day without visitors), else "not enough data". */
    static String lift(final Breakdown.Cell cell)
    {
        final Lift lift = cell.lift();
        if (lift.enoughData())
        {
            return Figures.lift(lift.difference()) + " " + Figures.liftInterval(lift.interval());
        }
        return cell.units() == 0 ? "no units" : "not enough data";
    }
}
