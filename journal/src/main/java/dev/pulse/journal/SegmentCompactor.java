package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;

import org.agrona.DirectBuffer;

/**
 * Rewrites one sealed segment without the records a {@link RecordFilter} removes: those of erased
 * sessions ({@link ErasedSessions#removes}), or under {@link RetentionMode#COMPACT} all but the
 * report's ({@link ReportRecords}).
 * The frames that stay are copied byte for byte as read and verified, so the rewrite keeps the frame
 * format of {@link JournalFrameDescriptor} and every CRC32C without framing anything anew.
 *
 * <p>Crash-safe: the rewrite goes to {@link SegmentFiles#compactingPath}, is forced, and is renamed
 * over the segment atomically, then the directory is forced. A crash before the rename leaves the old
 * segment whole (and a temporary file that the next {@link Journal#open} deletes, the next pass redoing
 * the rewrite); after it, the new one. The rewrite keeps the old file's modification time, which
 * readers of the recent past ({@link JournalReader#openWrittenSince}) and retention go by.
 *
 * <p>Only a sealed segment may be given: the journal thread never writes one again. Not thread-safe:
 * owned by the upkeep thread.
 */
final class SegmentCompactor
{
    private final Path dir;
    private final CompactionProbe probe;
    private final SegmentScanner scanner = new SegmentScanner();
    private final FrameBlockWriter writer = new FrameBlockWriter();
    private boolean partlyWritten;
    private long removed;

    SegmentCompactor(final Path dir, final CompactionProbe probe)
    {
        this.dir = dir;
        this.probe = probe;
    }

    /**
     * Rewrites segment {@code index} if it holds records {@code filter} removes; returns how many were
     * removed (0: the segment was left untouched, so a second call with the same filter changes nothing).
     *
     * @throws JournalCorruptionException if the segment has a bad frame: it is left as it is, for an
     *         operator to look at, rather than rewritten without what follows the damage.
     */
    long compact(final long index, final RecordFilter filter) throws IOException
    {
        final Path segment = SegmentFiles.path(dir, index);
        try (FileChannel source = FileChannel.open(segment, StandardOpenOption.READ))
        {
            final long size = source.size();
            removed = 0;
            final long end = scanner.scan(source, 0, size, (buffer, offset, length, record) ->
            {
                if (filter.removes(record))
                {
                    removed++;
                }
            });
            if (!scanner.endedCleanly())
            {
                throw new JournalCorruptionException(segment, end, scanner.problem() + "; the segment is not compacted");
            }
            if (removed > 0)
            {
                rewrite(segment, index, source, size, filter);
            }
            return removed;
        }
    }

    private void rewrite(final Path segment, final long index, final FileChannel source, final long size, final RecordFilter filter)
        throws IOException
    {
        final Path temp = SegmentFiles.compactingPath(dir, index);
        final FileTime modified = Files.getLastModifiedTime(segment);
        try
        {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE))
            {
                writer.start(channel);
                partlyWritten = false;
                scanner.scan(source, 0, size, (buffer, offset, length, record) ->
                {
                    if (!filter.removes(record))
                    {
                        copy(buffer, offset, length);
                    }
                });
                writer.flush();
                probe.at(CompactionProbe.Step.TEMP_WRITTEN);
                // Metadata too: the file is new, and its length must survive with its data.
                channel.force(true);
                probe.at(CompactionProbe.Step.TEMP_FORCED);
            }
            finally
            {
                writer.finish();
            }
            Files.setLastModifiedTime(temp, modified);
            Files.move(temp, segment, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException | RuntimeException ex)
        {
            Files.deleteIfExists(temp);
            throw ex;
        }
        probe.at(CompactionProbe.Step.RENAMED);
        SegmentFiles.forceDirectory(dir);
        probe.at(CompactionProbe.Step.DONE);
    }

    /** Appends a frame to the output block; the first frame kept is written alone, so a crash can find the file partly written. */
    private void copy(final DirectBuffer buffer, final int offset, final int length) throws IOException
    {
        writer.copy(buffer, offset, length);
        if (!partlyWritten)
        {
            writer.flush();
            partlyWritten = true;
            probe.at(CompactionProbe.Step.TEMP_PARTLY_WRITTEN);
        }
    }
}
