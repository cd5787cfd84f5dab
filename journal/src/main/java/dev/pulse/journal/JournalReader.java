package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads every record of a journal directory, segment by segment in index order, verifying each
 * frame. It never returns a garbage record:
 * <ul>
 *   <li>a bad frame at the tail of the last segment (a torn write, or one still being written by a
 *   live journal) ends the reading: {@link #next} returns false;</li>
 *   <li>a bad frame anywhere else, a bad frame in the last segment followed by a valid one, or a
 *   missing segment in the sequence throws {@link JournalCorruptionException}.</li>
 * </ul>
 * Records of a type this version does not know are skipped. Oldest segments that retention deletes
 * between the listing and their reading are skipped too (the journal simply starts later). Segments are read in blocks of a
 * mebibyte ({@link SegmentFrameReader#WINDOW_BYTES}), not a call per frame. Not thread-safe.
 */
public final class JournalReader implements AutoCloseable
{
    private final Path dir;
    private final long[] indexes;
    private final SegmentFrameReader frames = new SegmentFrameReader();
    private int segment = -1;
    private FileChannel channel;
    private long position;
    private long size;
    private boolean ended;
    /** A segment was opened: one missing after that is a gap, not retention at work. */
    private boolean opened;

    private JournalReader(final Path dir, final long[] indexes)
    {
        this.dir = dir;
        this.indexes = indexes;
    }

    public static JournalReader open(final Path dir) throws IOException
    {
        final long[] indexes = SegmentFiles.list(dir);
        for (int i = 1; i < indexes.length; i++)
        {
            if (indexes[i] != indexes[i - 1] + 1)
            {
                throw new JournalCorruptionException(SegmentFiles.path(dir, indexes[i - 1] + 1), 0, "segment missing");
            }
        }
        return new JournalReader(dir, indexes);
    }

    /**
     * A reader of only the newest segments: from the first one last written at or after
     * {@code sinceMs} (file modification time) on. Segments are written in order, so every record
     * written since then is in them. Crash recovery reads just the recent past with it.
     */
    public static JournalReader openWrittenSince(final Path dir, final long sinceMs) throws IOException
    {
        final long[] all = open(dir).indexes;
        int first = all.length;
        while (first > 0 && writtenAtOrAfter(SegmentFiles.path(dir, all[first - 1]), sinceMs))
        {
            first--;
        }
        return new JournalReader(dir, java.util.Arrays.copyOfRange(all, first, all.length));
    }

    /** A segment retention deleted since the listing is older than every one it kept: it ends the newest run. */
    private static boolean writtenAtOrAfter(final Path segment, final long sinceMs) throws IOException
    {
        try
        {
            return java.nio.file.Files.getLastModifiedTime(segment).toMillis() >= sinceMs;
        }
        catch (final NoSuchFileException deleted)
        {
            return false;
        }
    }

    /** Points {@code into} at the next record (valid until the next call); false at the end. */
    public boolean next(final JournalRecordFlyweight into) throws IOException
    {
        while (!ended)
        {
            if (channel == null && !openNextSegment())
            {
                ended = true;
                break;
            }
            final long frameStart = position;
            final int length = frames.read(channel, frameStart, size);
            if (length == SegmentFrameReader.END)
            {
                closeSegment();
                continue;
            }
            if (length == SegmentFrameReader.INVALID)
            {
                onInvalidFrame(frameStart);
                break;
            }
            position += length;
            final JournalRecordType type = JournalRecordType.fromCode(frames.type());
            if (type == null)
            {
                continue;
            }
            final int payloadLength = length - JournalFrameDescriptor.OVERHEAD;
            into.wrap(frames.buffer(), frames.frameOffset() + JournalFrameDescriptor.PAYLOAD_OFFSET, payloadLength, type);
            return true;
        }
        return false;
    }

    /** Calls that read a segment file so far: about one per mebibyte of a sequential pass. */
    long fileReads()
    {
        return frames.fileReads();
    }

    @Override
    public void close() throws IOException
    {
        ended = true;
        closeSegment();
    }

    private void onInvalidFrame(final long frameStart) throws IOException
    {
        final Path path = SegmentFiles.path(dir, indexes[segment]);
        final String problem = frames.problem();
        final boolean lastSegment = segment == indexes.length - 1;
        if (!lastSegment || frames.nextValidFrame(channel, frameStart, size) >= 0)
        {
            close();
            throw new JournalCorruptionException(path, frameStart, problem + ". To read past it, keep a copy of the segment and cut it " +
                "there (truncate -s " + frameStart + " " + path + "; with the server stopped if this is its last segment): " +
                "its records from that offset on are then left out");
        }
        close();
    }

    private boolean openNextSegment() throws IOException
    {
        if (segment + 1 >= indexes.length)
        {
            return false;
        }
        segment++;
        try
        {
            channel = FileChannel.open(SegmentFiles.path(dir, indexes[segment]), StandardOpenOption.READ);
        }
        catch (final NoSuchFileException ex)
        {
            if (opened)
            {
                throw ex;
            }
            // Retention deleted the oldest segments since the listing: the journal now starts later.
            return openNextSegment();
        }
        opened = true;
        position = 0;
        size = channel.size();
        return true;
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
