package dev.pulse.report;

import java.util.List;

/**
 * How the answers to one question split: a horizontal bar per answer (and for dismissed and
 * unanswered) on a 0-100% scale of the times it was shown, with the count and share at its end.
 */
final class SplitChart
{
    private static final double LABEL_RIGHT = 165;
    private static final double PLOT_LEFT = 175;
    private static final double PLOT_WIDTH = 425;
    private static final double TOP = 26;
    private static final double BAR = 18;
    private static final double ROW = 26;

    /** One bar: what it counts, how many, and its colour. */
    record Bar(String label, long count, String color)
    {
    }

    private SplitChart()
    {
    }

    static void draw(final StringBuilder out, final String id, final String title, final String description, final long shown,
        final List<Bar> bars)
    {
        final int height = (int)Math.ceil(TOP + bars.size() * ROW + 6);
        final Svg svg = Svg.open(out, id, height, title, description);
        for (int tick = 0; tick <= 100; tick += 25)
        {
            final double x = PLOT_LEFT + PLOT_WIDTH * tick / 100.0;
            svg.line(x, TOP - 6, x, height - 4, Svg.GRID, 1);
            svg.text(x, TOP - 10, "middle", Svg.MUTED, tick + "%");
        }
        double y = TOP;
        for (final Bar bar : bars)
        {
            final double share = new Proportion(Math.min(bar.count(), shown), shown).rate();
            final double width = Double.isNaN(share) ? 0 : PLOT_WIDTH * share;
            svg.text(LABEL_RIGHT, y + BAR / 2 + 4, "end", Svg.INK, Svg.cut(bar.label(), 26));
            svg.rect(PLOT_LEFT, y, width, BAR, bar.color());
            svg.text(PLOT_LEFT + width + 6, y + BAR / 2 + 4, "start", Svg.INK, Figures.count(bar.count()) + " ("
                + Figures.percent(share) + ")");
            y += ROW;
        }
        svg.close();
    }
}
