package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes sealed segments past the retention, oldest first, and counts them. By age: a segment goes
 * when both its file's modification time and its newest record are older than the age limit (the
 * record times are read only for a segment the file time already puts past it; a copied journal with
 * fresh file times is kept longer, never deleted early). By size: while all segments together exceed
 * the limit, the oldest sealed one goes. Never the segment being written, and never one out of order,
 * so the segments left are still numbered without a gap.
 *
 * <p>Under {@link RetentionMode#COMPACT} a segment past the age or the size is not deleted but
 * rewritten to the report's records ({@link ReportRecords}, by {@link SegmentCompactor}'s crash-safe
 * rewrite), once: a compacted segment is remembered and not read again (after a restart the first
 * pass reads each once more, finds nothing to remove and leaves it as it is). The size limit still
 * holds: while the segments left, compacted ones included, exceed it, the oldest sealed one is deleted.
 *
 * <p>Not thread-safe: owned by the upkeep thread.
 */
final class SegmentRetention
{
    private static final Logger LOG = LoggerFactory.getLogger(SegmentRetention.class);

    private final Path dir;
    private final JournalUpkeepConfiguration configuration;
    private final SegmentCompactor compactor;
    private final SegmentScanner scanner = new SegmentScanner();
    /** Segments compacted by retention (or found to hold only the report's records) since the start. */
    private final Set<Long> compacted = new HashSet<>();
    private long newestMs;
    private volatile long deletedSegments;
    private volatile long deletedBytes;
    private volatile long compactedSegments;
    private volatile long compactedBytes;

    /** @param compactor the upkeep's, used under {@link RetentionMode#COMPACT} (the same thread runs both). */
    SegmentRetention(final Path dir, final JournalUpkeepConfiguration configuration, final SegmentCompactor compactor)
    {
        this.dir = dir;
        this.configuration = configuration;
        this.compactor = compactor;
    }

    /** Deletes what is past the retention at {@code nowMs}; {@code activeSegment} is the one being written. Returns segments deleted. */
    int apply(final long nowMs, final long activeSegment) throws IOException
    {
        final long[] indexes = SegmentFiles.list(dir);
        long totalBytes = 0;
        for (final long index : indexes)
        {
            totalBytes += sizeOf(index);
        }
        final long cutoffMs = nowMs - configuration.retentionAgeMs();
        final boolean compact = configuration.retentionMode() == RetentionMode.COMPACT;
        if (compact)
        {
            totalBytes = compactPast(indexes, cutoffMs, activeSegment, totalBytes);
        }
        int deleted = 0;
        for (final long index : indexes)
        {
            if (index >= activeSegment)
            {
                break;
            }
            final boolean overSize = configuration.retentionBytes() > 0 && totalBytes > configuration.retentionBytes();
            if (!overSize && (compact || !olderThan(index, cutoffMs)))
            {
                break;
            }
            final long bytes = sizeOf(index);
            Files.deleteIfExists(SegmentFiles.path(dir, index));
            SegmentFiles.forceDirectory(dir);
            totalBytes -= bytes;
            deleted++;
            // Written by this thread only; volatile for the metrics scrape.
            deletedSegments = deletedSegments + 1;
            deletedBytes = deletedBytes + bytes;
            LOG.info("journal retention: deleted segment {} ({} bytes, {})", index, bytes, overSize ? "over journal_retention_bytes" :
                "older than journal_retention");
        }
        return deleted;
    }

    /** Compacts the sealed segments past the age or the size, oldest first; returns the total size after. */
    private long compactPast(final long[] indexes, final long cutoffMs, final long activeSegment, final long totalBytesBefore)
        throws IOException
    {
        long totalBytes = totalBytesBefore;
        if (indexes.length > 0)
        {
            compacted.removeIf(index -> index < indexes[0]);
        }
        for (final long index : indexes)
        {
            if (index >= activeSegment)
            {
                break;
            }
            if (compacted.contains(index))
            {
                continue;
            }
            final boolean overSize = configuration.retentionBytes() > 0 && totalBytes > configuration.retentionBytes();
            if (!overSize && !olderThan(index, cutoffMs))
            {
                break;
            }
            final long bytes = sizeOf(index);
            try
            {
                if (compactor.compact(index, ReportRecords.FILTER) > 0)
                {
                    final long freed = bytes - sizeOf(index);
                    totalBytes -= freed;
                    compactedSegments = compactedSegments + 1;
                    compactedBytes = compactedBytes + freed;
                    LOG.info("journal retention: compacted segment {} to the report's records ({} bytes freed, {})", index, freed,
                        overSize ? "over journal_retention_bytes" : "older than journal_retention");
                }
            }
            catch (final JournalCorruptionException ex)
            {
                // Left as it is for an operator, and not read again every pass; the size limit may still delete it.
                LOG.error("journal retention skipped a damaged segment", ex);
            }
            compacted.add(index);
        }
        return totalBytes;
    }

    long compactedSegments()
    {
        return compactedSegments;
    }

    long compactedBytes()
    {
        return compactedBytes;
    }

    long deletedSegments()
    {
        return deletedSegments;
    }

    long deletedBytes()
    {
        return deletedBytes;
    }

    private boolean olderThan(final long index, final long cutoffMs) throws IOException
    {
        final Path path = SegmentFiles.path(dir, index);
        if (Files.getLastModifiedTime(path).toMillis() >= cutoffMs)
        {
            return false;
        }
        newestMs = Long.MIN_VALUE;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            scanner.scan(channel, 0, channel.size(), (buffer, offset, length, record) ->
            {
                if (record != null)
                {
                    newestMs = Math.max(newestMs, record.timestampMs());
                }
            });
        }
        return newestMs < cutoffMs;
    }

    private long sizeOf(final long index) throws IOException
    {
        try
        {
            return Files.size(SegmentFiles.path(dir, index));
        }
        catch (final NoSuchFileException ex)
        {
            return 0;
        }
    }
}
