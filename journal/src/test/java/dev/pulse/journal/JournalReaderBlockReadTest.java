package dev.pulse.journal;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader reads segments in large blocks, and a frame across a block's end or larger than a block reads the same. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalReaderBlockReadTest
{
    private static final int RECORDS = 40_000;

    @TempDir
    Path dir;

    @Test
    void shouldReadAPassInMebibyteBlocksNotTwoCallsPerRecord() throws Exception
    {
        long bytes = 0;
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(FsyncPolicy.NEVER, 2L << 20, 1 << 20), new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            for (int i = 0; i < RECORDS; i++)
            {
                final int n = i;
                JournalTesting.await(() -> JournalRecords.answer(proxy, 1_000 + n, 7, n, 9, n, "question-" + n, "choice-" + n), "ring room");
            }
        }
        final long[] segments = SegmentFiles.list(dir);
        for (final long index : segments)
        {
            bytes += java.nio.file.Files.size(SegmentFiles.path(dir, index));
        }

        int read = 0;
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(dir))
        {
            while (reader.next(record))
            {
                assertThat(record.iid()).isEqualTo(read);
                read++;
            }
            assertThat(read).isEqualTo(RECORDS);
            // One call per mebibyte and one per segment at most (a frame cut by a block's end refills from its start):
            // the old reader made two per record, 80,000 here.
            assertThat(reader.fileReads()).isLessThanOrEqualTo(bytes / SegmentFrameReader.WINDOW_BYTES + 2L * segments.length);
        }
        assertThat(bytes).as("several blocks and segments").isGreaterThan(2L * SegmentFrameReader.WINDOW_BYTES);
    }

    @Test
    void shouldReadFramesAcrossAndLargerThanASmallWindowAsTheyAre() throws Exception
    {
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(FsyncPolicy.NEVER, 1L << 20, 1 << 20), new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            for (int i = 0; i < 300; i++)
            {
                // 60 to 1,000-byte strings: frames from about 130 to 2,100 bytes against a 256-byte window.
                final int n = i;
                final int size = 60 + (i * 37) % 940;
                JournalTesting.await(() -> JournalRecords.answer(proxy, n, 7, n, 9, n, "q".repeat(size), "c".repeat(size)), "ring room");
            }
        }
        final List<RecordSnapshot> expected = RecordSnapshot.readAll(dir);
        assertThat(expected).hasSize(300);

        final List<String> seen = new ArrayList<>();
        final SegmentFrameReader frames = new SegmentFrameReader(256);
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (FileChannel channel = FileChannel.open(SegmentFiles.path(dir, 0), StandardOpenOption.READ))
        {
            long position = 0;
            int length;
            while ((length = frames.read(channel, position, channel.size())) > 0)
            {
                record.wrap(frames.buffer(), frames.frameOffset() + JournalFrameDescriptor.PAYLOAD_OFFSET,
                    length - JournalFrameDescriptor.OVERHEAD, JournalRecordType.fromCode(frames.type()));
                seen.add(record.string(0));
                position += length;
            }
            assertThat(length).isEqualTo(SegmentFrameReader.END);
        }
        assertThat(seen).containsExactlyElementsOf(expected.stream().map(snapshot -> snapshot.strings().get(0)).toList());
    }
}
