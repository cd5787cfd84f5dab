package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether the segment being written must be sealed so that compaction can reach an erased
 * session's records in it: it holds such a record and its first record is at least the erasure
 * delay old. Without this, a quiet journal would keep an erased session's records in its open
 * segment until the segment filled, which may take weeks.
 *
 * <p>Reads the segment once per set of erased sessions: while the set and the segment stay the
 * same, each check reads on from where the last one stopped. Not thread-safe: owned by the upkeep thread.
 */
final class ErasureSealCheck
{
    private final Path dir;
    private final long erasureDelayMs;
    private final SegmentScanner scanner = new SegmentScanner();
    private final SegmentScanner.FrameVisitor inspect;
    private ErasedSessions erased;
    private long segment = -1;
    private int erasedCount;
    private long position;
    private long firstRecordMs;
    private boolean holdsErased;

    ErasureSealCheck(final Path dir, final long erasureDelayMs)
    {
        this.dir = dir;
        this.erasureDelayMs = erasureDelayMs;
        this.inspect = (buffer, offset, length, record) ->
        {
            if (record != null)
            {
                firstRecordMs = Math.min(firstRecordMs, record.timestampMs());
                holdsErased |= erased.removes(record);
            }
        };
    }

    boolean shouldSeal(final long activeSegment, final ErasedSessions erased, final long nowMs) throws IOException
    {
        if (erased.size() == 0)
        {
            return false;
        }
        if (activeSegment != segment || erased.size() != erasedCount)
        {
            segment = activeSegment;
            erasedCount = erased.size();
            position = 0;
            firstRecordMs = Long.MAX_VALUE;
            holdsErased = false;
        }
        this.erased = erased;
        try (FileChannel channel = FileChannel.open(SegmentFiles.path(dir, activeSegment), StandardOpenOption.READ))
        {
            position = scanner.scan(channel, position, channel.size(), inspect);
        }
        catch (final NoSuchFileException ex)
        {
            return false;
        }
        return holdsErased && nowMs - firstRecordMs >= erasureDelayMs;
    }
}
