package dev.pulse.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Segment files on the local file system through {@link FileChannel}: positional writes (no
 * append mode, so a retried batch lands where the failed one started), {@code force(false)}
 * (data, not metadata, like fdatasync). When a new segment file is created and the policy forces
 * at all, the directory is forced too, so the file's name survives a power cut with its data.
 */
final class FileSegmentStore implements SegmentStore
{
    private final Path dir;
    private final boolean forceDirectory;

    FileSegmentStore(final Path dir, final boolean forceDirectory)
    {
        this.dir = dir;
        this.forceDirectory = forceDirectory;
    }

    @Override
    public SegmentFile open(final long index) throws IOException
    {
        final Path path = SegmentFiles.path(dir, index);
        final boolean created = !Files.exists(path);
        final FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (created && forceDirectory)
        {
            SegmentFiles.forceDirectory(dir);
        }
        return new FileSegment(channel);
    }

    private static final class FileSegment implements SegmentFile
    {
        private final FileChannel channel;

        FileSegment(final FileChannel channel)
        {
            this.channel = channel;
        }

        @Override
        public void write(final ByteBuffer source, final long filePosition) throws IOException
        {
            long position = filePosition;
            while (source.hasRemaining())
            {
                position += channel.write(source, position);
            }
        }

        @Override
        public void force() throws IOException
        {
            channel.force(false);
        }

        @Override
        public void truncate(final long size) throws IOException
        {
            channel.truncate(size);
        }

        @Override
        public void close() throws IOException
        {
            channel.close();
        }
    }
}
