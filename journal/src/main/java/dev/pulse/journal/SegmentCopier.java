package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;

/**
 * Copies a segment's frames, each verified as it is read ({@link SegmentScanner}), byte for byte
 * into a new file that is forced and given the source's modification time (which retention and the
 * crash recovery's reader of the recent past go by). A bad frame stops the copy with a
 * {@link JournalCorruptionException} naming the source: a copy never carries damage silently.
 * Not thread-safe.
 */
final class SegmentCopier
{
    private final SegmentScanner scanner = new SegmentScanner();
    private final FrameBlockWriter writer = new FrameBlockWriter();
    private long records;
    private long lastTimestampMs;

    /**
     * Copies the frames of {@code source} (the file at {@code sourcePath}) in {@code [0, end)}, which
     * must be whole frames, to {@code target}, which must not exist yet; returns how many records.
     */
    long copy(final Path sourcePath, final FileChannel source, final long end, final Path target) throws IOException
    {
        final FileTime modified = Files.getLastModifiedTime(sourcePath);
        records = 0;
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
        {
            writer.start(channel);
            final long stopped = scanner.scan(source, 0, end, (buffer, offset, length, record) ->
            {
                writer.copy(buffer, offset, length);
                records++;
                if (record != null)
                {
                    lastTimestampMs = record.timestampMs();
                }
            });
            if (!scanner.endedCleanly())
            {
                throw new JournalCorruptionException(sourcePath, stopped, scanner.problem() + "; a backup copies only whole journals: " +
                    "repair the segment first (docs/reliability.md, \"Damage in an earlier segment\")");
            }
            writer.flush();
            channel.force(true);
        }
        finally
        {
            writer.finish();
        }
        Files.setLastModifiedTime(target, modified);
        return records;
    }

    /** The time of the last record of a known type copied so far (0: none yet). */
    long lastTimestampMs()
    {
        return lastTimestampMs;
    }
}
