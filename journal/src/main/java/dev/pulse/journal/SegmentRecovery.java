package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up recovery of the last segment, the one a crash can leave damaged. It is scanned frame by
 * frame up to the first frame that is impossible or fails its CRC:
 * <ul>
 *   <li>no valid frame anywhere after it: a torn tail (a write cut short, or blocks of zeros or
 *   garbage a crash added). The segment is cut there and writing resumes at that offset;</li>
 *   <li>a valid frame after it: damage in the middle of the data. The segment is quarantined
 *   ({@link SegmentQuarantine}: a copy moved aside with the reason, the segment cut to its valid
 *   frames) and writing starts a fresh segment, so nothing after the damage is read as a record.</li>
 * </ul>
 * Earlier segments were complete when the writer rolled past them and are not read here; a reader
 * that meets damage in one reports it ({@link JournalCorruptionException}).
 */
final class SegmentRecovery
{
    private static final Logger LOG = LoggerFactory.getLogger(SegmentRecovery.class);

    /**
     * Where writing resumes (segment and offset), and what recovery did: bytes of a torn tail cut, and
     * the quarantined copy of a segment damaged mid-file (null if none).
     */
    record Tail(long index, long validEnd, long tornBytesCut, Path quarantined)
    {
    }

    private SegmentRecovery()
    {
    }

    static Tail recover(final Path dir) throws IOException
    {
        final long[] indexes = SegmentFiles.list(dir);
        if (indexes.length == 0)
        {
            return new Tail(0, 0, 0, null);
        }
        final long index = indexes[indexes.length - 1];
        final Path path = SegmentFiles.path(dir, index);
        final SegmentFrameReader frames = new SegmentFrameReader();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final long size = channel.size();
            long position = 0;
            int length;
            while ((length = frames.read(channel, position, size)) > 0)
            {
                position += length;
            }
            if (length != SegmentFrameReader.INVALID)
            {
                return new Tail(index, position, 0, null);
            }
            final String problem = frames.problem();
            final long nextValid = frames.nextValidFrame(channel, position, size);
            if (nextValid >= 0)
            {
                final Path copy = SegmentQuarantine.quarantine(dir, index, channel, position, nextValid, problem);
                LOG.error("JOURNAL DAMAGED: segment {} has {} at offset {} and valid frames after it (from offset {}): " +
                    "not a torn write. Its {} bytes are kept in {}, the segment is cut to its {} valid bytes, and the journal " +
                    "continues in a new segment. Records after offset {} of that segment are not in reports; see the reason file.",
                    path, problem, position, nextValid, size, copy, position, position);
                return new Tail(index + 1, 0, 0, copy);
            }
            channel.truncate(position);
            channel.force(true);
            LOG.warn("journal segment {}: torn tail, {} at offset {}: dropped {} bytes", path, problem, position, size - position);
            return new Tail(index, position, size - position, null);
        }
    }
}
