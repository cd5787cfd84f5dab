package dev.pulse.report;

import java.util.List;

/**
 * Each trigger's lift as a point with its 95% interval around a zero line (a forest plot): an
 * interval wholly right of zero means showing the question moved more people forward. Triggers
 * below the minimum of closed windows are listed as "not enough data", without a point.
 */
final class LiftChart
{
    private static final double LABEL_RIGHT = 165;
    private static final double PLOT_LEFT = 175;
    private static final double PLOT_WIDTH = 385;
    private static final double VALUE_LEFT = PLOT_LEFT + PLOT_WIDTH + 10;
    private static final double TOP = 30;
    private static final double ROW = 26;

    private LiftChart()
    {
    }

    static void draw(final StringBuilder out, final String id, final List<TriggerFigures> triggers)
    {
        final double span = span(triggers.stream().map(TriggerFigures::lift).toList());
        final int height = (int)Math.ceil(TOP + triggers.size() * ROW + 8);
        final Svg svg = Svg.open(out, id, height, "Lift by trigger, with 95% intervals",
            "For each trigger, the forward rate of shown windows minus that of holdout windows in percentage points, "
                + "with Newcombe's 95% interval; a zero line marks no difference.");
        for (int step = -2; step <= 2; step++)
        {
            final double value = span * step / 2;
            final double x = x(value, span);
            svg.line(x, TOP - 6, x, height - 8, step == 0 ? Svg.INK : Svg.GRID, step == 0 ? 1.5 : 1);
            svg.text(x, TOP - 10, "middle", Svg.MUTED, Figures.signedPoints(value) + " pp");
        }
        double y = TOP;
        for (final TriggerFigures trigger : triggers)
        {
            final double middle = y + ROW / 2;
            svg.text(LABEL_RIGHT, middle + 4, "end", Svg.INK, Svg.cut(trigger.trigger(), 26));
            final Lift lift = trigger.lift();
            if (lift.enoughData())
            {
                svg.whisker(x(lift.interval().low(), span), x(lift.interval().high(), span), middle, 10);
                svg.circle(x(lift.difference(), span), middle, 5, Svg.SHOWN);
                svg.text(VALUE_LEFT, middle + 4, "start", Svg.INK, Figures.lift(lift.difference()) + " "
                    + Figures.liftInterval(lift.interval()));
            }
            else
            {
                svg.text(PLOT_LEFT + 4, middle + 4, "start", Svg.MUTED, "not enough data (" + Figures.count(lift.shown().trials())
                    + " shown, " + Figures.count(lift.holdout().trials()) + " holdout windows; " + lift.minWindows() + " each needed)");
            }
            y += ROW;
        }
        svg.close();
    }

    /** Half the axis: the largest interval end of the lifts with enough data in 10-point steps, at least 10 points, at most 100. */
    static double span(final List<Lift> lifts)
    {
        double largest = 0.1;
        for (final Lift lift : lifts)
        {
            if (lift.enoughData())
            {
                largest = Math.max(largest, Math.max(Math.abs(lift.interval().low()), Math.abs(lift.interval().high())));
            }
        }
        return Math.min(1, Math.ceil(largest * 10 - 1e-9) / 10);
    }

    private static double x(final double value, final double span)
    {
        return PLOT_LEFT + PLOT_WIDTH * (value + span) / (2 * span);
    }
}
