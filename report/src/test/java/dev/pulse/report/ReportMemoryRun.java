package dev.pulse.report;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The report of one journal in a JVM of its own, for {@link ReportMemoryTest} and
 * {@code scripts/report-memory.sh}: reads it as the server's route and {@code pulse report} do and
 * prints one line of figures: records and MiB read per second, and the heap that stayed in use
 * after the collections during the pass (the report's state plus what the collector had not yet
 * freed; a pass that needed more than its heap ends with OutOfMemoryError instead).
 *
 * <p>Arguments: journal directory, --from, --to, and the number of records the journal holds.
 */
public final class ReportMemoryRun
{
    /** The line's first word, which the test looks for. */
    static final String PREFIX = "report-memory:";

    private ReportMemoryRun()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path journalDir = Path.of(args[0]);
        final long records = Long.parseLong(args[3]);
        final AtomicLong peakLiveBytes = watchCollections();
        final long startNs = System.nanoTime();
        final Report report = JournalReportReader.read(journalDir, ReportRange.parse(args[1], args[2]), System.currentTimeMillis());
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        final double mib = bytes(journalDir) / (double)(1 << 20);
        System.out.printf("%s records=%d mib=%.0f seconds=%.2f records_per_s=%.0f mib_per_s=%.1f peak_heap_after_gc_mib=%.1f "
                + "max_heap_mib=%d range_records=%d sessions=%d windows_still_open=%d headline_units=%d%n",
            PREFIX, records, mib, seconds, records / seconds, mib / seconds, peakLiveBytes.get() / (double)(1 << 20),
            Runtime.getRuntime().maxMemory() >> 20, report.totals().records(), report.totals().sessions(),
            report.observation().windowsOpen(), report.headline().lift().shown().trials() + report.headline().lift().holdout().trials());
    }

    private static long bytes(final Path dir) throws IOException
    {
        long total = 0;
        try (Stream<Path> files = Files.list(dir))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                total += Files.size(file);
            }
        }
        return total;
    }

    /** The most heap in use just after any collection during the pass (the heap's pools summed). */
    private static AtomicLong watchCollections()
    {
        final AtomicLong peak = new AtomicLong();
        final Set<String> heapPools = new HashSet<>();
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
        {
            if (pool.getType() == MemoryType.HEAP)
            {
                heapPools.add(pool.getName());
            }
        }
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            ((NotificationEmitter)collector).addNotificationListener((notification, handback) ->
            {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType()))
                {
                    final GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData)notification.getUserData());
                    long used = 0;
                    for (final Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet())
                    {
                        used += heapPools.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
                    }
                    peak.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        return peak;
    }
}
