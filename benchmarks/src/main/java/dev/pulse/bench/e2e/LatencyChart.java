package dev.pulse.bench.e2e;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The SVG chart of the report: question latency (ms, log scale) against offered rate, p50, p99 and
 * p99.9, Pulse in solid lines and the floor server dashed. Written by hand: a few lines and labels.
 */
final class LatencyChart
{
    /** One line of the chart: its points in (rate, ms), ordered by rate. */
    record Series(String label, String colour, boolean dashed, List<double[]> points)
    {
    }

    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private LatencyChart()
    {
    }

    static String svg(final String title, final List<Series> series)
    {
        double maxRate = 1;
        double minMs = Double.MAX_VALUE;
        double maxMs = 0;
        for (final Series s : series)
        {
            for (final double[] p : s.points())
            {
                maxRate = Math.max(maxRate, p[0]);
                if (p[1] > 0)
                {
                    minMs = Math.min(minMs, p[1]);
                    maxMs = Math.max(maxMs, p[1]);
                }
            }
        }
        if (maxMs == 0)
        {
            minMs = 0.1;
            maxMs = 10;
        }
        final int lowDecade = (int)Math.floor(Math.log10(minMs));
        final int highDecade = Math.max(lowDecade + 1, (int)Math.ceil(Math.log10(maxMs)));
        final Scale scale = new Scale(maxRate * 1.05, lowDecade, highDecade);
        final StringBuilder out = new StringBuilder(8_192);
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" " +
            "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
        axes(out, scale);
        int legendY = TOP + 10;
        for (final Series s : series)
        {
            line(out, s, scale);
            final String dash = s.dashed() ? " stroke-dasharray=\"6 4\"" : "";
            out.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>" +
                    "<text x=\"%d\" y=\"%d\">%s</text>%n",
                WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 45, legendY, s.colour(), dash, WIDTH - RIGHT + 52, legendY + 4, escape(s.label())));
            legendY += 20;
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static void axes(final StringBuilder out, final Scale scale)
    {
        final int plotRight = WIDTH - RIGHT;
        final int plotBottom = HEIGHT - BOTTOM;
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
            LEFT, TOP, plotRight - LEFT, plotBottom - TOP));
        for (int decade = scale.lowDecade; decade <= scale.highDecade; decade++)
        {
            final double ms = Math.pow(10, decade);
            final double y = scale.y(ms);
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>" +
                "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, y, plotRight, y, LEFT - 6, y + 4, msLabel(ms)));
        }
        final double step = niceStep(scale.maxRate / 6);
        for (double rate = 0; rate <= scale.maxRate; rate += step)
        {
            final double x = scale.x(rate);
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>" +
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n", x, TOP, x, plotBottom, x, plotBottom + 16, (long)rate));
        }
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">offered rate (events/s)</text>%n",
            (LEFT + plotRight) / 2, HEIGHT - 12));
        out.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 16 %d)\">" +
            "question latency (ms, log scale)</text>%n", (TOP + plotBottom) / 2, (TOP + plotBottom) / 2));
    }

    private static void line(final StringBuilder out, final Series s, final Scale scale)
    {
        final StringBuilder points = new StringBuilder();
        for (final double[] p : s.points())
        {
            if (p[1] > 0)
            {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(p[0]), scale.y(p[1])));
                out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                    scale.x(p[0]), scale.y(p[1]), s.colour()));
            }
        }
        out.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
            points.toString().trim(), s.colour(), s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
    }

    private static double niceStep(final double rough)
    {
        final double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        final double fraction = rough / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    private static String msLabel(final double ms)
    {
        return BigDecimal.valueOf(ms).stripTrailingZeros().toPlainString() + " ms";
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Rate to x (linear from 0), ms to y (log, whole decades). */
    private record Scale(double maxRate, int lowDecade, int highDecade)
    {
        double x(final double rate)
        {
            return LEFT + rate / maxRate * (WIDTH - RIGHT - LEFT);
        }

        double y(final double ms)
        {
            final double fraction = (Math.log10(ms) - lowDecade) / (highDecade - lowDecade);
            return HEIGHT - BOTTOM - fraction * (HEIGHT - BOTTOM - TOP);
        }
    }
}
