package dev.pulse.journal;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static dev.pulse.journal.JournalTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal thread's idle sleep is an hour here, so only its doorbell can end it: each test
 * fails (times out) if a producer, a waiter or close does not wake it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalSleepTest
{
    private static final long HOUR_NS = TimeUnit.HOURS.toNanos(1);

    @TempDir
    Path dir;

    private Journal openSleepy(final JournalConfiguration configuration) throws Exception
    {
        return Journal.open(dir, configuration, new RecordingJournalMetrics(), new FaultySegmentStore(dir), new SystemNanoClock(),
            TimeUnit.MILLISECONDS.toNanos(20), TimeUnit.SECONDS.toNanos(10), HOUR_NS);
    }

    @Test
    void shouldWriteARecordCommittedWhileTheThreadSleeps() throws Exception
    {
        try (Journal journal = openSleepy(JournalTesting.configuration()))
        {
            final JournalProxy proxy = journal.newProxy();
            await(journal::sleeping, "the idle journal to sleep");

            assertThat(JournalRecords.dismiss(proxy, 1, 1, 2, 3, 1, "q")).isTrue();

            JournalTesting.awaitWritten(journal, proxy);
        }
        assertThat(RecordSnapshot.readAll(dir)).hasSize(1);
    }

    @Test
    void shouldWriteAMessagesRecordsPublishedWhileTheThreadSleeps() throws Exception
    {
        try (Journal journal = openSleepy(JournalTesting.configuration()))
        {
            final JournalProxy proxy = journal.newProxy();
            await(journal::sleeping, "the idle journal to sleep");

            proxy.beginMessage(7);
            assertThat(JournalRecords.dismiss(proxy, 1, 1, 2, 3, 1, "q")).isTrue();
            assertThat(JournalRecords.dismiss(proxy, 2, 1, 2, 3, 2, "q")).isTrue();
            assertThat(proxy.endMessage()).isTrue();

            JournalTesting.awaitWritten(journal, proxy);
        }
        assertThat(RecordSnapshot.readAll(dir)).hasSize(2);
    }

    @Test
    void shouldFireAWaiterArmedWithoutWakingWhileTheThreadSleeps() throws Exception
    {
        try (Journal journal = openSleepy(JournalTesting.configuration()))
        {
            final AtomicInteger runs = new AtomicInteger();
            final JournalWaiter waiter = journal.newWaiter(Runnable::run, runs::incrementAndGet);
            await(journal::sleeping, "the idle journal to sleep");

            waiter.arm(false);

            await(() -> runs.get() == 1, "the ack's task to run");
        }
    }

    @Test
    void shouldForceUnderIntervalBeforeItSleeps() throws Exception
    {
        final RecordingJournalMetrics metrics = new RecordingJournalMetrics();
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(FsyncPolicy.INTERVAL, 1 << 20, 1 << 20), metrics,
            new FaultySegmentStore(dir), new SystemNanoClock(), TimeUnit.MILLISECONDS.toNanos(20), TimeUnit.SECONDS.toNanos(10), HOUR_NS))
        {
            final JournalProxy proxy = journal.newProxy();
            assertThat(JournalRecords.dismiss(proxy, 1, 1, 2, 3, 1, "q")).isTrue();
            JournalTesting.awaitWritten(journal, proxy);

            await(journal::sleeping, "the journal to sleep once the write is forced");

            assertThat(metrics.fsyncs()).as("forced before sleeping").isEqualTo(1);
        }
    }

    @Test
    void shouldCloseCleanlyWhileTheThreadSleeps() throws Exception
    {
        final Journal journal = openSleepy(JournalTesting.configuration());
        final JournalProxy proxy = journal.newProxy();
        assertThat(JournalRecords.dismiss(proxy, 1, 1, 2, 3, 1, "q")).isTrue();
        JournalTesting.awaitWritten(journal, proxy);
        await(journal::sleeping, "the idle journal to sleep");

        journal.close();

        assertThat(journal.closedCleanly()).isTrue();
    }
}
