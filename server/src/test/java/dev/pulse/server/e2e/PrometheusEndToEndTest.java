package dev.pulse.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.BuildInfo;
import dev.pulse.server.metrics.DeployFiles;
import dev.pulse.server.metrics.MetricNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus (Debian's package) scrapes a running Pulse on its metrics listener every
 * second with the shipped alert rules loaded: Pulse's series, the JVM's and pulse_build_info
 * arrive; every name the rules and the dashboard use is among the series it stored; every
 * dashboard query is PromQL Prometheus accepts; every rule evaluates without error, and none fires
 * on a healthy server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class PrometheusEndToEndTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestServer pulse;
    private PrometheusProcess prometheus;
    private String exposition;

    @BeforeAll
    void startPulseAndPrometheus(@TempDir final Path dir) throws Exception
    {
        pulse = new TestServer(dir.resolve("pulse"), builder -> builder.metricsPort(0).metricsBind("127.0.0.1"));
        final String target = "127.0.0.1:" + pulse.server().metricsPort();
        exposition = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + target + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        prometheus = PrometheusProcess.start(dir.resolve("prometheus"), target, DeployFiles.RULES);
    }

    @AfterAll
    void stop() throws Exception
    {
        try
        {
            if (prometheus != null)
            {
                prometheus.close();
            }
        }
        finally
        {
            if (pulse != null)
            {
                pulse.close();
            }
        }
    }

    @Test
    void shouldStorePulsesSeriesTheJvmsAndTheBuildFromARealScrape() throws Exception
    {
        final Set<String> expected = DeployFiles.seriesNames(exposition);
        assertThat(expected).contains("pulse_connections_total", "pulse_event_to_question_seconds_bucket", "jvm_memory_used_bytes",
            "jvm_gc_collection_seconds_count", "jvm_buffer_pool_used_bytes", "jvm_threads_current", "process_cpu_seconds_total",
            "process_open_fds", "process_max_fds", "process_start_time_seconds", "pulse_build_info");

        final Set<String> stored = storedNames(expected);
        assertThat(stored).containsAll(expected);

        final JsonNode build = prometheus.query("pulse_build_info");
        assertThat(build).hasSize(1);
        final JsonNode labels = build.get(0).get("metric");
        assertThat(labels.get("job").asText()).isEqualTo("pulse");
        assertThat(labels.get("version").asText()).isEqualTo(BuildInfo.current().version());
        assertThat(labels.get("commit").asText()).isEqualTo(BuildInfo.current().commit());
        assertThat(build.get(0).get("value").get(1).asText()).isEqualTo("1");
        assertThat(prometheus.query("jvm_memory_used_bytes{area=\"heap\",job=\"pulse\"} > 0")).hasSize(1);
        assertThat(prometheus.query("process_open_fds{job=\"pulse\"} < process_max_fds{job=\"pulse\"}")).hasSize(1);
    }

    @Test
    void shouldUseOnlySeriesPulseExposesInTheRulesAndTheDashboard() throws Exception
    {
        final Set<String> used = new TreeSet<>();
        DeployFiles.ruleExpressions().forEach(expr -> used.addAll(MetricNames.inPromQl(expr)));
        DeployFiles.dashboardExpressions().forEach(expr -> used.addAll(MetricNames.inPromQl(expr)));
        assertThat(used).contains("up", "pulse_ready", "jvm_gc_collection_seconds_sum", "process_open_fds");

        final Set<String> stored = storedNames(DeployFiles.seriesNames(exposition));
        assertThat(new TreeSet<>(used)).as("names in pulse-rules.yml and pulse-dashboard.json that no scrape stored")
            .isSubsetOf(stored);
    }

    @Test
    void shouldAcceptEveryDashboardQuery() throws Exception
    {
        for (final String expr : DeployFiles.dashboardExpressions())
        {
            // Grafana's variables as Grafana fills them: every instance, a rate window of a few scrapes.
            final String query = expr.replace("$instance", ".*").replace("$__rate_interval", "5s");
            assertThat(prometheus.query(query)).as(query).isNotNull();
        }
    }

    @Test
    void shouldEvaluateEveryRuleWithoutErrorAndFireNoneOnAHealthyServer() throws Exception
    {
        final int ruleCount = DeployFiles.ruleExpressions().size();
        final JsonNode rules = prometheus.awaitApi("every rule evaluated", "rules", data ->
        {
            int evaluated = 0;
            for (final JsonNode group : data.get("groups"))
            {
                for (final JsonNode rule : group.get("rules"))
                {
                    evaluated += "ok".equals(rule.get("health").asText()) ? 1 : 0;
                }
            }
            return evaluated == ruleCount;
        });
        assertThat(rules.get("groups")).hasSize(1);
        assertThat(prometheus.api("alerts").get("alerts")).as("alerts pending or firing on a healthy server").isEmpty();
    }

    /** The metric names Prometheus stored, once it has stored at least {@code expected} (or the deadline passed). */
    private Set<String> storedNames(final Set<String> expected) throws Exception
    {
        final Set<String> stored = new HashSet<>();
        try
        {
            prometheus.awaitApi("every series of /metrics stored", "label/__name__/values", data ->
            {
                stored.clear();
                data.forEach(name -> stored.add(name.asText()));
                return stored.containsAll(expected);
            });
        }
        catch (final AssertionError ex)
        {
            // Not all arrived in time: the caller's assertion names the missing ones.
            return stored;
        }
        return stored;
    }
}
