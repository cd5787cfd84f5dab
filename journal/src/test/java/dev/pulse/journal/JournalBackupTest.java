package dev.pulse.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A journal copied while it is written: exactly the records written before the mark, byte for byte
 * the live segments' prefixes with their modification times, never a torn tail and never damage.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalBackupTest
{
    private static final long SEGMENT_BYTES = 1000;
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private Path live()
    {
        return dir.resolve("live");
    }

    private Path copy()
    {
        return dir.resolve("copy");
    }

    private Journal open() throws IOException
    {
        return Journal.open(live(), JournalTesting.configuration(FsyncPolicy.NEVER, SEGMENT_BYTES, 64 * 1024), new RecordingJournalMetrics());
    }

    private static void write(final Journal journal, final JournalProxy proxy, final int from, final int count)
    {
        for (int i = from; i < from + count; i++)
        {
            assertThat(Erasures.activity(proxy, T0 + i, 1 + i % 3, i)).isTrue();
        }
        JournalTesting.awaitWritten(journal, proxy);
    }

    @Test
    void shouldCopyEveryRecordWrittenBeforeTheMarkAndNoneWrittenAfter() throws Exception
    {
        final JournalBackup.Copied copied;
        final long lastIndex;
        try (Journal journal = open())
        {
            final JournalProxy proxy = journal.newProxy();
            write(journal, proxy, 0, 60);
            try (JournalBackup backup = JournalBackup.mark(live()))
            {
                write(journal, proxy, 60, 60);
                copied = backup.copyTo(copy());
                lastIndex = backup.lastSegmentIndex();
            }
        }

        assertThat(iids(copy())).as("the records written before the mark, in order").isEqualTo(range(0, 60));
        assertThat(copied.records()).isEqualTo(60);
        assertThat(copied.lastRecordTimeMs()).isEqualTo(T0 + 59);
        assertThat(iids(live())).as("the live journal went on").isEqualTo(range(0, 120));
        final long[] segments = SegmentFiles.list(copy());
        assertThat(segments).hasSize(copied.segments()).endsWith(lastIndex);
        long bytes = 0;
        for (final long index : segments)
        {
            final byte[] copiedBytes = Files.readAllBytes(SegmentFiles.path(copy(), index));
            final byte[] liveBytes = Files.readAllBytes(SegmentFiles.path(live(), index));
            assertThat(copiedBytes).as("segment %d is a prefix of the live one", index)
                .isEqualTo(Arrays.copyOf(liveBytes, copiedBytes.length));
            bytes += copiedBytes.length;
            if (index < lastIndex)
            {
                assertThat(copiedBytes).as("sealed segment %d whole", index).hasSameSizeAs(liveBytes);
                assertThat(Files.getLastModifiedTime(SegmentFiles.path(copy(), index)))
                    .as("modification time of segment %d, which retention and crash recovery go by", index)
                    .isEqualTo(Files.getLastModifiedTime(SegmentFiles.path(live(), index)));
            }
        }
        assertThat(bytes).isEqualTo(copied.bytes());
    }

    @Test
    void shouldStopThePointBeforeAFrameStillBeingWritten() throws Exception
    {
        try (Journal journal = open())
        {
            write(journal, journal.newProxy(), 0, 10);
        }
        final long[] indexes = SegmentFiles.list(live());
        final Path last = SegmentFiles.path(live(), indexes[indexes.length - 1]);
        final long whole = Files.size(last);
        try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE, StandardOpenOption.APPEND))
        {
            // A frame header announcing 60 bytes, of which only 12 have reached the file.
            channel.write(ByteBuffer.wrap(new byte[] {60, 0, 0, 0, 1, 0, 0, 0, 9, 9, 9, 9}));
        }

        try (JournalBackup backup = JournalBackup.mark(live()))
        {
            assertThat(backup.lastSegmentBytes()).isEqualTo(whole);
            backup.copyTo(copy());
        }

        assertThat(Files.size(SegmentFiles.path(copy(), indexes[indexes.length - 1]))).isEqualTo(whole);
        assertThat(iids(copy())).isEqualTo(range(0, 10));
    }

    @Test
    void shouldRefuseToCopyADamagedSegmentAndNameIt() throws Exception
    {
        try (Journal journal = open())
        {
            write(journal, journal.newProxy(), 0, 60);
        }
        final Path damaged = SegmentFiles.path(live(), 1);
        try (FileChannel channel = FileChannel.open(damaged, StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(new byte[] {(byte)0xFF}), 200);
        }

        try (JournalBackup backup = JournalBackup.mark(live()))
        {
            assertThatThrownBy(() -> backup.copyTo(copy()))
                .isInstanceOfSatisfying(JournalCorruptionException.class, ex -> assertThat(ex.file()).isEqualTo(damaged))
                .hasMessageContaining("repair the segment first");
        }
    }

    @Test
    void shouldStartLaterWhenRetentionDeletedTheOldestSegmentsAfterTheMark() throws Exception
    {
        try (Journal journal = open())
        {
            write(journal, journal.newProxy(), 0, 60);
        }
        try (JournalBackup backup = JournalBackup.mark(live()))
        {
            Files.delete(SegmentFiles.path(live(), 0));
            backup.copyTo(copy());
        }

        assertThat(SegmentFiles.list(copy())[0]).isEqualTo(1);
        assertThat(iids(copy())).isEqualTo(iids(live()));
    }

    @Test
    void shouldRefuseAJournalWithASegmentMissingInTheMiddle() throws Exception
    {
        try (Journal journal = open())
        {
            write(journal, journal.newProxy(), 0, 60);
        }
        Files.delete(SegmentFiles.path(live(), 2));

        try (JournalBackup backup = JournalBackup.mark(live()))
        {
            assertThatThrownBy(() -> backup.copyTo(copy())).isInstanceOf(JournalCorruptionException.class)
                .hasMessageContaining(SegmentFiles.path(live(), 2).toString()).hasMessageContaining("segment missing");
        }
    }

    @Test
    void shouldCopyNothingButTheKeyFromAJournalWithoutSegments() throws Exception
    {
        Files.createDirectories(live());

        try (JournalBackup backup = JournalBackup.mark(live()))
        {
            assertThat(backup.lastSegmentIndex()).isEqualTo(-1);
            assertThat(backup.copyTo(copy())).isEqualTo(new JournalBackup.Copied(0, 0, 0, 0));
        }
        assertThat(SegmentFiles.list(copy())).isEmpty();
    }

    private static List<Integer> iids(final Path journal) throws IOException
    {
        final List<Integer> iids = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                iids.add(record.iid());
            }
        }
        return iids;
    }

    private static List<Integer> range(final int from, final int to)
    {
        final List<Integer> list = new ArrayList<>();
        for (int i = from; i < to; i++)
        {
            list.add(i);
        }
        return list;
    }
}
