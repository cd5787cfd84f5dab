package dev.pulse.server.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricNamesTest
{
    @Test
    void shouldFindTheMetricsAnExpressionReadsAndNothingElse()
    {
        assertThat(MetricNames.inPromQl(
            "sum by (instance, job, reason) (rate(pulse_connections_refused_total{reason!~\"a|b\"}[5m]))\n"
                + "  / on (instance, job) group_left () (sum by (instance, job) (rate(pulse_connections_total[5m]))) > 0.05"))
            .containsExactly("pulse_connections_refused_total", "pulse_connections_total");
        assertThat(MetricNames.inPromQl("histogram_quantile(0.99, sum by (le) (rate(x_bucket{instance=~\"$instance\"}[$__rate_interval])))"))
            .containsExactly("x_bucket");
        assertThat(MetricNames.inPromQl("time() - process_start_time_seconds offset 5m or up == bool 1e-9"))
            .containsExactly("process_start_time_seconds", "up");
        assertThat(MetricNames.inPromQl("a / b unless c and d")).containsExactly("a", "b", "c", "d");
    }
}
