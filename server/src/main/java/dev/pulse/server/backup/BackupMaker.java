package dev.pulse.server.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import dev.pulse.journal.JournalBackup;
import dev.pulse.server.session.SessionRecord;
import dev.pulse.server.session.SessionStore;

/**
 * Takes a backup of a serving server's data directory into {@code <data_dir>/backups/<UTC time>/}
 * ({@link BackupLayout}), in the one order that makes it consistent without stopping anything:
 *
 * <ol>
 *   <li>the journal's backup point is fixed ({@link JournalBackup#mark}): every record before it was
 *   written, so the change it records is already in the session map;</li>
 *   <li>the session map is copied, segment by segment under its locks ({@link SessionStore#copyTo}):
 *   every session at least as new as the journal point, so a restored session knows every question
 *   the restored journal says it was asked (it is never asked one twice);</li>
 *   <li>the journal is copied up to the point, every frame verified; then the catalog versions
 *   (every one the copied sessions may name was archived before it served);</li>
 *   <li>{@value BackupLayout#INFO}, then the manifest, are written and forced, and the directory is
 *   renamed from {@code .partial} to its name: a backup is complete or absent under its name.</li>
 * </ol>
 *
 * The copy is what a crash at the backup point would have left, and a restored server starts from
 * it as from a crash: it recovers the map and takes each session's seq back to what its journal
 * holds. Not thread-safe: {@link Backups} runs one at a time.
 */
public final class BackupMaker
{
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final SessionsCopy sessions;
    private final String pulseVersion;
    private final long spareBytes;
    private final LongSupplier wallMs;

    /**
     * @param sessions   copies the session map ({@link SessionStore#copyTo}, guarded against the server's stop by {@link Backups}).
     * @param spareBytes free space a backup must leave on the data directory's disk (the journal needs it to go on writing).
     * @param wallMs     the wall clock, in milliseconds, for the name and the times in {@value BackupLayout#INFO}.
     */
    public BackupMaker(final Path dataDir, final SessionsCopy sessions, final String pulseVersion, final long spareBytes,
        final LongSupplier wallMs)
    {
        this.dataDir = dataDir;
        this.sessions = sessions;
        this.pulseVersion = pulseVersion;
        this.spareBytes = spareBytes;
        this.wallMs = wallMs;
    }

    /**
     * Takes a backup; {@code cancelled} stops it between steps (the server is stopping).
     *
     * @return what it holds; it is in {@code <data_dir>/backups/<name>}.
     * @throws NotEnoughSpaceException if the disk cannot take it and still leave the spare bytes: nothing is written.
     * @throws IOException             if it fails (a damaged journal segment, a full disk...): nothing is left behind.
     */
    public BackupInfo make(final BooleanSupplier cancelled) throws IOException
    {
        final long startMs = wallMs.getAsLong();
        final Path backups = dataDir.resolve(BackupLayout.BACKUPS);
        Files.createDirectories(backups);
        deleteUnfinished(backups);
        checkSpace(backups);
        final String name = NAME.format(Instant.ofEpochMilli(startMs));
        final Path partial = backups.resolve(name + BackupLayout.PARTIAL);
        final Path complete = backups.resolve(name);
        if (Files.exists(complete))
        {
            throw new IOException("a backup named " + name + " exists already");
        }
        Files.createDirectory(partial);
        try (JournalBackup journal = JournalBackup.mark(dataDir.resolve(BackupLayout.JOURNAL)))
        {
            final long sessionCount = sessions.copyTo(partial.resolve(BackupLayout.SESSIONS));
            stopIf(cancelled);
            final JournalBackup.Copied copied = journal.copyTo(partial.resolve(BackupLayout.JOURNAL));
            stopIf(cancelled);
            final int catalogs = copyCatalogs(partial.resolve(BackupLayout.CATALOGS));
            final BackupInfo info = new BackupInfo(name, startMs, pulseVersion, SessionRecord.LENGTH, sessionCount, copied.segments(),
                copied.bytes(), copied.records(), journal.lastSegmentIndex(), journal.lastSegmentBytes(), copied.lastRecordTimeMs(), catalogs,
                wallMs.getAsLong() - startMs);
            info.write(partial);
            BackupManifest.write(partial);
            forceDirectory(partial);
            Files.move(partial, complete, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(backups);
            return info;
        }
        catch (final IOException | RuntimeException ex)
        {
            deleteQuietly(partial);
            throw ex;
        }
    }

    /** Where the backup named {@code name} is. */
    public Path pathOf(final String name)
    {
        return dataDir.resolve(BackupLayout.BACKUPS).resolve(name);
    }

    /** The journal and the session map's file (an upper bound: the copy holds only the sessions) must fit, with the spare bytes left. */
    private void checkSpace(final Path backups) throws IOException
    {
        final long needed = sizeOf(dataDir.resolve(BackupLayout.JOURNAL)) + sizeOf(dataDir.resolve(BackupLayout.SESSIONS))
            + sizeOf(dataDir.resolve(BackupLayout.CATALOGS));
        final long free = Files.getFileStore(backups).getUsableSpace();
        if (free < needed + spareBytes)
        {
            throw new NotEnoughSpaceException("not enough free space for a backup in " + backups.toAbsolutePath() + ": it needs up to " +
                needed + " bytes and must leave " + spareBytes + " (journal_segment_bytes) for the journal, and " + free + " are free. " +
                "Free space (delete backups already copied elsewhere), or stop the server and copy the data directory");
        }
    }

    private int copyCatalogs(final Path target) throws IOException
    {
        Files.createDirectories(target);
        final Path source = dataDir.resolve(BackupLayout.CATALOGS);
        int copied = 0;
        if (Files.isDirectory(source))
        {
            // Only the finished versions, <16 hex>.yaml: the archive writes each to a hidden temporary file first.
            try (DirectoryStream<Path> files = Files.newDirectoryStream(source, "[0-9a-f]*.yaml"))
            {
                for (final Path file : files)
                {
                    final Path copy = target.resolve(file.getFileName());
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    force(copy);
                    copied++;
                }
            }
        }
        forceDirectory(target);
        return copied;
    }

    private static void stopIf(final BooleanSupplier cancelled) throws IOException
    {
        if (cancelled.getAsBoolean())
        {
            throw new IOException("the backup was cancelled: the server is stopping");
        }
    }

    private static long sizeOf(final Path path) throws IOException
    {
        if (!Files.exists(path))
        {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(path))
        {
            long bytes = 0;
            for (final Path file : (Iterable<Path>)walk.filter(Files::isRegularFile)::iterator)
            {
                bytes += Files.size(file);
            }
            return bytes;
        }
    }

    static void force(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.force(true);
        }
    }

    /** Forces a directory's entries (new and renamed files) to the disk; best effort where a directory cannot be opened. */
    static void forceDirectory(final Path dir)
    {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            // The files themselves are forced; only their names may lag on such a platform.
        }
    }

    /** Deletes what a backup cut short by a crash left ({@code .partial}): this server holds the data directory, so none is running. */
    private static void deleteUnfinished(final Path backups) throws IOException
    {
        try (DirectoryStream<Path> unfinished = Files.newDirectoryStream(backups, "*" + BackupLayout.PARTIAL))
        {
            for (final Path dir : unfinished)
            {
                deleteQuietly(dir);
            }
        }
    }

    private static void deleteQuietly(final Path dir)
    {
        try (Stream<Path> walk = Files.walk(dir))
        {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException ex)
        {
            // Nothing more to do: a .partial directory is never taken for a backup, and the next one has another name.
        }
    }

    /** Copies the live session map into a new file ({@link SessionStore#copyTo}); returns how many sessions. */
    @FunctionalInterface
    public interface SessionsCopy
    {
        long copyTo(Path file) throws IOException;
    }

    /** The disk cannot take the backup: nothing was written. */
    public static final class NotEnoughSpaceException extends IOException
    {
        private static final long serialVersionUID = 1L;

        NotEnoughSpaceException(final String message)
        {
            super(message);
        }
    }
}
