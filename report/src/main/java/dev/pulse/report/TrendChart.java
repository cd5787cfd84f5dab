package dev.pulse.report;

import java.util.List;

/**
 * The lift by day: for each day a point at the day's lift with its 95% interval as a vertical
 * whisker, around a zero line, so a trend (or a day that stands out) is seen at a glance. A day
 * without enough units has no point, only a mark on the zero line; its table row says why.
 */
final class TrendChart
{
    private static final double PLOT_LEFT = 64;
    private static final double PLOT_RIGHT = Svg.WIDTH - 16;
    private static final double TOP = 20;
    private static final double PLOT_HEIGHT = 180;
    private static final int HEIGHT = (int)(TOP + PLOT_HEIGHT + 36);
    /** At most this many day labels under the axis; the others are left to the table. */
    private static final int MAX_LABELS = 14;

    private TrendChart()
    {
    }

    static void draw(final StringBuilder out, final String id, final List<Breakdown.Cell> days)
    {
        final double span = LiftChart.span(days.stream().map(Breakdown.Cell::lift).toList());
        final Svg svg = Svg.open(out, id, HEIGHT, "Lift by day, with 95% intervals",
            "For each day, the lift of the visitors whose first window opened that day (treated minus control forward rate, "
                + "percentage points) with its 95% interval; a zero line marks no difference. Exploratory.");
        for (int step = -2; step <= 2; step++)
        {
            final double y = y(span * step / 2, span);
            svg.line(PLOT_LEFT, y, PLOT_RIGHT, y, step == 0 ? Svg.INK : Svg.GRID, step == 0 ? 1.5 : 1);
            svg.text(PLOT_LEFT - 6, y + 4, "end", Svg.MUTED, Figures.signedPoints(span * step / 2) + " pp");
        }
        final double column = (PLOT_RIGHT - PLOT_LEFT) / days.size();
        final int labelEvery = (days.size() + MAX_LABELS - 1) / MAX_LABELS;
        for (int i = 0; i < days.size(); i++)
        {
            final Breakdown.Cell day = days.get(i);
            final double x = PLOT_LEFT + column * (i + 0.5);
            final Lift lift = day.lift();
            if (lift.enoughData())
            {
                final double low = y(lift.interval().low(), span);
                final double high = y(lift.interval().high(), span);
                svg.line(x, low, x, high, Svg.INK, 1.5);
                svg.line(x - 4, low, x + 4, low, Svg.INK, 1.5);
                svg.line(x - 4, high, x + 4, high, Svg.INK, 1.5);
                svg.circle(x, y(lift.difference(), span), 4, Svg.SHOWN);
            }
            else
            {
                svg.circle(x, y(0, span), 2.5, Svg.HOLDOUT);
            }
            if (i % labelEvery == 0)
            {
                // "11-24": the year is in the table.
                svg.text(x, TOP + PLOT_HEIGHT + 20, "middle", Svg.INK, day.value().substring(5));
            }
        }
        svg.close();
    }

    private static double y(final double value, final double span)
    {
        return TOP + PLOT_HEIGHT * (span - value) / (2 * span);
    }
}
