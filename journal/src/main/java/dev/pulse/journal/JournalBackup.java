package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A copy of a journal that is being written, as it stood at one moment: {@link #mark} fixes the
 * backup point (the last segment, up to its last whole frame at that moment), {@link #copyTo} copies
 * every segment up to it, later. Every record in the copy was written before the mark, so whatever
 * the caller reads after the mark (the session map) already holds the changes those records
 * describe; records written after the mark are not in the copy.
 *
 * <p>Safe beside the live journal without any lock (readers take none): sealed segments are never
 * written in place (compaction renames a new file over one; retention deletes the oldest), and the
 * segment being written only grows past the point copied. A segment that retention deleted before
 * it was reached is left out only at the start (the copy then starts later, as the journal does); one
 * missing after the copy began is an error. The search-text key is copied too, so hashes made after
 * a restore compare with those in the copy.
 *
 * <p>Not thread-safe: one backup at a time uses it.
 */
public final class JournalBackup implements AutoCloseable
{
    private final Path dir;
    private final long lastIndex;
    private final FileChannel last;
    private final long lastEnd;

    private JournalBackup(final Path dir, final long lastIndex, final FileChannel last, final long lastEnd)
    {
        this.dir = dir;
        this.lastIndex = lastIndex;
        this.last = last;
        this.lastEnd = lastEnd;
    }

    /** Fixes the backup point now: the newest segment of {@code dir} up to its last whole frame (nothing if there is none). */
    public static JournalBackup mark(final Path dir) throws IOException
    {
        final long[] indexes = SegmentFiles.list(dir);
        if (indexes.length == 0)
        {
            return new JournalBackup(dir, -1, null, 0);
        }
        final long index = indexes[indexes.length - 1];
        final FileChannel channel = FileChannel.open(SegmentFiles.path(dir, index), StandardOpenOption.READ);
        try
        {
            // The tail past the last whole frame is a write still under way: the point stops before it.
            final long end = new SegmentScanner().scan(channel, 0, channel.size(), (buffer, offset, length, record) -> { });
            return new JournalBackup(dir, index, channel, end);
        }
        catch (final IOException | RuntimeException ex)
        {
            channel.close();
            throw ex;
        }
    }

    /** The index of the last segment in the copy, -1 when the journal had none. */
    public long lastSegmentIndex()
    {
        return lastIndex;
    }

    /** Bytes of the last segment in the copy: where its last whole frame ended at the mark. */
    public long lastSegmentBytes()
    {
        return lastEnd;
    }

    /**
     * Copies every segment up to the point into {@code target} (created; it must hold no segments),
     * each verified frame by frame and forced, and the search-text key.
     *
     * @throws JournalCorruptionException if a segment has a bad frame (the copy stops; the caller discards it).
     * @throws NoSuchFileException        if a segment disappeared after the copy had begun (retention caught up with it).
     */
    public Copied copyTo(final Path target) throws IOException
    {
        Files.createDirectories(target);
        final SegmentCopier copier = new SegmentCopier();
        int segments = 0;
        long bytes = 0;
        long records = 0;
        long previous = -1;
        for (final long index : SegmentFiles.list(dir))
        {
            if (index >= lastIndex)
            {
                break;
            }
            final Path source = SegmentFiles.path(dir, index);
            requireNext(previous, index);
            previous = index;
            try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ))
            {
                records += copier.copy(source, channel, channel.size(), SegmentFiles.path(target, index));
                bytes += channel.size();
                segments++;
            }
            catch (final NoSuchFileException ex)
            {
                if (segments > 0)
                {
                    throw new NoSuchFileException(source.toString(), null, "deleted by retention while the backup copied the journal; " +
                        "take the backup again");
                }
                // Retention deleted the oldest segments since the listing: the copy starts later, as the journal now does.
            }
        }
        if (last != null)
        {
            requireNext(previous, lastIndex);
            records += copier.copy(SegmentFiles.path(dir, lastIndex), last, lastEnd, SegmentFiles.path(target, lastIndex));
            bytes += lastEnd;
            segments++;
        }
        final Path key = dir.resolve(SearchHashKey.FILE_NAME);
        if (Files.exists(key))
        {
            final Path copy = target.resolve(SearchHashKey.FILE_NAME);
            Files.copy(key, copy, StandardCopyOption.COPY_ATTRIBUTES);
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE))
            {
                channel.force(true);
            }
        }
        SegmentFiles.forceDirectory(target);
        return new Copied(segments, bytes, records, copier.lastTimestampMs());
    }

    /** Segments follow each other without a gap once the copy has begun, as {@link JournalReader} requires. */
    private void requireNext(final long previous, final long index) throws JournalCorruptionException
    {
        if (previous >= 0 && index != previous + 1)
        {
            throw new JournalCorruptionException(SegmentFiles.path(dir, previous + 1), 0, "segment missing");
        }
    }

    @Override
    public void close() throws IOException
    {
        if (last != null)
        {
            last.close();
        }
    }

    /**
     * What {@link #copyTo} copied.
     *
     * @param segments          segment files.
     * @param bytes             their bytes.
     * @param records           their records.
     * @param lastRecordTimeMs  the wall time of the last record (0: none): the backup point, in the journal's time.
     */
    public record Copied(int segments, long bytes, long records, long lastRecordTimeMs)
    {
    }
}
