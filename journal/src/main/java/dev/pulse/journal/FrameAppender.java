package dev.pulse.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes whole frames, as they are, into the segment files of a new journal directory: segment 0,
 * then the next once one holds {@code segmentBytes}. What it writes reads back with
 * {@link JournalReader} (and so with the report and the replay) record for record. For copies a
 * reader makes (the cluster report's journals rebuilt from Kafka, test fixtures), never for the
 * server's journal: no ring, no fsync (the copy is thrown away after use). Give it only frames
 * {@link ShippedFrame} found valid. Not thread-safe.
 */
public final class FrameAppender implements AutoCloseable
{
    private final Path dir;
    private final long segmentBytes;
    private final ByteBuffer pending = ByteBuffer.allocate(1 << 20);
    private FileChannel channel;
    private long segment = -1;
    private long segmentWritten;
    private long frames;

    /** @param dir created if absent; it must hold no segment yet. */
    public FrameAppender(final Path dir, final long segmentBytes) throws IOException
    {
        Files.createDirectories(dir);
        if (SegmentFiles.list(dir).length > 0)
        {
            throw new IOException(dir + " already holds a journal");
        }
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    /** Appends the frame {@code frame[offset, offset + length)}. */
    public void append(final byte[] frame, final int offset, final int length) throws IOException
    {
        if (channel == null || segmentWritten >= segmentBytes)
        {
            nextSegment();
        }
        if (length > pending.remaining())
        {
            flush();
        }
        if (length > pending.capacity())
        {
            write(ByteBuffer.wrap(frame, offset, length));
        }
        else
        {
            pending.put(frame, offset, length);
        }
        segmentWritten += length;
        frames++;
    }

    /** Frames appended so far. */
    public long frames()
    {
        return frames;
    }

    @Override
    public void close() throws IOException
    {
        if (channel != null)
        {
            flush();
            channel.close();
            channel = null;
        }
    }

    private void nextSegment() throws IOException
    {
        close();
        segment++;
        channel = FileChannel.open(SegmentFiles.path(dir, segment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segmentWritten = 0;
    }

    private void flush() throws IOException
    {
        pending.flip();
        write(pending);
        pending.clear();
    }

    private void write(final ByteBuffer bytes) throws IOException
    {
        while (bytes.hasRemaining())
        {
            channel.write(bytes);
        }
    }
}
