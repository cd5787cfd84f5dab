package dev.pulse.server.journal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import static dev.pulse.server.journal.JournalRecordFlyweight.BYTE_ORDER;

/**
 * Reads one frame at a time from a segment file and verifies it: a possible length (at least a
 * record header, at most {@link JournalFrameDescriptor#MAX_FRAME_LENGTH}, within the file) and a
 * matching CRC32C. Shared by start-up recovery and {@link JournalReader}, so both agree on what a
 * valid frame is. The frame stays in {@link #buffer()} until the next read.
 */
final class SegmentFrameReader
{
    /** {@link #read} found the end of the file exactly at a frame boundary. */
    static final int END = 0;
    /** {@link #read} found no valid frame at the position: see {@link #problem()}. */
    static final int INVALID = -1;

    private ByteBuffer byteBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final UnsafeBuffer buffer = new UnsafeBuffer(byteBuffer);
    private final CRC32C crc = new CRC32C();
    private String problem;
    private int declaredLength;

    /** Returns the valid frame's length, {@link #END}, or {@link #INVALID}. */
    int read(final FileChannel channel, final long position, final long fileSize) throws IOException
    {
        declaredLength = -1;
        final long remaining = fileSize - position;
        if (remaining <= 0)
        {
            return END;
        }
        if (remaining < JournalFrameDescriptor.HEADER_LENGTH)
        {
            problem = "a partial frame header of " + remaining + " bytes";
            return INVALID;
        }
        readFully(channel, position, JournalFrameDescriptor.HEADER_LENGTH);
        final int length = buffer.getInt(JournalFrameDescriptor.LENGTH_OFFSET, BYTE_ORDER);
        if (length < JournalFrameDescriptor.MIN_FRAME_LENGTH || length > JournalFrameDescriptor.MAX_FRAME_LENGTH)
        {
            problem = "an impossible frame length " + length;
            return INVALID;
        }
        declaredLength = length;
        if (length > remaining)
        {
            problem = "a frame of " + length + " bytes with only " + remaining + " left in the file";
            return INVALID;
        }
        readFully(channel, position, length);
        final int crcOffset = JournalFrameDescriptor.crcOffset(length);
        byteBuffer.limit(crcOffset).position(JournalFrameDescriptor.TYPE_OFFSET);
        crc.reset();
        crc.update(byteBuffer);
        byteBuffer.clear();
        if ((int)crc.getValue() != buffer.getInt(crcOffset, BYTE_ORDER))
        {
            problem = "a CRC mismatch in a frame of " + length + " bytes";
            return INVALID;
        }
        return length;
    }

    /**
     * After an {@link #INVALID} read at {@code position}: whether a valid frame starts where the bad
     * one says it ends. Then the bad frame is corruption in the middle of the data, not a torn tail.
     */
    boolean validFrameFollows(final FileChannel channel, final long position, final long fileSize) throws IOException
    {
        final int length = declaredLength;
        return length > 0 && position + length < fileSize && read(channel, position + length, fileSize) > 0;
    }

    /** The frame just read: length, type, payload, CRC (see {@link JournalFrameDescriptor}). */
    DirectBuffer buffer()
    {
        return buffer;
    }

    int type()
    {
        return buffer.getShort(JournalFrameDescriptor.TYPE_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    /** Why the last read was {@link #INVALID}. */
    String problem()
    {
        return problem;
    }

    private void readFully(final FileChannel channel, final long position, final int length) throws IOException
    {
        if (byteBuffer.capacity() < length)
        {
            byteBuffer = ByteBuffer.allocateDirect(Integer.highestOneBit(length - 1) << 1);
            buffer.wrap(byteBuffer);
        }
        byteBuffer.clear().limit(length);
        while (byteBuffer.hasRemaining())
        {
            if (channel.read(byteBuffer, position + byteBuffer.position()) < 0)
            {
                throw new EOFException("segment ended while reading a frame at " + position);
            }
        }
        byteBuffer.clear();
    }
}
