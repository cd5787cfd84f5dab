package dev.pulse.server.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text format's pieces, the info metric, and where registered families go in {@code /metrics}. */
class MetricFamiliesTest
{
    @Test
    void shouldEscapeLabelValuesAndSpellValuesAsPrometheusDoes()
    {
        final StringBuilder out = new StringBuilder();
        PrometheusText.sample(out, "x", "pool", "CodeHeap 'a' \"b\" \\c\nd", 1.5);
        PrometheusText.sample(out, "y", Double.NaN);
        PrometheusText.sample(out, "y", Double.POSITIVE_INFINITY);
        PrometheusText.sample(out, "y", Double.NEGATIVE_INFINITY);
        PrometheusText.sample(out, "y", 12_345_678_901L);
        PrometheusText.sample(out, "y", -1);
        assertThat(out.toString()).isEqualTo("x{pool=\"CodeHeap 'a' \\\"b\\\" \\\\c\\nd\"} 1.5\n"
            + "y NaN\ny +Inf\ny -Inf\ny 12345678901\ny -1\n");
    }

    @Test
    void shouldWriteAnInfoMetricAsOneGaugeOfValueOne()
    {
        final StringBuilder out = new StringBuilder();
        new InfoMetric("pulse_build_info", "The build.", "version", "0.1.0", "commit", "ab\"c").write(out);
        assertThat(out.toString()).isEqualTo("# HELP pulse_build_info The build.\n# TYPE pulse_build_info gauge\n"
            + "pulse_build_info{version=\"0.1.0\",commit=\"ab\\\"c\"} 1\n");
    }

    @Test
    void shouldRefuseAnInfoMetricWithALabelWithoutValue()
    {
        assertThatThrownBy(() -> new InfoMetric("x_info", "x", "version", "1", "commit"))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("labels come in name, value pairs: 3 given");
        assertThatThrownBy(() -> new InfoMetric("x_info", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteRegisteredFamiliesAtEachScrapeAfterTheServersOwnSeries()
    {
        final Metrics metrics = new Metrics();
        final int[] scrapes = new int[1];
        metrics.gauge("pulse_first", "Registered first.", () -> 1);
        metrics.families(out -> out.append("# HELP z_second Registered second.\n# TYPE z_second gauge\nz_second ")
            .append(++scrapes[0]).append('\n'));
        final String text = metrics.prometheusText();
        assertThat(text.indexOf("pulse_first 1\n")).isGreaterThan(text.indexOf("pulse_catalog_reloads_total"));
        assertThat(text.indexOf("z_second 1\n")).isGreaterThan(text.indexOf("pulse_first 1\n"));
        assertThat(metrics.prometheusText()).contains("z_second 2\n");
    }

    @Test
    void shouldReadKilobytesFromProcStatus()
    {
        final String status = "Name:\tjava\nVmSize:\t 3061330 kB\nVmRSS:\t  204180 kB\nThreads:\t14\n";
        assertThat(ProcessMetrics.kilobytes(status, "VmRSS:")).isEqualTo(204_180);
        assertThat(ProcessMetrics.kilobytes(status, "VmSize:")).isEqualTo(3_061_330);
        assertThat(ProcessMetrics.kilobytes(status, "VmSwap:")).isEqualTo(-1);
        assertThat(ProcessMetrics.kilobytes(status, "Threads:")).as("not in kB").isEqualTo(-1);
        assertThat(ProcessMetrics.kilobytes("XVmRSS:\t1 kB\n", "VmRSS:")).as("only at a line's start").isEqualTo(-1);
    }
}
