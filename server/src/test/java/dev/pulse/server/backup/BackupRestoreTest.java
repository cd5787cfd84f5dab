package dev.pulse.server.backup;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.session.ChronicleSessionStore;
import dev.pulse.server.session.DataDirectory;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionStoreException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Restoring: a whole backup becomes a data directory with the backup's files, byte for byte; a
 * partial or damaged one is refused with the file named and nothing written; a directory that is not
 * empty is never written into; one whose restore did not finish is never served.
 */
class BackupRestoreTest
{
    private static final String SEGMENT_1 = "journal/segment-00000000000000000001.journal";

    @TempDir
    Path dir;

    private Path backup() throws Exception
    {
        try (BackupFixture data = new BackupFixture(dir.resolve("data")))
        {
            return data.backup();
        }
    }

    private Path target()
    {
        return dir.resolve("restored");
    }

    @Test
    void shouldRestoreEveryFileOfTheBackupIntoANewDataDirectory() throws Exception
    {
        final Path backup = backup();

        final BackupInfo info = BackupRestore.restore(backup, target());

        assertThat(info.sessions()).isEqualTo(BackupFixture.SESSIONS);
        assertThat(BackupMakerTest.files(target())).as("the data files, not the backup's description")
            .containsExactlyElementsOf(BackupMakerTest.files(backup).stream().filter(f -> !f.equals("SHA256SUMS") && !f.equals("backup.properties"))
                .toList());
        for (final String file : BackupMakerTest.files(target()))
        {
            assertThat(Files.readAllBytes(target().resolve(file))).as(file).isEqualTo(Files.readAllBytes(backup.resolve(file)));
            assertThat(Files.getLastModifiedTime(target().resolve(file)).toMillis()).as("modification time of " + file)
                .isEqualTo(Files.getLastModifiedTime(backup.resolve(file)).toMillis());
        }
        try (ChronicleSessionStore sessions = ChronicleSessionStore.open(target().resolve("sessions.dat"), 1_000, true))
        {
            final SessionAccess access = sessions.newAccess();
            assertThat(access.open(1, 7)).isTrue();
            assertThat(access.state().lastSeq()).isEqualTo(7);
            access.close();
        }
    }

    @Test
    void shouldRefuseABackupWithoutItsManifestAsUnfinished() throws Exception
    {
        assertRefused(backup -> delete(backup.resolve("SHA256SUMS")), "has no SHA256SUMS: the backup did not finish, or was copied only in part");
    }

    @Test
    void shouldRefuseAJournalSegmentWithOneByteChanged() throws Exception
    {
        assertRefused(backup -> overwrite(backup.resolve(SEGMENT_1), 10), SEGMENT_1 + " is damaged: its SHA-256 is not the one in SHA256SUMS");
    }

    @Test
    void shouldRefuseASessionMapCutShort() throws Exception
    {
        assertRefused(backup -> truncate(backup.resolve("sessions.dat"), 4_096), "sessions.dat is damaged");
    }

    @Test
    void shouldRefuseAMissingCatalogVersion() throws Exception
    {
        assertRefused(backup -> delete(backup.resolve("catalogs").resolve(BackupFixture.CATALOG)),
            "catalogs/" + BackupFixture.CATALOG + " is missing");
    }

    @Test
    void shouldRefuseAFileThatIsNotPartOfTheBackup() throws Exception
    {
        assertRefused(backup -> write(backup.resolve("journal").resolve("segment-00000000000000000099.journal"), "stray"),
            "journal/segment-00000000000000000099.journal is not part of the backup");
    }

    @Test
    void shouldRefuseAManifestLineThatIsNotOne() throws Exception
    {
        assertRefused(backup -> run(() -> Files.writeString(backup.resolve("SHA256SUMS"), "garbage\n", StandardOpenOption.APPEND)),
            "SHA256SUMS line");
    }

    @Test
    void shouldRefuseSessionsOfAnotherRecordLayout() throws Exception
    {
        final Path backup = backup();
        final String info = Files.readString(backup.resolve("backup.properties")).replaceAll("session_record_bytes=\\d+", "session_record_bytes=99");
        write(backup.resolve("backup.properties"), info);
        Files.delete(backup.resolve("SHA256SUMS"));
        BackupManifest.write(backup);

        assertThatThrownBy(() -> BackupRestore.restore(backup, target())).isInstanceOf(BackupDamagedException.class)
            .hasMessageContaining("its sessions are records of 99 bytes, written by pulse test");
        assertThat(target()).doesNotExist();
    }

    @Test
    void shouldNeverWriteIntoADirectoryThatIsNotEmpty() throws Exception
    {
        final Path backup = backup();
        Files.createDirectories(target());
        Files.writeString(target().resolve("sessions.dat"), "the old one");

        assertThatThrownBy(() -> BackupRestore.restore(backup, target())).isInstanceOf(BackupRestore.TargetNotEmptyException.class)
            .hasMessageContaining("is not an empty directory");
        assertThat(BackupMakerTest.files(target())).containsExactly("sessions.dat");
    }

    @Test
    void shouldRefuseToServeADataDirectoryWhoseRestoreDidNotFinish() throws Exception
    {
        Files.createDirectories(target());
        Files.writeString(target().resolve(DataDirectory.RESTORE_INCOMPLETE), "cut short");

        assertThatThrownBy(() -> DataDirectory.open(target())).isInstanceOf(SessionStoreException.class)
            .hasMessageContaining("holds a restore that did not finish").hasMessageContaining("pulse backup restore again");
    }

    /** Damages a whole backup with {@code damage}: the restore names the problem and writes nothing. */
    private void assertRefused(final Damage damage, final String problem) throws Exception
    {
        final Path backup = backup();
        damage.accept(backup);

        assertThatThrownBy(() -> BackupRestore.verify(backup)).isInstanceOf(BackupDamagedException.class).hasMessageContaining(problem);
        assertThatThrownBy(() -> BackupRestore.restore(backup, target())).isInstanceOf(BackupDamagedException.class)
            .hasMessageContaining("the backup " + backup.toAbsolutePath() + " cannot be restored: ").hasMessageContaining(problem);
        assertThat(target()).as("nothing restored").doesNotExist();
    }

    /** A change to a backup's files. */
    private interface Damage extends Consumer<Path>
    {
    }

    private static void delete(final Path file)
    {
        run(() -> Files.delete(file));
    }

    private static void write(final Path file, final String text)
    {
        run(() -> Files.writeString(file, text));
    }

    private static void truncate(final Path file, final long size)
    {
        run(() ->
        {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
            {
                channel.truncate(size);
            }
        });
    }

    private static void overwrite(final Path file, final long offset)
    {
        run(() ->
        {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
            {
                final ByteBuffer one = ByteBuffer.allocate(1);
                channel.read(one, offset);
                one.put(0, (byte)(one.get(0) ^ 0x01)).rewind();
                channel.write(one, offset);
            }
        });
    }

    private interface IoAction
    {
        void run() throws Exception;
    }

    private static void run(final IoAction action)
    {
        try
        {
            action.run();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
