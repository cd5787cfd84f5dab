package dev.pulse.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import static dev.pulse.journal.JournalRecordFlyweight.BYTE_ORDER;

/**
 * The staging area between the ring buffer and a segment file: {@link #fill} drains records from
 * the ring, frames each one ({@link JournalFrameDescriptor}: length, type, CRC32C) into one reused
 * direct buffer, and stops before a frame that would not fit the buffer or the segment's room. The
 * writer then hands the whole batch to the file in one write.
 *
 * <p>A batch stays here until it is written: if the write fails, the same bytes are written again
 * later, and meanwhile no more records leave the ring (they wait there, or producers find it full).
 *
 * <p>Owned by the journal thread.
 */
final class JournalBatch implements ControlledMessageHandler
{
    private final ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer;
    private final CRC32C crc = new CRC32C();
    private int length;
    private long endPosition;
    private long segmentRoom;
    private boolean segmentEmpty;
    private boolean rollNeeded;
    private boolean holdsErasure;

    /** @param capacity at least the longest frame: the ring's longest message plus the frame overhead. */
    JournalBatch(final int capacity)
    {
        byteBuffer = BufferUtil.allocateDirectAligned(capacity, 64);
        buffer = new UnsafeBuffer(byteBuffer);
    }

    /**
     * Drains up to {@code limit} records into the (empty) batch, given the room left in the current
     * segment. Returns the records taken. Sets {@link #rollNeeded()} when the next record needs a
     * fresh segment.
     */
    int fill(final RingBuffer ring, final long segmentRoom, final boolean segmentEmpty, final int limit)
    {
        this.segmentRoom = segmentRoom;
        this.segmentEmpty = segmentEmpty;
        final int records = ring.controlledRead(this, limit);
        // Everything before the consumer position is now in this batch (or was padding).
        endPosition = ring.consumerPosition();
        return records;
    }

    @Override
    public Action onMessage(final int msgTypeId, final MutableDirectBuffer source, final int index, final int payloadLength)
    {
        final int frameLength = JournalFrameDescriptor.frameLength(payloadLength);
        if (length + frameLength > byteBuffer.capacity())
        {
            return Action.ABORT;
        }
        // A frame longer than a whole segment still goes in, alone, at the start of a fresh one.
        if (length + frameLength > segmentRoom && !(segmentEmpty && length == 0))
        {
            rollNeeded = length == 0;
            return Action.ABORT;
        }
        final int frame = length;
        buffer.putInt(frame + JournalFrameDescriptor.LENGTH_OFFSET, frameLength, BYTE_ORDER);
        buffer.putShort(frame + JournalFrameDescriptor.TYPE_OFFSET, (short)msgTypeId, BYTE_ORDER);
        buffer.putShort(frame + JournalFrameDescriptor.RESERVED_OFFSET, (short)0, BYTE_ORDER);
        buffer.putBytes(frame + JournalFrameDescriptor.PAYLOAD_OFFSET, source, index, payloadLength);
        final int crcOffset = frame + JournalFrameDescriptor.crcOffset(frameLength);
        // CRC32C over a direct ByteBuffer reads memory in place: no copy, no allocation.
        byteBuffer.limit(crcOffset).position(frame + JournalFrameDescriptor.TYPE_OFFSET);
        crc.reset();
        crc.update(byteBuffer);
        byteBuffer.clear();
        buffer.putInt(crcOffset, (int)crc.getValue(), BYTE_ORDER);
        length += frameLength;
        holdsErasure |= msgTypeId == JournalRecordType.SESSION_ERASED.code();
        return Action.CONTINUE;
    }

    /** The batch's bytes, ready for one write; call again before each retry. */
    ByteBuffer prepareWrite()
    {
        byteBuffer.limit(length).position(0);
        return byteBuffer;
    }

    void clear()
    {
        length = 0;
        holdsErasure = false;
        byteBuffer.clear();
    }

    boolean isEmpty()
    {
        return length == 0;
    }

    int length()
    {
        return length;
    }

    /** The ring position up to which records are in this batch. */
    long endPosition()
    {
        return endPosition;
    }

    /** Whether a SESSION_ERASED record is in the batch: once written, the upkeep is told. */
    boolean holdsErasure()
    {
        return holdsErasure;
    }

    boolean rollNeeded()
    {
        return rollNeeded;
    }

    void rolled()
    {
        rollNeeded = false;
    }
}
