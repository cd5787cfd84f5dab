package dev.pulse.server.metrics;

import static dev.pulse.server.metrics.PrometheusText.header;
import static dev.pulse.server.metrics.PrometheusText.label;

/**
 * A gauge that is always 1 and says what it says in its labels, such as
 * {@code pulse_build_info{version="0.1.0",commit="0123456789ab"} 1}: joined onto other series
 * ({@code * on (instance) group_left (version)}) it tells which build served them. The line is
 * made once; a scrape copies it.
 */
public final class InfoMetric implements MetricFamilies
{
    private final String text;

    /** @param labels label names and values, alternately. */
    public InfoMetric(final String name, final String help, final String... labels)
    {
        if (labels.length == 0 || labels.length % 2 != 0)
        {
            throw new IllegalArgumentException("labels come in name, value pairs: " + labels.length + " given");
        }
        final StringBuilder out = new StringBuilder(128);
        header(out, name, help, "gauge");
        out.append(name).append('{');
        for (int i = 0; i < labels.length; i += 2)
        {
            label(i == 0 ? out : out.append(','), labels[i], labels[i + 1]);
        }
        this.text = out.append("} 1\n").toString();
    }

    @Override
    public void write(final StringBuilder out)
    {
        out.append(text);
    }
}
