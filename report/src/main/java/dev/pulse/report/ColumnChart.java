package dev.pulse.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Vertical columns by category, one per series side by side, each labelled with its value: the
 * time-to-forward histogram (share of each group's forward windows per bucket) and the exposure
 * bars (sessions per number of questions seen). The axis starts at zero.
 */
final class ColumnChart
{
    private static final double PLOT_LEFT = 56;
    private static final double PLOT_RIGHT = Svg.WIDTH - 16;
    private static final double TOP = 44;
    private static final double PLOT_HEIGHT = 190;
    private static final int HEIGHT = (int)(TOP + PLOT_HEIGHT + 40);

    /** A series: its legend name and colour. */
    record Series(String name, String color)
    {
    }

    /** One category's columns: a value and its printed label per series (same order). */
    record Column(String category, double[] values, String[] labels)
    {
    }

    private ColumnChart()
    {
    }

    static void draw(final StringBuilder out, final String id, final String title, final String description, final List<Series> series,
        final List<Column> columns, final DoubleFunction<String> axisLabel)
    {
        final Svg svg = Svg.open(out, id, HEIGHT, title, description);
        double x = PLOT_LEFT;
        for (final Series one : series)
        {
            svg.rect(x, 8, 12, 12, one.color());
            svg.text(x + 18, 18, "start", Svg.INK, one.name());
            x += 24 + 8 * one.name().length();
        }
        double largest = 0;
        for (final Column column : columns)
        {
            for (final double value : column.values())
            {
                largest = Math.max(largest, value);
            }
        }
        final double top = niceCeiling(largest);
        final double bottom = TOP + PLOT_HEIGHT;
        for (int step = 0; step <= 4; step++)
        {
            final double y = bottom - PLOT_HEIGHT * step / 4;
            svg.line(PLOT_LEFT, y, PLOT_RIGHT, y, step == 0 ? Svg.INK : Svg.GRID, 1);
            svg.text(PLOT_LEFT - 6, y + 4, "end", Svg.MUTED, axisLabel.apply(top * step / 4));
        }
        final double groupWidth = (PLOT_RIGHT - PLOT_LEFT) / Math.max(1, columns.size());
        final double columnWidth = Math.min(48, (groupWidth - 16) / series.size());
        for (int c = 0; c < columns.size(); c++)
        {
            final Column column = columns.get(c);
            final double groupLeft = PLOT_LEFT + c * groupWidth + (groupWidth - columnWidth * series.size()) / 2;
            for (int s = 0; s < series.size(); s++)
            {
                final double height = PLOT_HEIGHT * column.values()[s] / top;
                final double left = groupLeft + s * columnWidth;
                svg.rect(left + 1, bottom - height, columnWidth - 2, height, series.get(s).color());
                svg.text(left + columnWidth / 2, bottom - height - 4, "middle", Svg.INK, column.labels()[s]);
            }
            svg.text(PLOT_LEFT + c * groupWidth + groupWidth / 2, bottom + 18, "middle", Svg.INK, column.category());
        }
        svg.close();
    }

    /** The axis top: 1, 2, 2.5 or 5 times a power of ten at or above {@code value} (1 for nothing). */
    static double niceCeiling(final double value)
    {
        if (!(value > 0))
        {
            return 1;
        }
        final double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (final double step : new double[] {1, 2, 2.5, 5, 10})
        {
            if (step * magnitude >= value - 1e-12)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
