package dev.pulse.journal;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalLifecycleTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDrainEverythingCommittedBeforeClose() throws Exception
    {
        final int records = 50_000;
        final Journal journal = Journal.open(dir, JournalTesting.configuration(FsyncPolicy.INTERVAL, 1 << 20, 8 << 20), new RecordingJournalMetrics());
        final JournalProxy proxy = journal.newProxy();
        for (int i = 0; i < records; i++)
        {
            assertThat(JournalRecords.answer(proxy, i, 1, i, 3, i, "question", "choice")).isTrue();
        }
        journal.close();
        assertThat(RecordSnapshot.readAll(dir)).hasSize(records);
    }

    @Test
    void shouldBeIdempotentAndRefuseRecordsAfterwards() throws Exception
    {
        final RecordingJournalMetrics metrics = new RecordingJournalMetrics();
        final Journal journal = Journal.open(dir, JournalTesting.configuration(), metrics);
        final JournalProxy proxy = journal.newProxy();
        JournalRecords.dismiss(proxy, 1, 1, 2, 3, 1, "q");
        journal.close();
        journal.close();
        assertThat(JournalRecords.dismiss(proxy, 2, 1, 2, 3, 2, "q")).isFalse();
        assertThat(journal.acceptingRecords()).isFalse();
        assertThat(JournalTesting.metric(metrics, "pulse_journal_dropped_records_total")).isEqualTo(1);
        assertThat(RecordSnapshot.readAll(dir)).hasSize(1);
        assertThat(Thread.getAllStackTraces().keySet()).as("the journal thread has stopped")
            .noneMatch(thread -> thread.getName().equals("pulse-journal") && thread.isAlive());
    }

    @Test
    void shouldGiveUpAfterTheCloseTimeoutWhenTheDiskKeepsFailing() throws Exception
    {
        final FaultySegmentStore store = new FaultySegmentStore(dir);
        final Journal journal = JournalTesting.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics(), store, 300);
        store.failWrites = true;
        JournalRecords.dismiss(journal.newProxy(), 1, 1, 2, 3, 1, "q");
        JournalTesting.await(() -> !journal.healthy(), "the failure");

        final long startNs = System.nanoTime();
        journal.close();
        final long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
        assertThat(tookMs).isBetween(250L, 5_000L);
        assertThat(journal.lagBytes()).isPositive();
    }

    @Test
    void shouldReturnFromCloseWhenTheJournalThreadIsStuckInAWrite() throws Exception
    {
        final FaultySegmentStore store = new FaultySegmentStore(dir);
        final Journal journal = JournalTesting.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics(), store, 300);
        final java.util.concurrent.CountDownLatch hungDisk = new java.util.concurrent.CountDownLatch(1);
        store.writeGate = hungDisk;
        JournalRecords.dismiss(journal.newProxy(), 1, 1, 2, 3, 1, "q");
        JournalTesting.await(() -> store.writeAttempts.get() == 1, "the write to hang");

        final long startNs = System.nanoTime();
        journal.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs)).as("300 ms to drain, then 1 s to stop").isBetween(1_000L, 5_000L);

        hungDisk.countDown();
        JournalTesting.await(() -> Thread.getAllStackTraces().keySet().stream()
            .noneMatch(thread -> thread.getName().equals("pulse-journal") && thread.isAlive()), "the journal thread to finish after all");
        assertThat(RecordSnapshot.readAll(dir)).hasSize(1);
    }

    @Test
    void shouldRefuseASecondJournalOnTheSameDirectoryUntilTheFirstCloses() throws Exception
    {
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()))
        {
            assertThatThrownBy(() -> Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("already open");
            assertThat(journal.healthy()).isTrue();
        }
        Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()).close();
    }

    @Test
    void shouldReportLagAndHealthAsGaugesAndBytesWrittenAsACounter() throws Exception
    {
        final RecordingJournalMetrics metrics = new RecordingJournalMetrics();
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(), metrics))
        {
            final JournalProxy proxy = journal.newProxy();
            JournalRecords.dismiss(proxy, 1, 1, 2, 3, 1, "q");
            JournalTesting.awaitWritten(journal, proxy);
            assertThat(JournalTesting.metric(metrics, "pulse_journal_lag_bytes")).isZero();
            assertThat(JournalTesting.metric(metrics, "pulse_journal_healthy")).isEqualTo(1);
            assertThat(JournalTesting.metric(metrics, "pulse_journal_written_bytes_total")).isEqualTo(java.nio.file.Files.size(SegmentFiles.path(dir, 0)));
            // A _total only ever grows: typed gauge, rate() and increase() would not treat a restart as a reset.
            assertThat(metrics.kind("pulse_journal_written_bytes_total")).isEqualTo(RecordingJournalMetrics.Kind.COUNTER);
            assertThat(metrics.kind("pulse_journal_lag_bytes")).isEqualTo(RecordingJournalMetrics.Kind.GAUGE);
            assertThat(metrics.kind("pulse_journal_healthy")).isEqualTo(RecordingJournalMetrics.Kind.GAUGE);
        }
    }
}
