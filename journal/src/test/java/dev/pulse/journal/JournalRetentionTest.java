package dev.pulse.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention by age and by size: sealed segments past it are deleted oldest first and counted, never
 * the segment being written, never one holding a record newer than the age limit; a retention that
 * would delete today's segment is refused; a reader that listed a segment retention then deleted
 * starts at the next one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalRetentionTest
{
    private static final long SEGMENT_BYTES = 1000;
    private static final long DAY_MS = TimeUnit.DAYS.toMillis(1);
    private static final long NOW_MS = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final RecordingJournalMetrics metrics = new RecordingJournalMetrics();

    private Journal open() throws Exception
    {
        return Journal.open(dir, JournalTesting.configuration(FsyncPolicy.NEVER, SEGMENT_BYTES, 64 * 1024), metrics);
    }

    /** About 7 segments of records, day {@code i / 10} ago for the i-th record; each segment's file time that of its newest record. */
    private void writeTenDaysAgoToNow(final Journal journal) throws Exception
    {
        final JournalProxy proxy = journal.newProxy();
        for (int i = 0; i < 70; i++)
        {
            Erasures.activity(proxy, NOW_MS - (7 - i / 10) * DAY_MS, 1, i);
        }
        JournalTesting.awaitWritten(journal, proxy);
        RecordSnapshot.stampSegmentsWithTheirNewestRecord(dir);
    }

    private JournalUpkeep upkeep(final Journal journal, final long ageMs, final long bytes)
    {
        final JournalUpkeep upkeep = new JournalUpkeep(journal, new JournalUpkeepConfiguration(ageMs, bytes, 0, 60_000), () -> NOW_MS,
            CompactionProbe.NONE);
        upkeep.registerMetrics(metrics);
        return upkeep;
    }

    @Test
    void shouldDeleteSealedSegmentsWhoseRecordsAreAllOlderThanTheAgeOldestFirst() throws Exception
    {
        try (Journal journal = open())
        {
            writeTenDaysAgoToNow(journal);
            final List<RecordSnapshot> before = RecordSnapshot.readAll(dir);
            final long[] segments = SegmentFiles.list(dir);

            upkeep(journal, 3 * DAY_MS + 1, 0).runPass();

            final long[] left = SegmentFiles.list(dir);
            assertThat(left.length).isLessThan(segments.length);
            assertThat(left[left.length - 1]).as("no gap: only the oldest went").isEqualTo(segments[segments.length - 1]);
            final List<RecordSnapshot> after = RecordSnapshot.readAll(dir);
            assertThat(after).as("what is left is the newest part of the journal").isEqualTo(before.subList(before.size() - after.size(),
                before.size()));
            assertThat(after.get(0).timestampMs()).as("a segment holding a record within the age is kept whole")
                .isLessThanOrEqualTo(NOW_MS - 3 * DAY_MS);
            assertThat(RecordSnapshot.readSegment(dir, left[0]).stream().mapToLong(RecordSnapshot::timestampMs).max().getAsLong())
                .isGreaterThanOrEqualTo(NOW_MS - 3 * DAY_MS - 1);
            assertThat(metrics.value("pulse_journal_retention_deleted_segments_total")).isEqualTo(segments.length - left.length);
            assertThat(metrics.value("pulse_journal_retention_deleted_bytes_total")).isGreaterThan((segments.length - left.length) * (SEGMENT_BYTES - 100));
        }
    }

    @Test
    void shouldKeepASegmentWithOldRecordsButAFreshFileTime() throws Exception
    {
        try (Journal journal = open())
        {
            writeTenDaysAgoToNow(journal);
            // Segment 0's records are 7 days old, but its file was written today (a journal copied without its times).
            final long[] segments = SegmentFiles.list(dir);
            Files.setLastModifiedTime(SegmentFiles.path(dir, 0), FileTime.fromMillis(NOW_MS));

            upkeep(journal, 2 * DAY_MS, 0).runPass();

            assertThat(SegmentFiles.list(dir)).as("a fresh file time keeps a segment, oldest first stops there").isEqualTo(segments);
        }
    }

    @Test
    void shouldKeepASegmentWithAnOldFileTimeButARecordNewerThanTheAge() throws Exception
    {
        try (Journal journal = open())
        {
            final JournalProxy proxy = journal.newProxy();
            Erasures.activity(proxy, NOW_MS, 1, 0);
            for (int i = 1; i < 70; i++)
            {
                Erasures.activity(proxy, NOW_MS - 30 * DAY_MS, 1, i);
            }
            JournalTesting.awaitWritten(journal, proxy);
            final long[] segments = SegmentFiles.list(dir);
            for (final long index : segments)
            {
                Files.setLastModifiedTime(SegmentFiles.path(dir, index), FileTime.fromMillis(NOW_MS - 30 * DAY_MS));
            }

            upkeep(journal, 2 * DAY_MS, 0).runPass();

            assertThat(SegmentFiles.list(dir)).as("segment 0 holds a record of today: kept, and the ones after it").isEqualTo(segments);
        }
    }

    @Test
    void shouldDeleteTheOldestSealedSegmentsWhileTheJournalIsOverTheSizeButNeverTheOneBeingWritten() throws Exception
    {
        try (Journal journal = open())
        {
            writeTenDaysAgoToNow(journal);
            final long active = journal.activeSegmentIndex();

            upkeep(journal, 365 * DAY_MS, 2 * SEGMENT_BYTES).runPass();

            long total = 0;
            for (final long index : SegmentFiles.list(dir))
            {
                total += Files.size(SegmentFiles.path(dir, index));
            }
            assertThat(total).isLessThanOrEqualTo(2 * SEGMENT_BYTES);
            assertThat(SegmentFiles.list(dir)).contains(active).hasSizeLessThanOrEqualTo(3);

            upkeep(journal, 365 * DAY_MS, SEGMENT_BYTES).runPass();
            assertThat(SegmentFiles.list(dir)).as("even over the size, the segment being written stays").contains(active);
        }
    }

    @Test
    void shouldRefuseARetentionThatWouldDeleteTodaysSegment()
    {
        assertThat(new JournalUpkeepConfiguration(DAY_MS - 1, 0, 0, 1).problem(SEGMENT_BYTES)).contains("under one day");
        assertThat(new JournalUpkeepConfiguration(DAY_MS, SEGMENT_BYTES - 1, 0, 1).problem(SEGMENT_BYTES)).contains("under one segment");
        assertThat(new JournalUpkeepConfiguration(DAY_MS, 0, 0, 1).problem(SEGMENT_BYTES)).as("no size limit").isNull();
        assertThat(new JournalUpkeepConfiguration(DAY_MS, SEGMENT_BYTES, 0, 1).problem(SEGMENT_BYTES)).isNull();
        assertThat(JournalUpkeepConfiguration.defaults().problem(JournalConfiguration.defaults().segmentBytes())).isNull();
    }

    @Test
    void shouldReadFromTheNextSegmentWhenRetentionDeletedTheFirstAfterTheListing() throws Exception
    {
        try (Journal journal = open())
        {
            writeTenDaysAgoToNow(journal);
        }
        final List<RecordSnapshot> second = RecordSnapshot.readSegment(dir, 1);
        final List<RecordSnapshot> all = RecordSnapshot.readAll(dir);
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(dir))
        {
            Files.delete(SegmentFiles.path(dir, 0));
            assertThat(reader.next(record)).isTrue();
            assertThat(RecordSnapshot.of(record)).isEqualTo(second.get(0));
        }
        assertThat(all).contains(second.get(0));
    }
}
