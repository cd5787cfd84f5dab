package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
 * <p>Not thread-safe: owned by the upkeep thread.
 */
final class SegmentRetention
{
    private static final Logger LOG = LoggerFactory.getLogger(SegmentRetention.class);

    private final Path dir;
    private final JournalUpkeepConfiguration configuration;
    private final SegmentScanner scanner = new SegmentScanner();
    private long newestMs;
    private volatile long deletedSegments;
    private volatile long deletedBytes;

    SegmentRetention(final Path dir, final JournalUpkeepConfiguration configuration)
    {
        this.dir = dir;
        this.configuration = configuration;
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
        int deleted = 0;
        for (final long index : indexes)
        {
            if (index >= activeSegment)
            {
                break;
            }
            final boolean overSize = configuration.retentionBytes() > 0 && totalBytes > configuration.retentionBytes();
            if (!overSize && !olderThan(index, cutoffMs))
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
