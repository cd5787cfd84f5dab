package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finds the SESSION_ERASED records of a journal, reading each byte once: the first pass reads every
 * segment, later passes go on from where the previous one stopped (in the segment being written, at
 * its last whole frame). {@link #sealedUpTo()} is the first segment not yet read to its end: every
 * segment below it was sealed when it was read whole, so its erasures are known and it may be
 * compacted (one at or above it may still change under the scan's position).
 *
 * <p>Not thread-safe: owned by the upkeep thread.
 */
final class ErasureScan
{
    private final Path dir;
    private final ErasedSessions erased;
    private final SegmentScanner scanner = new SegmentScanner();
    private final SegmentScanner.FrameVisitor collect;
    private long segment;
    private long position;

    ErasureScan(final Path dir, final ErasedSessions erased)
    {
        this.dir = dir;
        this.erased = erased;
        this.collect = (buffer, offset, length, record) ->
        {
            if (record != null && record.type() == JournalRecordType.SESSION_ERASED)
            {
                erased.add(record.sidHi(), record.sidLo());
            }
        };
    }

    /** Reads what was written since the last call; {@code activeSegment} is the one the journal thread writes. */
    void advance(final long activeSegment) throws IOException
    {
        for (final long index : SegmentFiles.list(dir))
        {
            if (index < segment)
            {
                continue;
            }
            if (index > segment)
            {
                // The segment before was read whole, or deleted by retention before it was.
                segment = index;
                position = 0;
            }
            try (FileChannel channel = FileChannel.open(SegmentFiles.path(dir, index), StandardOpenOption.READ))
            {
                position = scanner.scan(channel, position, channel.size(), collect);
            }
            catch (final NoSuchFileException ex)
            {
                // Deleted by retention since the listing: nothing left to read in it.
                continue;
            }
            if (index >= activeSegment)
            {
                return;
            }
            segment = index + 1;
            position = 0;
        }
    }

    /** Segments below this index were read whole after they were sealed. */
    long sealedUpTo()
    {
        return segment;
    }

    ErasedSessions erased()
    {
        return erased;
    }
}
