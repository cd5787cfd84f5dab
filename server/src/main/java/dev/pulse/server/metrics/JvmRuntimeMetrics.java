package dev.pulse.server.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import static dev.pulse.server.metrics.PrometheusText.header;
import static dev.pulse.server.metrics.PrometheusText.label;
import static dev.pulse.server.metrics.PrometheusText.sample;
import static dev.pulse.server.metrics.PrometheusText.value;

/**
 * The JVM's collectors, threads and version, read from its MXBeans at each scrape, with the
 * Prometheus Java client's names: {@code jvm_gc_collection_seconds} (a summary per collector:
 * {@code _count} collections, {@code _sum} seconds spent; for G1, Parallel and Serial each young and
 * old collection is a pause), {@code jvm_threads_*} and {@code jvm_runtime_info}.
 *
 * <p>Thread states and deadlock detection are left out on purpose: the JVM answers them by
 * walking every thread at a safepoint, a pause of the event loops at each scrape.
 */
public final class JvmRuntimeMetrics implements MetricFamilies
{
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final String runtimeVersion = System.getProperty("java.runtime.version", "unknown");
    private final String vmVendor = System.getProperty("java.vm.vendor", "unknown");
    private final String runtimeName = System.getProperty("java.runtime.name", "unknown");

    @Override
    public void write(final StringBuilder out)
    {
        header(out, "jvm_gc_collection_seconds", "Time spent in garbage collections and how many, by collector.", "summary");
        for (final GarbageCollectorMXBean collector : collectors)
        {
            // -1 where the collector does not say: left out rather than written as a count that goes backwards.
            final long count = collector.getCollectionCount();
            final long timeMs = collector.getCollectionTime();
            if (count >= 0 && timeMs >= 0)
            {
                sample(out, "jvm_gc_collection_seconds_count", "gc", collector.getName(), count);
                sample(out, "jvm_gc_collection_seconds_sum", "gc", collector.getName(), timeMs / 1e3);
            }
        }
        header(out, "jvm_threads_current", "Live threads, daemon or not.", "gauge");
        sample(out, "jvm_threads_current", threads.getThreadCount());
        header(out, "jvm_threads_daemon", "Live daemon threads.", "gauge");
        sample(out, "jvm_threads_daemon", threads.getDaemonThreadCount());
        header(out, "jvm_threads_peak", "Most live threads at once since the JVM started.", "gauge");
        sample(out, "jvm_threads_peak", threads.getPeakThreadCount());
        header(out, "jvm_threads_started_total", "Threads started since the JVM started.", "counter");
        sample(out, "jvm_threads_started_total", threads.getTotalStartedThreadCount());
        header(out, "jvm_runtime_info", "The Java runtime: version, vendor and name.", "gauge");
        out.append("jvm_runtime_info{");
        label(out, "version", runtimeVersion).append(',');
        label(out, "vendor", vmVendor).append(',');
        label(out, "runtime", runtimeName).append("} ");
        value(out, 1).append('\n');
    }
}
