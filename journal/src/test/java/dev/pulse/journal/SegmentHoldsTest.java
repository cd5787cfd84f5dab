package dev.pulse.journal;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention and compaction leave a held segment, and every one after it, alone until the reader moves past it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SegmentHoldsTest
{
    private static final long SEGMENT_BYTES = 1000;
    private static final long NOW_MS = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldKeepEverySegmentFromTheLowestHoldOn() throws Exception
    {
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(FsyncPolicy.NEVER, SEGMENT_BYTES, 64 * 1024),
            new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            for (int i = 0; i < 60; i++)
            {
                Erasures.activity(proxy, NOW_MS - TimeUnit.DAYS.toMillis(30), 1, i);
            }
            JournalTesting.awaitWritten(journal, proxy);
            RecordSnapshot.stampSegmentsWithTheirNewestRecord(dir);
            final long[] segments = SegmentFiles.list(dir);
            assertThat(segments.length).isGreaterThan(3);
            final JournalUpkeep upkeep = new JournalUpkeep(journal, new JournalUpkeepConfiguration(TimeUnit.DAYS.toMillis(1), 0, 0, 60_000),
                () -> NOW_MS, CompactionProbe.NONE);

            final SegmentHold shipper = journal.holds().hold("kafka", segments[0]);
            final SegmentHold webhooks = journal.holds().hold("webhooks", segments[2]);
            upkeep.runPass();
            assertThat(SegmentFiles.list(dir)).as("the shipper holds the oldest: nothing past retention goes").isEqualTo(segments);

            shipper.advanceTo(segments[3]);
            upkeep.runPass();
            assertThat(SegmentFiles.list(dir)[0]).as("now the webhooks' hold is the lowest").isEqualTo(segments[2]);

            webhooks.close();
            shipper.close();
            assertThat(journal.holds().lowest()).isEqualTo(Long.MAX_VALUE);
            upkeep.runPass();
            assertThat(SegmentFiles.list(dir)).as("released: every sealed segment past retention goes").containsExactly(journal.activeSegmentIndex());
        }
    }
}
