package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


import static org.assertj.core.api.Assertions.assertThat;

/** Start-up recovery cuts a torn or garbage tail of the last segment, and appends after it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JournalRecoveryTest
{
    private static final int RECORDS = 20;

    @TempDir
    Path dir;

    @Test
    void shouldTruncateATornLastRecordAtEveryOffsetAndAppendAfterIt() throws Exception
    {
        write(0, RECORDS);
        final Path segment = SegmentFiles.path(dir, 0);
        final long validSize = Files.size(segment);
        write(RECORDS, 1);
        final byte[] complete = Files.readAllBytes(segment);
        assertThat((long)complete.length).isGreaterThan(validSize + JournalFrameDescriptor.MIN_FRAME_LENGTH);

        for (int cut = (int)validSize + 1; cut < complete.length; cut++)
        {
            Files.write(segment, Arrays.copyOf(complete, cut));
            try (Journal journal = Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()))
            {
                assertThat(Files.size(segment)).as("recovered size after a cut at %d", cut).isEqualTo(validSize);
                JournalRecords.dismiss(journal.newProxy(), 0, 0, 1, 0, 999, "after");
            }
            assertThat(iids(RecordSnapshot.readAll(dir))).as("records after a cut at %d", cut).isEqualTo(expectedIids(RECORDS, 999));
        }
    }

    @Test
    void shouldTruncateGarbageOrZerosAfterTheLastRecord() throws Exception
    {
        write(0, RECORDS);
        final Path segment = SegmentFiles.path(dir, 0);
        final long validSize = Files.size(segment);
        final SplittableRandom random = new SplittableRandom(3);
        final List<byte[]> tails = new ArrayList<>();
        tails.add(new byte[4096]);
        final byte[] garbage = new byte[777];
        for (int i = 0; i < garbage.length; i++)
        {
            garbage[i] = (byte)random.nextInt(256);
        }
        tails.add(garbage);
        // A plausible header (length 100, a known type) with a payload whose CRC is wrong.
        final byte[] plausible = new byte[100];
        plausible[0] = 100;
        plausible[4] = (byte)JournalRecordType.DISMISS.code();
        tails.add(plausible);

        int iid = 1000;
        for (final byte[] tail : tails)
        {
            Files.write(segment, tail, StandardOpenOption.APPEND);
            try (Journal journal = Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()))
            {
                assertThat(Files.size(segment)).isEqualTo(validSize);
                JournalRecords.dismiss(journal.newProxy(), 0, 0, 1, 0, iid, "after");
            }
            assertThat(iids(RecordSnapshot.readAll(dir))).isEqualTo(expectedIids(RECORDS, iid));
            // Forget the appended record again for the next tail.
            try (var channel = java.nio.channels.FileChannel.open(segment, StandardOpenOption.WRITE))
            {
                channel.truncate(validSize);
            }
            iid++;
        }
    }

    @Test
    void shouldLeaveEarlierSegmentsAloneAndRecoverOnlyTheLast() throws Exception
    {
        final JournalConfiguration small = JournalTesting.configuration(FsyncPolicy.NEVER, 1000, 64 * 1024);
        try (Journal journal = Journal.open(dir, small, new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            for (int i = 0; i < 40; i++)
            {
                JournalRecords.dismiss(proxy, i, 0, 1, 0, i, "question-" + i);
            }
        }
        final long[] indexes = SegmentFiles.list(dir);
        assertThat(indexes.length).isGreaterThan(2);
        final Path first = SegmentFiles.path(dir, 0);
        final byte[] firstBytes = Files.readAllBytes(first);
        firstBytes[firstBytes.length / 2] ^= 0x10;
        Files.write(first, firstBytes);
        Files.write(SegmentFiles.path(dir, indexes[indexes.length - 1]), new byte[10], StandardOpenOption.APPEND);

        Journal.open(dir, small, new RecordingJournalMetrics()).close();
        assertThat(Files.readAllBytes(first)).as("an earlier segment is never rewritten").isEqualTo(firstBytes);
        assertThat(Files.size(SegmentFiles.path(dir, indexes[indexes.length - 1]))).isLessThanOrEqualTo(1000);
    }

    private void write(final int firstIid, final int count) throws IOException
    {
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            for (int i = firstIid; i < firstIid + count; i++)
            {
                JournalRecords.dismiss(proxy, i, 0, 1, 0, i, "question-" + i);
            }
        }
    }

    private static List<Integer> iids(final List<RecordSnapshot> records)
    {
        return records.stream().map(RecordSnapshot::iid).toList();
    }

    private static List<Integer> expectedIids(final int count, final int last)
    {
        final List<Integer> iids = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            iids.add(i);
        }
        iids.add(last);
        return iids;
    }
}
