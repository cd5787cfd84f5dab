package dev.pulse.server.metrics;

/**
 * The pieces of the Prometheus text format 0.0.4 that every family is written from: the HELP and
 * TYPE lines, a sample with one or two labels, a label value escaped, a floating-point value as
 * Prometheus spells it ({@code +Inf}, {@code -Inf}, {@code NaN}).
 */
public final class PrometheusText
{
    private PrometheusText()
    {
    }

    public static void header(final StringBuilder out, final String name, final String help, final String type)
    {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** {@code name{label="value"} sample}. */
    public static void sample(final StringBuilder out, final String name, final String label, final String value, final double sample)
    {
        out.append(name).append('{');
        label(out, label, value);
        value(out.append("} "), sample).append('\n');
    }

    /** {@code name sample}. */
    public static void sample(final StringBuilder out, final String name, final double sample)
    {
        value(out.append(name).append(' '), sample).append('\n');
    }

    /** {@code label="value"}, the value escaped as the format asks (backslash, double quote, line feed). */
    static StringBuilder label(final StringBuilder out, final String label, final String value)
    {
        out.append(label).append("=\"");
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"');
    }

    /** A whole number as digits, anything else as Java writes a double, and the three special values as Prometheus does. */
    static StringBuilder value(final StringBuilder out, final double value)
    {
        if (Double.isNaN(value))
        {
            return out.append("NaN");
        }
        if (Double.isInfinite(value))
        {
            return out.append(value > 0 ? "+Inf" : "-Inf");
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return out.append((long)value);
        }
        return out.append(value);
    }
}
