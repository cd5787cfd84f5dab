package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;

import org.agrona.DirectBuffer;

/**
 * Visits the valid frames of one segment file in order, with each record wrapped: the one loop the
 * journal's upkeep (erasure scan, compaction, retention) reads segments with. It stops at the end of
 * the file or at the first frame that fails {@link SegmentFrameReader}'s checks; {@link #endedCleanly()}
 * says which. In the segment being written a partial last frame is normal; in a sealed one it is
 * damage, and the upkeep leaves such a segment as it is.
 *
 * <p>Not thread-safe: owned by the upkeep thread.
 */
final class SegmentScanner
{
    /** What is done with each frame. {@code record} is null for a record type this version does not know. */
    interface FrameVisitor
    {
        void onFrame(DirectBuffer buffer, int frameOffset, int frameLength, JournalRecordFlyweight record) throws IOException;
    }

    private final SegmentFrameReader frames = new SegmentFrameReader();
    private final JournalRecordFlyweight record = new JournalRecordFlyweight();
    private boolean endedCleanly;

    /** Visits the frames from {@code from} (a frame boundary) up to {@code size}; returns where it stopped. */
    long scan(final FileChannel channel, final long from, final long size, final FrameVisitor visitor) throws IOException
    {
        long position = from;
        int length;
        while ((length = frames.read(channel, position, size)) > 0)
        {
            final JournalRecordType type = JournalRecordType.fromCode(frames.type());
            final int offset = frames.frameOffset();
            final JournalRecordFlyweight wrapped = type == null ? null :
                record.wrap(frames.buffer(), offset + JournalFrameDescriptor.PAYLOAD_OFFSET, length - JournalFrameDescriptor.OVERHEAD, type);
            visitor.onFrame(frames.buffer(), offset, length, wrapped);
            position += length;
        }
        endedCleanly = length == SegmentFrameReader.END;
        return position;
    }

    /** Whether the last {@link #scan} reached the end of the file at a frame boundary (else: a bad or partial frame). */
    boolean endedCleanly()
    {
        return endedCleanly;
    }

    /** Why the last {@link #scan} stopped early. */
    String problem()
    {
        return frames.problem();
    }
}
