package dev.pulse.server;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;

import dev.pulse.server.metrics.InfoMetric;
import dev.pulse.server.metrics.JvmMemoryMetrics;
import dev.pulse.server.metrics.JvmRuntimeMetrics;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.metrics.ProcessMetrics;

/**
 * What {@code /metrics} says about the process beside Pulse's own series: the JVM (memory, buffer
 * pools, collectors, threads), the process (CPU, file descriptors, resident memory), Netty's
 * buffer allocator and the build ({@code pulse_build_info}). All of it is read at scrape time.
 */
final class RuntimeMetrics
{
    private RuntimeMetrics()
    {
    }

    static void register(final Metrics metrics)
    {
        metrics.families(new JvmMemoryMetrics());
        metrics.families(new JvmRuntimeMetrics());
        metrics.families(new ProcessMetrics());
        // Netty frees its direct buffers itself, without the JDK's cleaner, so they are not in
        // jvm_buffer_pool_used_bytes{pool="direct"}: this is where the sockets' buffers show.
        if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider)
        {
            final ByteBufAllocatorMetric allocator = provider.metric();
            metrics.gauge("pulse_netty_direct_memory_bytes",
                "Direct memory held by Netty's buffer allocator (connections' reads and writes, pooled chunks included).",
                allocator::usedDirectMemory);
        }
        final BuildInfo build = BuildInfo.current();
        metrics.families(new InfoMetric("pulse_build_info", "The build serving: its version and git commit; always 1.",
            "version", build.version(), "commit", build.commit()));
    }
}
