package dev.pulse.journal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


import static dev.pulse.journal.JournalTesting.await;
import static dev.pulse.journal.JournalTesting.awaitWritten;
import static org.assertj.core.api.Assertions.assertThat;

/** Faults injected through the I/O seam: unhealthy while they last, then every waiting record written once, in order. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalDiskFailureTest
{
    @TempDir
    Path dir;

    @Test
    void shouldHoldRecordsInTheRingWhileTheDiskIsFullAndWriteThemInOrderAfterwards() throws Exception
    {
        final RecordingJournalMetrics metrics = new RecordingJournalMetrics();
        final FaultySegmentStore store = new FaultySegmentStore(dir);
        int accepted = 0;
        int dropped = 0;
        try (Journal journal = JournalTesting.open(dir, JournalTesting.configuration(FsyncPolicy.INTERVAL, 1 << 20, 64 * 1024),
            metrics, store, 5_000))
        {
            final JournalProxy proxy = journal.newProxy();
            for (; accepted < 10; accepted++)
            {
                assertThat(record(proxy, accepted)).isTrue();
            }
            awaitWritten(journal, proxy);
            assertThat(JournalTesting.metric(metrics, "pulse_journal_healthy")).isEqualTo(1);

            store.failWrites = true;
            assertThat(record(proxy, accepted++)).isTrue();
            await(() -> !journal.healthy(), "the journal to notice the failure");
            assertThat(journal.acceptingRecords()).isFalse();
            assertThat(JournalTesting.metric(metrics, "pulse_journal_healthy")).isZero();
            // Producers keep going: records wait in the ring until it is full, then are dropped and counted.
            while (dropped < 5)
            {
                if (record(proxy, accepted))
                {
                    accepted++;
                }
                else
                {
                    dropped++;
                }
            }
            assertThat(journal.lagBytes()).isGreaterThan(64 * 1024 * 3 / 4);
            assertThat(JournalTesting.metric(metrics, "pulse_journal_dropped_records_total")).isEqualTo(dropped);
            final int failuresSoFar = store.failedWrites.get();
            await(() -> store.failedWrites.get() >= failuresSoFar + 2, "the journal to retry by itself");
            assertThat(journal.healthy()).isFalse();

            store.failWrites = false;
            await(journal::healthy, "the journal to be healthy again");
            awaitWritten(journal, proxy);
            assertThat(journal.lagBytes()).isZero();
            assertThat(journal.acceptingRecords()).isTrue();
        }
        final List<RecordSnapshot> records = RecordSnapshot.readAll(dir);
        assertThat(records).extracting(RecordSnapshot::iid).containsExactlyElementsOf(IntStream.range(0, accepted).boxed().toList());
    }

    @Test
    void shouldWriteTheBatchAgainOnceWhenForcingFailsUnderAlways() throws Exception
    {
        final FaultySegmentStore store = new FaultySegmentStore(dir);
        try (Journal journal = JournalTesting.open(dir, JournalTesting.configuration(FsyncPolicy.ALWAYS, 1 << 20, 64 * 1024),
            new RecordingJournalMetrics(), store, 5_000))
        {
            final JournalProxy proxy = journal.newProxy();
            record(proxy, 0);
            awaitWritten(journal, proxy);

            store.failForce = true;
            for (int i = 1; i <= 20; i++)
            {
                record(proxy, i);
            }
            await(() -> !journal.healthy(), "the journal to notice the failure");
            Thread.sleep(100);
            assertThat(journal.writtenPosition()).as("nothing unforced counts as written under ALWAYS").isLessThan(proxy.lastPosition());

            store.failForce = false;
            await(journal::healthy, "the journal to be healthy again");
            awaitWritten(journal, proxy);
        }
        assertThat(RecordSnapshot.readAll(dir)).extracting(RecordSnapshot::iid).containsExactlyElementsOf(IntStream.rangeClosed(0, 20).boxed().toList());
    }

    @Test
    void shouldRetryASegmentRollThatCouldNotCreateTheFile() throws Exception
    {
        final FaultySegmentStore store = new FaultySegmentStore(dir);
        try (Journal journal = JournalTesting.open(dir, JournalTesting.configuration(FsyncPolicy.NEVER, 1000, 64 * 1024),
            new RecordingJournalMetrics(), store, 5_000))
        {
            final JournalProxy proxy = journal.newProxy();
            store.failOpen = true;
            for (int i = 0; i < 40; i++)
            {
                record(proxy, i);
            }
            await(() -> !journal.healthy(), "the roll to fail");
            assertThat(SegmentFiles.list(dir)).containsExactly(0);

            store.failOpen = false;
            await(journal::healthy, "the journal to be healthy again");
            awaitWritten(journal, proxy);
        }
        assertThat(SegmentFiles.list(dir).length).isGreaterThan(2);
        assertThat(RecordSnapshot.readAll(dir)).extracting(RecordSnapshot::iid).containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
    }

    private static boolean record(final JournalProxy proxy, final int iid)
    {
        return JournalRecords.dismiss(proxy, iid, 1, 2, 3, iid, "question-" + iid);
    }
}
