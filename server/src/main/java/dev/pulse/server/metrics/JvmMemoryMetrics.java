package dev.pulse.server.metrics;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.function.ToLongFunction;

import static dev.pulse.server.metrics.PrometheusText.header;
import static dev.pulse.server.metrics.PrometheusText.sample;

/**
 * The JVM's memory, read from its MXBeans at each scrape: heap and non-heap (used, committed,
 * max), each memory pool, and the buffer pools ({@code direct} is what {@code ByteBuffer}s
 * allocated directly hold, {@code mapped} what mapped files do). Names and labels are the
 * Prometheus Java client's ({@code jvm_memory_*}, {@code jvm_buffer_pool_*}), so JVM dashboards
 * made for it read these too.
 */
public final class JvmMemoryMetrics implements MetricFamilies
{
    // The pools are fixed for the JVM's life: looked up once, not at each scrape.
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> memoryPools = ManagementFactory.getMemoryPoolMXBeans();
    private final List<BufferPoolMXBean> bufferPools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);

    @Override
    public void write(final StringBuilder out)
    {
        final MemoryUsage heap = memory.getHeapMemoryUsage();
        final MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        area(out, "jvm_memory_used_bytes", "Memory used, by area (heap, nonheap).", heap.getUsed(), nonHeap.getUsed());
        area(out, "jvm_memory_committed_bytes", "Memory committed (held from the system), by area.",
            heap.getCommitted(), nonHeap.getCommitted());
        area(out, "jvm_memory_max_bytes", "Most memory the area may use (-1: no limit), by area.", heap.getMax(), nonHeap.getMax());
        pool(out, "jvm_memory_pool_used_bytes", "Memory used, by memory pool.", MemoryUsage::getUsed);
        pool(out, "jvm_memory_pool_committed_bytes", "Memory committed, by memory pool.", MemoryUsage::getCommitted);
        pool(out, "jvm_memory_pool_max_bytes", "Most memory the pool may use (-1: no limit), by memory pool.", MemoryUsage::getMax);
        header(out, "jvm_buffer_pool_used_bytes", "Bytes used by buffers, by buffer pool (direct, mapped).", "gauge");
        for (final BufferPoolMXBean pool : bufferPools)
        {
            sample(out, "jvm_buffer_pool_used_bytes", "pool", pool.getName(), pool.getMemoryUsed());
        }
        header(out, "jvm_buffer_pool_capacity_bytes", "Total capacity of the buffers, by buffer pool.", "gauge");
        for (final BufferPoolMXBean pool : bufferPools)
        {
            sample(out, "jvm_buffer_pool_capacity_bytes", "pool", pool.getName(), pool.getTotalCapacity());
        }
        header(out, "jvm_buffer_pool_used_buffers", "Buffers, by buffer pool.", "gauge");
        for (final BufferPoolMXBean pool : bufferPools)
        {
            sample(out, "jvm_buffer_pool_used_buffers", "pool", pool.getName(), pool.getCount());
        }
    }

    private static void area(final StringBuilder out, final String name, final String help, final long heap, final long nonHeap)
    {
        header(out, name, help, "gauge");
        sample(out, name, "area", "heap", heap);
        sample(out, name, "area", "nonheap", nonHeap);
    }

    private void pool(final StringBuilder out, final String name, final String help, final ToLongFunction<MemoryUsage> figure)
    {
        header(out, name, help, "gauge");
        for (final MemoryPoolMXBean pool : memoryPools)
        {
            // A pool the JVM has retired answers null: left out rather than written as zero.
            final MemoryUsage usage = pool.isValid() ? pool.getUsage() : null;
            if (usage != null)
            {
                sample(out, name, "pool", pool.getName(), figure.applyAsLong(usage));
            }
        }
    }
}
