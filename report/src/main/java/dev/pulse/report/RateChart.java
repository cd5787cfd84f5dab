package dev.pulse.report;

import java.util.List;

/**
 * Forward rates as horizontal bars on a fixed 0-100% scale (never zoomed, so small differences look
 * small), one bar per series in each row, each with its 95% interval as a whisker and the figures
 * printed at its end: shown against holdout per trigger, or copy variants side by side.
 */
final class RateChart
{
    private static final double LABEL_RIGHT = 165;
    private static final double PLOT_LEFT = 175;
    private static final double PLOT_WIDTH = 385;
    private static final double VALUE_LEFT = PLOT_LEFT + PLOT_WIDTH + 10;
    private static final double TOP = 52;
    private static final double BAR = 16;
    private static final double BAR_GAP = 4;
    private static final double ROW_GAP = 14;

    /** A series of bars: its name in the legend and its colour. */
    record Series(String name, String color)
    {
    }

    /** One row: its label and one rate per series (same order). */
    record Row(String label, List<Proportion> rates)
    {
    }

    private RateChart()
    {
    }

    static void draw(final StringBuilder out, final String id, final String title, final String description, final List<Series> series,
        final List<Row> rows)
    {
        final double rowHeight = series.size() * (BAR + BAR_GAP) - BAR_GAP + ROW_GAP;
        final int height = (int)Math.ceil(TOP + rows.size() * rowHeight + 8);
        final Svg svg = Svg.open(out, id, height, title, description);
        legend(svg, series);
        for (int tick = 0; tick <= 100; tick += 25)
        {
            final double x = PLOT_LEFT + PLOT_WIDTH * tick / 100.0;
            svg.line(x, TOP - 6, x, height - 8, Svg.GRID, 1);
            svg.text(x, TOP - 10, "middle", Svg.MUTED, tick + "%");
        }
        double y = TOP;
        for (final Row row : rows)
        {
            final double rowMiddle = y + (rowHeight - ROW_GAP) / 2;
            svg.text(LABEL_RIGHT, rowMiddle + 4, "end", Svg.INK, Svg.cut(row.label(), 26));
            for (int i = 0; i < series.size(); i++)
            {
                bar(svg, y + i * (BAR + BAR_GAP), row.rates().get(i), series.get(i).color());
            }
            y += rowHeight;
        }
        svg.close();
    }

    private static void legend(final Svg svg, final List<Series> series)
    {
        double x = PLOT_LEFT;
        for (final Series one : series)
        {
            svg.rect(x, 6, 12, 12, one.color());
            svg.text(x + 18, 16, "start", Svg.INK, one.name());
            x += 24 + 8 * one.name().length();
        }
    }

    private static void bar(final Svg svg, final double top, final Proportion rate, final String color)
    {
        final double middle = top + BAR / 2;
        if (rate.isEmpty())
        {
            svg.text(PLOT_LEFT + 4, middle + 4, "start", Svg.MUTED, "no closed windows");
            return;
        }
        svg.rect(PLOT_LEFT, top, PLOT_WIDTH * rate.rate(), BAR, color);
        final Interval interval = rate.interval();
        svg.whisker(PLOT_LEFT + PLOT_WIDTH * interval.low(), PLOT_LEFT + PLOT_WIDTH * interval.high(), middle, BAR - 4);
        svg.text(VALUE_LEFT, middle + 4, "start", Svg.INK, Figures.percent(rate.rate()) + " " + Figures.rateInterval(interval)
            + "  n=" + Figures.count(rate.trials()));
    }
}
