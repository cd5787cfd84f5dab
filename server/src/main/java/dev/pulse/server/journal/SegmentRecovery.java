package dev.pulse.server.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up recovery: scans the last segment frame by frame and cuts it at the first frame that is
 * impossible or fails its CRC, which is where a crash tore the last write. Earlier segments were
 * complete when the writer rolled past them and are not touched. New records go after the valid
 * end.
 */
final class SegmentRecovery
{
    private static final Logger LOG = LoggerFactory.getLogger(SegmentRecovery.class);

    /** Where writing resumes: the last segment's index and the end of its last valid frame. */
    record Tail(long index, long validEnd)
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
            return new Tail(0, 0);
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
            if (length == SegmentFrameReader.INVALID)
            {
                final String problem = frames.problem();
                final boolean validFrameFollows = frames.validFrameFollows(channel, position, size);
                channel.truncate(position);
                channel.force(true);
                if (validFrameFollows)
                {
                    LOG.error("journal segment {}: {} at offset {} with valid frames after it (corruption, not a torn write): " +
                        "dropped {} bytes from there", path, problem, position, size - position);
                }
                else
                {
                    LOG.warn("journal segment {}: torn tail, {} at offset {}: dropped {} bytes", path, problem, position, size - position);
                }
            }
            return new Tail(index, position);
        }
    }
}
