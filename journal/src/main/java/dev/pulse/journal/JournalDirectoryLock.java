package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per journal directory: an exclusive lock on {@code <dir>/journal.lock}, held while the
 * journal is open. Two servers started on the same data directory would otherwise interleave
 * frames in one segment and corrupt it. Readers take no lock.
 */
final class JournalDirectoryLock implements AutoCloseable
{
    static final String FILE_NAME = "journal.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private JournalDirectoryLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    static JournalDirectoryLock acquire(final Path dir) throws IOException
    {
        final FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try
        {
            final FileLock lock = channel.tryLock();
            if (lock == null)
            {
                throw new IOException("journal directory " + dir + " is in use by another process");
            }
            return new JournalDirectoryLock(channel, lock);
        }
        catch (final OverlappingFileLockException ex)
        {
            channel.close();
            throw new IOException("journal directory " + dir + " is already open in this process", ex);
        }
        catch (final IOException | RuntimeException ex)
        {
            channel.close();
            throw ex;
        }
    }

    @Override
    public void close() throws IOException
    {
        try
        {
            lock.release();
        }
        finally
        {
            channel.close();
        }
    }
}
