package dev.pulse.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SegmentRollTest
{
    private static final long SEGMENT_BYTES = 1000;

    @TempDir
    Path dir;

    @Test
    void shouldRollSegmentsBySizeAndReadAcrossThem() throws Exception
    {
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(FsyncPolicy.ALWAYS, SEGMENT_BYTES, 64 * 1024), new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            for (int i = 0; i < 200; i++)
            {
                assertThat(JournalRecords.dismiss(proxy, i, 1, 2, 3, i, "question-" + i)).isTrue();
                if (i % 10 == 0)
                {
                    // Some records alone in a batch, some many to a batch.
                    JournalTesting.awaitWritten(journal, proxy);
                }
            }
        }

        final long[] indexes = SegmentFiles.list(dir);
        assertThat(indexes.length).isGreaterThan(10);
        for (int i = 0; i < indexes.length; i++)
        {
            assertThat(indexes[i]).isEqualTo(i);
            final Path segment = SegmentFiles.path(dir, i);
            assertThat(segment.getFileName().toString()).matches("segment-\\d{20}\\.journal");
            assertThat(Files.size(segment)).isLessThanOrEqualTo(SEGMENT_BYTES);
            if (i < indexes.length - 1)
            {
                assertThat(Files.size(segment)).as("a segment rolls only when the next frame does not fit").isGreaterThan(SEGMENT_BYTES - 100);
            }
        }
        assertThat(RecordSnapshot.readAll(dir)).extracting(RecordSnapshot::iid).containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 200).boxed().toList());
    }

    @Test
    void shouldPutAFrameLongerThanASegmentAloneInAFreshSegment() throws Exception
    {
        final String big = "x".repeat(1024);
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(FsyncPolicy.NEVER, SEGMENT_BYTES, 64 * 1024), new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            JournalRecords.dismiss(proxy, 0, 1, 2, 3, 0, "small");
            JournalRecords.answer(proxy, 0, 1, 2, 3, 1, big, big);
            JournalRecords.dismiss(proxy, 0, 1, 2, 3, 2, "small");
        }

        assertThat(SegmentFiles.list(dir)).containsExactly(0, 1, 2);
        assertThat(Files.size(SegmentFiles.path(dir, 1))).isGreaterThan(SEGMENT_BYTES);
        final List<RecordSnapshot> records = RecordSnapshot.readAll(dir);
        assertThat(records).extracting(RecordSnapshot::iid).containsExactly(0, 1, 2);
        assertThat(records.get(1).strings()).containsExactly(big, big);
    }

    @Test
    void shouldStartANewSegmentWhenTheRecoveredOneIsFull() throws Exception
    {
        final JournalConfiguration configuration = JournalTesting.configuration(FsyncPolicy.NEVER, SEGMENT_BYTES, 64 * 1024);
        try (Journal journal = Journal.open(dir, configuration, new RecordingJournalMetrics()))
        {
            JournalRecords.answer(journal.newProxy(), 0, 1, 2, 3, 0, "q".repeat(500), "c".repeat(400));
        }
        try (Journal journal = Journal.open(dir, configuration, new RecordingJournalMetrics()))
        {
            JournalRecords.answer(journal.newProxy(), 0, 1, 2, 3, 1, "q".repeat(500), "c".repeat(400));
        }
        assertThat(SegmentFiles.list(dir)).containsExactly(0, 1);
        assertThat(RecordSnapshot.readAll(dir)).extracting(RecordSnapshot::iid).containsExactly(0, 1);
    }
}
