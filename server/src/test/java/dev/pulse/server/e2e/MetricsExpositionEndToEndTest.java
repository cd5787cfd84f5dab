package dev.pulse.server.e2e;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.BuildInfo;
import dev.pulse.server.tools.ExternalTool;
import dev.pulse.server.tools.ToolRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running server's {@code /metrics}: valid Prometheus text by {@code promtool check metrics}
 * (no lint finding either), each family declared once with its samples together, and beside
 * Pulse's own series the JVM's and the process's with true values and {@code pulse_build_info}.
 */
@Timeout(120)
class MetricsExpositionEndToEndTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldPassPromtoolCheckMetrics() throws Exception
    {
        final Path promtool = ExternalTool.require("prometheus", "/usr/bin/promtool");
        try (TestServer server = new TestServer(dir))
        {
            final ToolRun check = ToolRun.run(dir, scrape(server), 60, promtool.toString(), "check", "metrics");
            assertThat(check.exitStatus()).as(check.output()).isZero();
            assertThat(check.output()).as("promtool's findings").isEmpty();
        }
    }

    @Test
    void shouldDeclareEveryFamilyOnceWithItsSamplesTogether() throws Exception
    {
        try (TestServer server = new TestServer(dir))
        {
            final Map<String, Integer> declared = new HashMap<>();
            final List<String> misplaced = new ArrayList<>();
            String family = null;
            for (final String line : scrape(server).split("\n"))
            {
                if (line.startsWith("# TYPE "))
                {
                    family = line.split(" ")[2];
                    declared.merge(family, 1, Integer::sum);
                }
                else if (!line.isEmpty() && !line.startsWith("#") && !inFamily(sampleName(line), family))
                {
                    misplaced.add(line);
                }
            }
            assertThat(declared).as("families declared more than once").allSatisfy((name, count) -> assertThat(count).as(name).isOne());
            assertThat(misplaced).as("samples outside their family").isEmpty();
        }
    }

    @Test
    void shouldExposeTheJvmTheProcessAndTheBuildBesidePulsesSeries() throws Exception
    {
        try (TestServer server = new TestServer(dir))
        {
            final String text = scrape(server);
            final BuildInfo build = BuildInfo.current();
            assertThat(text).contains("\npulse_build_info{version=\"" + build.version() + "\",commit=\"" + build.commit() + "\"} 1\n")
                .contains("# TYPE pulse_build_info gauge\n")
                .contains("# TYPE jvm_gc_collection_seconds summary\n")
                .contains("# TYPE process_cpu_seconds_total counter\n")
                .contains("# TYPE jvm_threads_started_total counter\n")
                .contains("jvm_buffer_pool_used_bytes{pool=\"direct\"} ")
                .contains("# TYPE pulse_netty_direct_memory_bytes gauge\n")
                .contains("pulse_connections_total ");
            for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
            {
                assertThat(text).contains("jvm_gc_collection_seconds_count{gc=\"" + collector.getName() + "\"} ")
                    .contains("jvm_gc_collection_seconds_sum{gc=\"" + collector.getName() + "\"} ");
            }
            assertThat(value(text, "jvm_memory_used_bytes{area=\"heap\"}")).isPositive();
            assertThat(value(text, "jvm_memory_max_bytes{area=\"heap\"}")).isGreaterThanOrEqualTo(value(text, "jvm_memory_used_bytes{area=\"heap\"}"));
            assertThat(value(text, "jvm_threads_current")).isPositive().isLessThanOrEqualTo(value(text, "jvm_threads_peak"));
            assertThat(value(text, "process_open_fds")).isPositive().isLessThan(value(text, "process_max_fds"));
            assertThat(value(text, "process_resident_memory_bytes")).isPositive();
            assertThat(value(text, "process_start_time_seconds") * 1_000)
                .isCloseTo(ManagementFactory.getRuntimeMXBean().getStartTime(), Offset.offset(1.0));
            final double cpuSeconds = value(text, "process_cpu_seconds_total");
            assertThat(cpuSeconds).isPositive();
            assertThat(value(scrape(server), "process_cpu_seconds_total")).as("a counter: never less at the next scrape")
                .isGreaterThanOrEqualTo(cpuSeconds);
        }
    }

    private static String scrape(final TestServer server) throws Exception
    {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** A family's samples are named as it is, or with a histogram's or summary's suffix. */
    private static boolean inFamily(final String sample, final String family)
    {
        return family != null && (sample.equals(family) || sample.equals(family + "_bucket") || sample.equals(family + "_sum")
            || sample.equals(family + "_count"));
    }

    private static String sampleName(final String line)
    {
        final int end = line.indexOf(line.contains("{") ? '{' : ' ');
        return line.substring(0, end);
    }

    /** The value of the sample written exactly as {@code sample} (name and labels). */
    private static double value(final String text, final String sample)
    {
        for (final String line : text.split("\n"))
        {
            if (line.startsWith(sample + " "))
            {
                return Double.parseDouble(line.substring(sample.length() + 1));
            }
        }
        throw new AssertionError("no sample " + sample);
    }
}
