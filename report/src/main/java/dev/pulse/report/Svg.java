package dev.pulse.report;

import java.util.Locale;


/**
 * The drawing primitives of the report's charts: an inline {@code <svg>} that names itself for
 * screen readers ({@code role="img"}, {@code aria-label}, {@code <title>}, {@code <desc>}), and
 * rectangles, lines and text in its coordinates. Text is escaped. Sizes are in the viewBox's
 * units; the page's CSS scales the chart to its column. Not thread-safe.
 */
final class Svg
{
    static final int WIDTH = 760;
    static final String SHOWN = "#2563eb";
    static final String HOLDOUT = "#9ca3af";
    static final String SHADOW = "#a855f7";
    static final String INK = "#111827";
    static final String GRID = "#e5e7eb";
    static final String MUTED = "#6b7280";

    private final StringBuilder out;

    private Svg(final StringBuilder out)
    {
        this.out = out;
    }

    /** Opens an SVG of {@link #WIDTH} by {@code height}; {@code id} must be unique in the page. */
    static Svg open(final StringBuilder out, final String id, final int height, final String title, final String description)
    {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" id=\"").append(id)
            .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
            .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
            .append("\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"12\"")
            .append(" aria-label=\"").append(Html.escape(title))
            .append("\" aria-describedby=\"").append(id).append("-desc\">\n<title>").append(Html.escape(title))
            .append("</title>\n<desc id=\"").append(id).append("-desc\">").append(Html.escape(description)).append("</desc>\n");
        return new Svg(out);
    }

    Svg rect(final double x, final double y, final double width, final double height, final String fill)
    {
        out.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
            .append(number(Math.max(0, width))).append("\" height=\"").append(number(Math.max(0, height)))
            .append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    Svg line(final double x1, final double y1, final double x2, final double y2, final String stroke, final double strokeWidth)
    {
        out.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1)).append("\" x2=\"").append(number(x2))
            .append("\" y2=\"").append(number(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
            .append(number(strokeWidth)).append("\"/>\n");
        return this;
    }

    Svg circle(final double cx, final double cy, final double r, final String fill)
    {
        out.append("<circle cx=\"").append(number(cx)).append("\" cy=\"").append(number(cy)).append("\" r=\"").append(number(r))
            .append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    /** Text at (x, y) (its baseline), anchored "start", "middle" or "end". */
    Svg text(final double x, final double y, final String anchor, final String fill, final String text)
    {
        out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" text-anchor=\"").append(anchor)
            .append("\" fill=\"").append(fill).append("\">").append(Html.escape(text)).append("</text>\n");
        return this;
    }

    /** A label cut to {@code max} characters with an ellipsis; the tables carry the full text. */
    static String cut(final String label, final int max)
    {
        if (label.length() <= max)
        {
            return label;
        }
        final int end = Character.isHighSurrogate(label.charAt(max - 2)) ? max - 2 : max - 1;
        return label.substring(0, end) + "\u2026";
    }

    /** A horizontal interval whisker: a line from low to high with end caps. */
    Svg whisker(final double xLow, final double xHigh, final double y, final double capHeight)
    {
        line(xLow, y, xHigh, y, INK, 1.5);
        line(xLow, y - capHeight / 2, xLow, y + capHeight / 2, INK, 1.5);
        return line(xHigh, y - capHeight / 2, xHigh, y + capHeight / 2, INK, 1.5);
    }

    void close()
    {
        out.append("</svg>\n");
    }

    /** Coordinates with one decimal, always with a dot. */
    static String number(final double value)
    {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
