package dev.pulse.server.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import dev.pulse.server.session.DataDirectory;
import dev.pulse.server.session.SessionRecord;

/**
 * Restores a backup into a new data directory: checks the whole backup first (a damaged or
 * incomplete one restores nothing), then copies its files into place, each forced, with their
 * modification times (retention and crash recovery go by them). Until the last file is in place the
 * directory carries {@value DataDirectory#RESTORE_INCOMPLETE}, on which a server refuses to start,
 * so a restore cut short is never served. The restored directory has no clean-shutdown marker: the
 * first start recovers it as after a crash at the backup point.
 */
public final class BackupRestore
{
    private BackupRestore()
    {
    }

    /**
     * Checks {@code backup} against its manifest and what this Pulse can read.
     *
     * @throws BackupDamagedException if it is incomplete, damaged, or made for another session record layout.
     */
    public static BackupInfo verify(final Path backup) throws IOException
    {
        check(backup);
        return BackupInfo.read(backup);
    }

    /** {@link #verify}, returning the files the manifest lists. */
    private static List<String> check(final Path backup) throws IOException
    {
        if (!Files.isDirectory(backup))
        {
            throw new BackupDamagedException(backup, "it is not a directory");
        }
        final List<String> files = BackupManifest.verify(backup);
        final BackupInfo info = BackupInfo.read(backup);
        if (info.sessionRecordBytes() != SessionRecord.LENGTH)
        {
            throw new BackupDamagedException(backup, "its sessions are records of " + info.sessionRecordBytes() + " bytes, written by " +
                info.pulseVersion() + "; this Pulse reads records of " + SessionRecord.LENGTH + " bytes. Restore it with the version " +
                "that wrote it");
        }
        return files;
    }

    /**
     * Restores {@code backup} into {@code dataDir}, which must be absent or empty.
     *
     * @throws TargetNotEmptyException if {@code dataDir} holds anything: nothing is touched.
     * @throws BackupDamagedException  if the backup is incomplete or damaged: nothing is written.
     */
    public static BackupInfo restore(final Path backup, final Path dataDir) throws IOException
    {
        if (Files.exists(dataDir) && (!Files.isDirectory(dataDir) || !isEmpty(dataDir)))
        {
            throw new TargetNotEmptyException(dataDir.toAbsolutePath() + " is not an empty directory: restore into a new one (move the " +
                "old data directory aside first, with its server stopped)");
        }
        final List<String> files = check(backup);
        final BackupInfo info = BackupInfo.read(backup);
        Files.createDirectories(dataDir);
        final Path marker = dataDir.resolve(DataDirectory.RESTORE_INCOMPLETE);
        Files.writeString(marker, "a restore from " + backup.toAbsolutePath() + " is under way or was cut short: delete this " +
            "directory and restore again\n");
        BackupMaker.force(marker);
        BackupMaker.forceDirectory(dataDir);
        for (final String file : files)
        {
            if (file.equals(BackupLayout.INFO))
            {
                continue;
            }
            final Path target = dataDir.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(backup.resolve(file), target, StandardCopyOption.COPY_ATTRIBUTES);
            BackupMaker.force(target);
        }
        for (final String dir : new String[] {BackupLayout.JOURNAL, BackupLayout.CATALOGS})
        {
            Files.createDirectories(dataDir.resolve(dir));
            BackupMaker.forceDirectory(dataDir.resolve(dir));
        }
        Files.delete(marker);
        BackupMaker.forceDirectory(dataDir);
        return info;
    }

    private static boolean isEmpty(final Path dir) throws IOException
    {
        try (Stream<Path> entries = Files.list(dir))
        {
            return entries.findAny().isEmpty();
        }
    }

    /** The directory to restore into holds something already. */
    public static final class TargetNotEmptyException extends IOException
    {
        private static final long serialVersionUID = 1L;

        TargetNotEmptyException(final String message)
        {
            super(message);
        }
    }
}
