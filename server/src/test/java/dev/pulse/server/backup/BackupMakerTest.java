package dev.pulse.server.backup;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a backup holds, and a backup that cannot be taken: refused or failed, it leaves nothing behind. */
class BackupMakerTest
{
    @TempDir
    Path dir;

    @Test
    void shouldHoldTheSessionsTheJournalItsKeyAndTheFinishedCatalogsWithTheirSums() throws Exception
    {
        try (BackupFixture data = new BackupFixture(dir.resolve("data")))
        {
            final Path backup = data.backup();

            final BackupInfo info = BackupRestore.verify(backup);
            assertThat(info.sessions()).isEqualTo(BackupFixture.SESSIONS);
            assertThat(info.journalRecords()).isEqualTo(data.records());
            assertThat(info.journalSegments()).as("several segments of 4 KiB").isGreaterThan(2);
            assertThat(info.catalogs()).as("the finished version, not the archive's temporary file").isOne();
            assertThat(files(backup)).contains("SHA256SUMS", "backup.properties", "sessions.dat", "journal/search-hash.key",
                "catalogs/" + BackupFixture.CATALOG).doesNotContain("catalogs/.0123456789abcdef-1.tmp");
            assertThat(Files.readString(backup.resolve("SHA256SUMS"))).as("sha256sum's own format")
                .containsPattern("(?m)^[0-9a-f]{64}  journal/segment-0{20}\\.journal$");
            assertThat(Files.readAllBytes(backup.resolve("journal/search-hash.key")))
                .isEqualTo(Files.readAllBytes(data.dataDir.resolve("journal/search-hash.key")));
        }
    }

    @Test
    void shouldRefuseABackupTheDiskCannotTakeAndWriteNothing() throws Exception
    {
        try (BackupFixture data = new BackupFixture(dir.resolve("data")))
        {
            assertThatThrownBy(() -> data.maker(Long.MAX_VALUE / 2).make(() -> false))
                .isInstanceOf(BackupMaker.NotEnoughSpaceException.class)
                .hasMessageContaining("not enough free space for a backup").hasMessageContaining("journal_segment_bytes");

            assertThat(files(data.dataDir.resolve("backups"))).isEmpty();
        }
    }

    @Test
    void shouldFailOnADamagedJournalSegmentNamingItAndLeaveNothing() throws Exception
    {
        try (BackupFixture data = new BackupFixture(dir.resolve("data")))
        {
            final Path segment = data.dataDir.resolve("journal").resolve(String.format("segment-%020d.journal", 1));
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE))
            {
                channel.write(ByteBuffer.wrap(new byte[] {(byte)0xFF}), 100);
            }

            assertThatThrownBy(() -> data.maker(0).make(() -> false)).hasMessageContaining(segment.toString())
                .hasMessageContaining("repair the segment first");

            assertThat(files(data.dataDir.resolve("backups"))).isEmpty();
        }
    }

    @Test
    void shouldDeleteWhatABackupCutShortLeftBehind() throws Exception
    {
        try (BackupFixture data = new BackupFixture(dir.resolve("data")))
        {
            final Path leftover = data.dataDir.resolve("backups").resolve("20260101T000000.000Z.partial");
            Files.createDirectories(leftover.resolve("journal"));
            Files.writeString(leftover.resolve("journal").resolve("segment-00000000000000000000.journal"), "half");

            final Path backup = data.backup();

            assertThat(leftover).doesNotExist();
            assertThat(backup).exists();
        }
    }

    @Test
    void shouldStopWhenTheServerStops() throws Exception
    {
        try (BackupFixture data = new BackupFixture(dir.resolve("data")))
        {
            assertThatThrownBy(() -> data.maker(0).make(() -> true)).hasMessageContaining("cancelled: the server is stopping");

            assertThat(files(data.dataDir.resolve("backups"))).isEmpty();
        }
    }

    /** Every file under {@code dir}, relative, with {@code /}. */
    static List<String> files(final Path dir) throws Exception
    {
        try (Stream<Path> walk = Files.walk(dir))
        {
            return walk.filter(Files::isRegularFile).map(file -> dir.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
