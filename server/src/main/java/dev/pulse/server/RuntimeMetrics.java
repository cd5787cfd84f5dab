package dev.pulse.server;

import java.util.function.BooleanSupplier;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;

import dev.pulse.server.metrics.InfoMetric;
import dev.pulse.server.metrics.JvmMemoryMetrics;
import dev.pulse.server.metrics.JvmRuntimeMetrics;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.metrics.ProcessMetrics;
import dev.pulse.server.session.SessionStore;

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

    /** The session map's and readiness series, then {@link #register}'s. */
    static void registerServer(final Metrics metrics, final SessionStore sessions, final BooleanSupplier ready)
    {
        metrics.gauge("pulse_sessions", "Sessions in the session map.", sessions::size);
        metrics.gauge("pulse_session_map_capacity", "Sessions the session map is sized for; beyond it new sessions are refused (1013).",
            sessions::capacity);
        metrics.gauge("pulse_session_map_fill_percent", "How full the session map is, in percent.",
            () -> sessions.capacity() == 0 ? 0 : sessions.size() * 100 / sessions.capacity());
        metrics.gauge("pulse_ready", "1 when the server is ready (accepting, and the journal can record).", () -> ready.getAsBoolean() ? 1 : 0);
        register(metrics);
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
