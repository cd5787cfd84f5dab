package dev.pulse.server.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.management.UnixOperatingSystemMXBean;

import static dev.pulse.server.metrics.PrometheusText.header;
import static dev.pulse.server.metrics.PrometheusText.sample;

/**
 * The process as the operating system sees it, with the Prometheus client's standard names:
 * CPU time, start time, open and most file descriptors, and on Linux resident and virtual memory
 * (from {@code /proc/self/status}: the resident size includes the session map's mapped pages,
 * which no JVM figure counts). A figure this platform does not give is left out.
 */
public final class ProcessMetrics implements MetricFamilies
{
    private static final Path STATUS = Path.of("/proc/self/status");

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final double startTimeSeconds = ManagementFactory.getRuntimeMXBean().getStartTime() / 1e3;

    @Override
    public void write(final StringBuilder out)
    {
        if (os instanceof com.sun.management.OperatingSystemMXBean process && process.getProcessCpuTime() >= 0)
        {
            header(out, "process_cpu_seconds_total", "CPU time the process used, user and system, in seconds.", "counter");
            sample(out, "process_cpu_seconds_total", process.getProcessCpuTime() / 1e9);
        }
        header(out, "process_start_time_seconds", "When the process started, in seconds since the Unix epoch.", "gauge");
        sample(out, "process_start_time_seconds", startTimeSeconds);
        if (os instanceof UnixOperatingSystemMXBean unix)
        {
            header(out, "process_open_fds", "File descriptors open: sockets, journal segments, the session map.", "gauge");
            sample(out, "process_open_fds", unix.getOpenFileDescriptorCount());
            header(out, "process_max_fds", "Most file descriptors the process may open (its LimitNOFILE).", "gauge");
            sample(out, "process_max_fds", unix.getMaxFileDescriptorCount());
        }
        memory(out);
    }

    private static void memory(final StringBuilder out)
    {
        final String status;
        try
        {
            status = Files.isReadable(STATUS) ? Files.readString(STATUS, StandardCharsets.US_ASCII) : "";
        }
        catch (final IOException ex)
        {
            return;
        }
        final long residentKb = kilobytes(status, "VmRSS:");
        final long virtualKb = kilobytes(status, "VmSize:");
        if (residentKb >= 0)
        {
            header(out, "process_resident_memory_bytes", "Resident memory: heap, direct buffers and mapped files in RAM.", "gauge");
            sample(out, "process_resident_memory_bytes", residentKb * 1024);
        }
        if (virtualKb >= 0)
        {
            header(out, "process_virtual_memory_bytes", "Virtual memory size.", "gauge");
            sample(out, "process_virtual_memory_bytes", virtualKb * 1024);
        }
    }

    /** The value of a {@code Field:   123 kB} line of /proc/self/status, or -1. */
    static long kilobytes(final String status, final String field)
    {
        final int at = status.indexOf(field);
        if (at < 0 || (at > 0 && status.charAt(at - 1) != '\n'))
        {
            return -1;
        }
        final int end = status.indexOf('\n', at);
        final String[] words = status.substring(at + field.length(), end < 0 ? status.length() : end).trim().split("\\s+");
        try
        {
            return words.length == 2 && "kB".equals(words[1]) ? Long.parseLong(words[0]) : -1;
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }
}
