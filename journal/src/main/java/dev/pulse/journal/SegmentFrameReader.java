package dev.pulse.journal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import static dev.pulse.journal.JournalRecordFlyweight.BYTE_ORDER;

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
    private static final int SCAN_WINDOW = 1 << 20;

    private ByteBuffer byteBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final UnsafeBuffer buffer = new UnsafeBuffer(byteBuffer);
    private final CRC32C crc = new CRC32C();
    private String problem;

    /** Returns the valid frame's length, {@link #END}, or {@link #INVALID}. */
    int read(final FileChannel channel, final long position, final long fileSize) throws IOException
    {
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
     * After an {@link #INVALID} read at {@code position}: where the first valid frame after it starts,
     * or -1 if none does. Every byte offset is tried, not only where the bad frame says it ends (its
     * length may be the damaged part). A valid frame after a bad one means damage in the middle of the
     * data; none means a torn (or padded) tail. Slow but rare: it runs only once a bad frame is found.
     */
    long nextValidFrame(final FileChannel channel, final long position, final long fileSize) throws IOException
    {
        final String problemFound = problem;
        try
        {
            return scan(channel, position + 1, fileSize);
        }
        finally
        {
            problem = problemFound;
        }
    }

    private long scan(final FileChannel channel, final long from, final long fileSize) throws IOException
    {
        final ByteBuffer window = ByteBuffer.allocate(SCAN_WINDOW).order(BYTE_ORDER);
        long base = from;
        while (fileSize - base >= JournalFrameDescriptor.MIN_FRAME_LENGTH)
        {
            window.clear().limit((int)Math.min(SCAN_WINDOW, fileSize - base));
            while (window.hasRemaining())
            {
                if (channel.read(window, base + window.position()) < 0)
                {
                    throw new EOFException("segment ended while scanning at " + (base + window.position()));
                }
            }
            final int lastHeader = window.limit() - JournalFrameDescriptor.HEADER_LENGTH;
            for (int i = 0; i <= lastHeader; i++)
            {
                if (plausibleHeader(window, i, fileSize - base - i) && read(channel, base + i, fileSize) > 0)
                {
                    return base + i;
                }
            }
            base += lastHeader + 1;
        }
        return -1;
    }

    /** A length this reader accepts and a zero reserved field, as the writer always leaves it: worth a CRC check. */
    private static boolean plausibleHeader(final ByteBuffer window, final int at, final long remaining)
    {
        final int length = window.getInt(at + JournalFrameDescriptor.LENGTH_OFFSET);
        return window.getShort(at + JournalFrameDescriptor.RESERVED_OFFSET) == 0 &&
            length >= JournalFrameDescriptor.MIN_FRAME_LENGTH && length <= JournalFrameDescriptor.MAX_FRAME_LENGTH && length <= remaining;
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
