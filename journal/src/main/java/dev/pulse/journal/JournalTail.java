package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.DirectBuffer;

/**
 * Follows a live journal from a position, the way a log shipper follows a file: each call of
 * {@link #poll} returns the next whole, CRC-checked record if one is written, or false at the live
 * tail (call again later). A reader of the journal on its own thread, beside the writer: it shares
 * only the segment files, never the ring.
 *
 * <ul>
 *   <li>A segment is finished once the next one exists (the writer creates segment N + 1 only after
 *   its last write to N), so at the end of what it has read the tail reads the segment's size, and only
 *   if it did not grow looks for the next segment and then reads the size once more: a frame that is
 *   not whole yet at the end of the segment being written is waited for, and a bad frame in a
 *   finished segment is damage ({@link JournalCorruptionException}).</li>
 *   <li>Segments deleted before the tail reached them (a retention without a {@link SegmentHold})
 *   are skipped and counted in {@link #skippedSegments()}: the tail starts at the oldest one left.</li>
 *   <li>Records of a type this version does not know are passed over, as {@link JournalReader} does.</li>
 * </ul>
 * {@link #recordSegment()} and {@link #recordOffset()} name the record just returned (its id on this
 * node); {@link #position()} is where the tail stands, the place to resume from once that record is
 * safely elsewhere. Not thread-safe.
 */
public final class JournalTail implements AutoCloseable
{
    private final Path dir;
    private final SegmentFrameReader frames = new SegmentFrameReader();
    private long segment;
    private long offset;
    private FileChannel channel;
    /** The segment after the open one: once it exists, the open one is finished. */
    private Path nextSegment;
    /** The segment's size when last looked at; frames are read up to it. */
    private long size;
    private long recordSegment = -1;
    private long recordOffset = -1;
    private int frameLength;
    private long skippedSegments;

    private JournalTail(final Path dir, final TailPosition from)
    {
        this.dir = dir;
        this.segment = from.segment();
        this.offset = from.offset();
    }

    /** A tail of the journal in {@code dir} that returns the records from {@code from} on. */
    public static JournalTail open(final Path dir, final TailPosition from)
    {
        return new JournalTail(dir, from);
    }

    /**
     * Points {@code into} at the next record and returns true, or returns false when every record
     * written so far has been returned. The record stays valid until the next call.
     *
     * @throws JournalCorruptionException on a bad frame in a finished segment, or a position past a segment's end.
     */
    public boolean poll(final JournalRecordFlyweight into) throws IOException
    {
        while (true)
        {
            if (channel == null && !openSegment())
            {
                return false;
            }
            // Read against the size last seen: the file is looked at again only at its end, not once per record.
            final int length = frames.read(channel, offset, size);
            if (length > 0)
            {
                recordSegment = segment;
                recordOffset = offset;
                frameLength = length;
                offset += length;
                final JournalRecordType type = JournalRecordType.fromCode(frames.type());
                if (type == null)
                {
                    continue;
                }
                into.wrap(frames.buffer(), frames.frameOffset() + JournalFrameDescriptor.PAYLOAD_OFFSET,
                    length - JournalFrameDescriptor.OVERHEAD, type);
                return true;
            }
            // Grown since last seen: read on, without looking for the next segment (a file's size is one fstat on its channel).
            if (grew())
            {
                continue;
            }
            // In this order: a next segment seen before the size is read again means the size is final.
            if (!Files.exists(nextSegment))
            {
                return false;
            }
            if (grew())
            {
                continue;
            }
            if (length == SegmentFrameReader.INVALID)
            {
                throw new JournalCorruptionException(SegmentFiles.path(dir, segment), offset, frames.problem());
            }
            closeSegment();
            segment++;
            offset = 0;
        }
    }

    /** The segment of the record {@link #poll} returned last. */
    public long recordSegment()
    {
        return recordSegment;
    }

    /** The byte offset, in its segment, of the record {@link #poll} returned last. */
    public long recordOffset()
    {
        return recordOffset;
    }

    /** The whole frame of the record returned last, as on disk (length, type, payload, CRC32C): see {@link JournalFrameDescriptor}. */
    public DirectBuffer frameBuffer()
    {
        return frames.buffer();
    }

    /** Where that frame starts in {@link #frameBuffer()}. */
    public int frameOffset()
    {
        return frames.frameOffset();
    }

    /** That frame's length in bytes. */
    public int frameLength()
    {
        return frameLength;
    }

    /** Where the tail stands: just after the last record returned (or skipped), where a new tail would resume. */
    public TailPosition position()
    {
        return new TailPosition(segment, offset);
    }

    /** Segments deleted before the tail could read them. */
    public long skippedSegments()
    {
        return skippedSegments;
    }

    @Override
    public void close() throws IOException
    {
        closeSegment();
    }

    /** Reads the segment's size again; true if it grew since last seen. */
    private boolean grew() throws IOException
    {
        final long newSize = channel.size();
        if (offset > newSize)
        {
            throw new JournalCorruptionException(SegmentFiles.path(dir, segment), offset,
                "the tail's position is past the segment's end (" + newSize + " bytes): the segment was cut or rewritten under it");
        }
        if (newSize > size)
        {
            size = newSize;
            return true;
        }
        return false;
    }

    /** Opens the tail's segment, or the oldest one after it if it is gone; false if there is none yet. */
    private boolean openSegment() throws IOException
    {
        try
        {
            channel = FileChannel.open(SegmentFiles.path(dir, segment), StandardOpenOption.READ);
            nextSegment = SegmentFiles.path(dir, segment + 1);
            size = 0;
            return true;
        }
        catch (final NoSuchFileException ex)
        {
            for (final long index : SegmentFiles.list(dir))
            {
                if (index > segment)
                {
                    skippedSegments += index - segment;
                    segment = index;
                    offset = 0;
                    return openSegment();
                }
            }
            return false;
        }
    }

    private void closeSegment() throws IOException
    {
        if (channel != null)
        {
            channel.close();
            channel = null;
        }
    }
}
