package dev.pulse.journal;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


import static dev.pulse.journal.JournalTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A full ring: producers get false and drops are counted; below a quarter free, no new questions. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalBackpressureTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReturnFalseAndCountDropsWhenTheRingIsFull() throws Exception
    {
        final AgentHarness harness = new AgentHarness(dir, JournalTesting.configuration(FsyncPolicy.NEVER, 1 << 20, 4096));
        int accepted = 0;
        int dropped = 0;
        for (int i = 0; i < 200; i++)
        {
            if (harness.record(i))
            {
                accepted++;
            }
            else
            {
                dropped++;
            }
        }
        assertThat(accepted).isPositive();
        assertThat(dropped).isPositive();
        assertThat(JournalTesting.metric(harness.metrics, "pulse_journal_dropped_records_total")).isEqualTo(dropped);

        harness.doWork();
        assertThat(harness.record(1000)).as("room again once drained").isTrue();
        harness.doWork();
        harness.agent.onClose();
        assertThat(RecordSnapshot.readAll(dir)).hasSize(accepted + 1);
    }

    @Test
    void shouldDropARecordTooLongForTheRingRatherThanFail() throws Exception
    {
        final AgentHarness harness = new AgentHarness(dir, JournalTesting.configuration(FsyncPolicy.NEVER, 1 << 20, 4096));
        final String longest = "x".repeat(1024);
        assertThat(JournalRecords.responseShown(harness.proxy, 1, 2, 3, 4, 5, longest, longest, longest, longest)).isFalse();
        assertThat(JournalTesting.metric(harness.metrics, "pulse_journal_dropped_records_total")).isEqualTo(1);
        harness.agent.onClose();
    }

    @Test
    void shouldStopAcceptingBelowAQuarterFreeWhileTheDiskIsSlow() throws Exception
    {
        final FaultySegmentStore store = new FaultySegmentStore(dir);
        final CountDownLatch slowDisk = new CountDownLatch(1);
        final int bufferBytes = 64 * 1024;
        try (Journal journal = JournalTesting.open(dir, JournalTesting.configuration(FsyncPolicy.NEVER, 1 << 20, bufferBytes),
            new RecordingJournalMetrics(), store, 5_000))
        {
            final JournalProxy proxy = journal.newProxy();
            assertThat(journal.acceptingRecords()).isTrue();
            store.writeGate = slowDisk;
            JournalRecords.dismiss(proxy, 0, 1, 2, 3, 0, "first");
            await(() -> store.writeAttempts.get() == 1, "the journal thread to block in its first write");

            int iid = 1;
            // Fill to just above three quarters used: still accepting.
            while (journal.lagBytes() < bufferBytes * 3 / 4 - 256)
            {
                assertThat(JournalRecords.dismiss(proxy, iid, 1, 2, 3, iid, "question-" + iid)).isTrue();
                iid++;
            }
            assertThat(journal.acceptingRecords()).isTrue();
            while (journal.lagBytes() < bufferBytes * 3 / 4 + 256)
            {
                assertThat(JournalRecords.dismiss(proxy, iid, 1, 2, 3, iid, "question-" + iid)).isTrue();
                iid++;
            }
            assertThat(journal.healthy()).as("slow is not failing").isTrue();
            assertThat(journal.acceptingRecords()).as("less than a quarter free").isFalse();

            slowDisk.countDown();
            JournalTesting.awaitWritten(journal, proxy);
            assertThat(journal.acceptingRecords()).isTrue();
        }
    }
}
