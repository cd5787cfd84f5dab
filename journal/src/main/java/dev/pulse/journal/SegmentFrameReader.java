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
 * valid frame is. The frame stays in {@link #buffer()} at {@link #frameOffset()} until the next read.
 *
 * <p>Frames are served from a window of {@link #WINDOW_BYTES} read from the file in one call: a
 * sequential pass makes one read per mebibyte, not two per frame (a report reads millions of
 * frames). A frame that runs past the window refills it from the frame's start; one longer than the
 * window grows it. The window caches only bytes below the file size given to {@link #read}, which
 * the writer never rewrites (it appends; recovery cuts only after its scan), so a cached byte is the
 * byte on disk.
 */
final class SegmentFrameReader
{
    /** {@link #read} found the end of the file exactly at a frame boundary. */
    static final int END = 0;
    /** {@link #read} found no valid frame at the position: see {@link #problem()}. */
    static final int INVALID = -1;
    /** Bytes read from the file per call: a pass over a 64 MiB segment is 64 calls. */
    static final int WINDOW_BYTES = 1 << 20;
    private static final int SCAN_WINDOW = 1 << 20;

    private ByteBuffer window;
    private final UnsafeBuffer buffer;
    private final CRC32C crc = new CRC32C();
    /** The file the window holds bytes of (null: none), and where they start. */
    private FileChannel windowChannel;
    private long windowStart;
    private int windowLength;
    private int frameOffset;
    private long fileReads;
    private String problem;

    SegmentFrameReader()
    {
        this(WINDOW_BYTES);
    }

    /** With a window of another size: tests make frames straddle and outgrow a small one. */
    SegmentFrameReader(final int windowBytes)
    {
        window = ByteBuffer.allocateDirect(windowBytes);
        buffer = new UnsafeBuffer(window);
    }

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
        frameOffset = ensure(channel, position, JournalFrameDescriptor.HEADER_LENGTH, fileSize);
        final int length = buffer.getInt(frameOffset + JournalFrameDescriptor.LENGTH_OFFSET, BYTE_ORDER);
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
        frameOffset = ensure(channel, position, length, fileSize);
        final int crcOffset = frameOffset + JournalFrameDescriptor.crcOffset(length);
        window.limit(crcOffset).position(frameOffset + JournalFrameDescriptor.TYPE_OFFSET);
        crc.reset();
        crc.update(window);
        window.clear();
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

    /** The window holding the frame just read: length, type, payload, CRC (see {@link JournalFrameDescriptor}) from {@link #frameOffset()}. */
    DirectBuffer buffer()
    {
        return buffer;
    }

    /** Where the frame just read starts in {@link #buffer()}. */
    int frameOffset()
    {
        return frameOffset;
    }

    int type()
    {
        return buffer.getShort(frameOffset + JournalFrameDescriptor.TYPE_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    /** Why the last read was {@link #INVALID}. */
    String problem()
    {
        return problem;
    }

    /** Calls that read the file so far (tests check that a pass reads in large blocks). */
    long fileReads()
    {
        return fileReads;
    }

    /**
     * Makes {@code [position, position + length)} of the file sit in the window, refilling it from
     * {@code position} when it does not (as much of the file as fits, at least {@code length});
     * returns the offset of {@code position} in the window.
     */
    private int ensure(final FileChannel channel, final long position, final int length, final long fileSize) throws IOException
    {
        if (channel == windowChannel && position >= windowStart && position + length <= windowStart + windowLength)
        {
            return (int)(position - windowStart);
        }
        if (window.capacity() < length)
        {
            window = ByteBuffer.allocateDirect(Integer.highestOneBit(length - 1) << 1);
            buffer.wrap(window);
        }
        windowChannel = null;
        final int wanted = (int)Math.min(window.capacity(), fileSize - position);
        window.clear().limit(wanted);
        while (window.position() < length)
        {
            fileReads++;
            if (channel.read(window, position + window.position()) < 0)
            {
                throw new EOFException("segment ended while reading a frame at " + position);
            }
        }
        windowChannel = channel;
        windowStart = position;
        windowLength = window.position();
        window.clear();
        return 0;
    }
}
