package dev.pulse.server.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The server's data directory, held exclusively: a second server on the same directory refuses
 * to start. It remembers whether the last stop was clean (a marker written on graceful shutdown
 * and removed at start), because a session map left by a killed process may hold a segment lock
 * and must be recovered before use.
 *
 * <pre>
 *   pulse.lock        held with an OS file lock while the server runs (holds the pid)
 *   clean-shutdown    present only between a graceful stop and the next start
 *   sessions.dat      the session map (Chronicle Map)
 *   journal/          the journal segments
 *   catalogs/         every catalog version that served, by version hash (CatalogArchive)
 *   backups/          backups taken while serving (dev.pulse.server.backup)
 * </pre>
 */
public final class DataDirectory implements AutoCloseable
{
    private static final String LOCK_FILE = "pulse.lock";
    private static final String CLEAN_MARKER = "clean-shutdown";
    /** Present while {@code pulse backup restore} copies a backup in: a directory holding it is refused. */
    public static final String RESTORE_INCOMPLETE = "restore-incomplete";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean lastStopWasClean;

    private DataDirectory(final Path dir, final FileChannel lockChannel, final FileLock lock, final boolean lastStopWasClean)
    {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.lastStopWasClean = lastStopWasClean;
    }

    /**
     * Creates the directory if needed and takes its lock.
     *
     * @throws SessionStoreException if another server holds it, or a restore into it did not finish.
     */
    public static DataDirectory open(final Path dir) throws IOException
    {
        if (Files.exists(dir.resolve(RESTORE_INCOMPLETE)))
        {
            throw new SessionStoreException("the data directory " + dir.toAbsolutePath() + " holds a restore that did not finish (" +
                RESTORE_INCOMPLETE + "): delete the directory and run pulse backup restore again");
        }
        Files.createDirectories(dir);
        final Path lockFile = dir.resolve(LOCK_FILE);
        final FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        final FileLock lock;
        try
        {
            lock = channel.tryLock();
        }
        catch (final OverlappingFileLockException ex)
        {
            channel.close();
            throw new SessionStoreException("the data directory " + dir.toAbsolutePath() + " is already in use by this process");
        }
        if (lock == null)
        {
            final String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).trim();
            channel.close();
            throw new SessionStoreException("the data directory " + dir.toAbsolutePath() + " is in use by another Pulse server" +
                (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; stop it, or give this one its own --data directory");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);

        final Path marker = dir.resolve(CLEAN_MARKER);
        final boolean clean = Files.exists(marker) || !Files.exists(dir.resolve("sessions.dat"));
        Files.deleteIfExists(marker);
        return new DataDirectory(dir, channel, lock, clean);
    }

    public Path dir()
    {
        return dir;
    }

    public Path sessionsFile()
    {
        return dir.resolve("sessions.dat");
    }

    public Path journalDir()
    {
        return dir.resolve("journal");
    }

    /** Where every catalog version that served is kept ({@code dev.pulse.catalog.CatalogArchive}). */
    public Path catalogDir()
    {
        return dir.resolve("catalogs");
    }

    /** False when the server before this one was killed or crashed (or the map was left open). */
    public boolean lastStopWasClean()
    {
        return lastStopWasClean;
    }

    /** Records that everything was closed properly; call last, after the session map is closed. */
    public void markCleanShutdown() throws IOException
    {
        Files.writeString(dir.resolve(CLEAN_MARKER), "stopped cleanly\n");
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
            lockChannel.close();
        }
    }
}
