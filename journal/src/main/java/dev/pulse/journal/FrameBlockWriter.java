package dev.pulse.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.agrona.DirectBuffer;

/**
 * Writes frames copied byte for byte (as {@link SegmentScanner} read and verified them) to a file in
 * blocks of a mebibyte: one write per block, not one per frame. Shared by the rewrites of a segment
 * ({@link SegmentCompactor}) and its copies ({@link SegmentCopier}). Not thread-safe.
 */
final class FrameBlockWriter
{
    private ByteBuffer out = ByteBuffer.allocateDirect(SegmentFrameReader.WINDOW_BYTES);
    private FileChannel target;

    /** Starts writing to {@code channel} from its current position, with an empty block. */
    void start(final FileChannel channel)
    {
        target = channel;
        out.clear();
    }

    /** Adds one frame to the block, writing the block first when the frame does not fit. */
    void copy(final DirectBuffer buffer, final int offset, final int length) throws IOException
    {
        if (out.remaining() < length)
        {
            flush();
            if (out.capacity() < length)
            {
                out = ByteBuffer.allocateDirect(length);
            }
        }
        buffer.getBytes(offset, out, out.position(), length);
        out.position(out.position() + length);
    }

    /** Writes what the block holds. */
    void flush() throws IOException
    {
        out.flip();
        while (out.hasRemaining())
        {
            target.write(out);
        }
        out.clear();
    }

    /** Lets the file go (the caller closes it). */
    void finish()
    {
        target = null;
    }
}
