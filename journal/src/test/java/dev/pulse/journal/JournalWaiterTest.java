package dev.pulse.journal;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


import static dev.pulse.journal.JournalTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalWaiterTest
{
    /** Runs the task on the journal thread, as a test stand-in for an event loop. */
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;

    @Test
    void shouldRunTheArmedTaskAfterTheRecordIsWrittenNotBefore() throws Exception
    {
        final CountDownLatch slowDisk = new CountDownLatch(1);
        try (Journal journal = openWithTheDiskHeldBy(slowDisk))
        {
            final JournalProxy proxy = journal.newProxy();
            final AtomicLong writtenWhenRun = new AtomicLong(-1);
            final AtomicInteger runs = new AtomicInteger();
            final JournalWaiter waiter = journal.newWaiter(DIRECT, () ->
            {
                writtenWhenRun.set(journal.writtenPosition());
                runs.incrementAndGet();
            });

            assertThat(JournalRecords.questionShown(proxy, 1, 2, 3, 4, 5, "t", "q", "v", null, "cart")).isTrue();
            waiter.arm();
            Thread.sleep(200);
            assertThat(runs.get()).as("the write is still in progress").isZero();
            assertThat(waiter.armed()).isTrue();

            slowDisk.countDown();
            await(() -> runs.get() == 1, "the task to run");
            assertThat(writtenWhenRun.get()).isGreaterThanOrEqualTo(proxy.lastPosition());
            assertThat(waiter.armed()).isFalse();
            Thread.sleep(50);
            assertThat(runs.get()).as("once per arm").isEqualTo(1);
        }
    }

    @Test
    void shouldFireOncePerArmEvenWhenEverythingIsAlreadyWritten() throws Exception
    {
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()))
        {
            final AtomicInteger runs = new AtomicInteger();
            final JournalWaiter waiter = journal.newWaiter(DIRECT, runs::incrementAndGet);
            final JournalProxy proxy = journal.newProxy();
            for (int arm = 1; arm <= 3; arm++)
            {
                JournalRecords.dismiss(proxy, arm, 1, 2, 3, arm, "q");
                JournalTesting.awaitWritten(journal, proxy);
                waiter.arm();
                final int expected = arm;
                await(() -> runs.get() == expected, "arm " + arm + " to fire");
            }
            Thread.sleep(50);
            assertThat(runs.get()).isEqualTo(3);
        }
    }

    @Test
    void shouldRunOnceWhenArmedAgainBeforeTheTaskRuns() throws Exception
    {
        // The disk is held, so both arms surely come before the journal thread can fire: arming
        // twice on an already written record would race the firing and may run twice, by design.
        final CountDownLatch slowDisk = new CountDownLatch(1);
        try (Journal journal = openWithTheDiskHeldBy(slowDisk))
        {
            final JournalProxy proxy = journal.newProxy();
            final AtomicInteger runs = new AtomicInteger();
            final JournalWaiter waiter = journal.newWaiter(DIRECT, runs::incrementAndGet);

            assertThat(JournalRecords.questionShown(proxy, 1, 2, 3, 4, 5, "t", "q", "v", null, "cart")).isTrue();
            waiter.arm();
            assertThat(JournalRecords.questionShown(proxy, 1, 2, 3, 4, 6, "t", "q", "v", null, "cart")).isTrue();
            waiter.arm();
            slowDisk.countDown();

            await(() -> runs.get() == 1, "the task to run");
            Thread.sleep(50);
            assertThat(runs.get()).as("once for both arms").isEqualTo(1);
            assertThat(journal.writtenPosition()).isGreaterThanOrEqualTo(proxy.lastPosition());
        }
    }

    /** A journal whose writes wait until {@code gate} opens. */
    private Journal openWithTheDiskHeldBy(final CountDownLatch gate) throws Exception
    {
        final FaultySegmentStore store = new FaultySegmentStore(dir);
        store.writeGate = gate;
        return JournalTesting.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics(), store, 5_000);
    }

    @Test
    void shouldKeepWritingWhenAnExecutorRejectsItsTask() throws Exception
    {
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(), new RecordingJournalMetrics()))
        {
            final JournalWaiter rejecting = journal.newWaiter(task ->
            {
                throw new java.util.concurrent.RejectedExecutionException("event loop shut down");
            }, () -> { });
            rejecting.arm();
            final JournalProxy proxy = journal.newProxy();
            JournalRecords.dismiss(proxy, 1, 1, 2, 3, 1, "q");
            JournalTesting.awaitWritten(journal, proxy);
            assertThat(journal.healthy()).isTrue();
        }
        assertThat(RecordSnapshot.readAll(dir)).hasSize(1);
    }
}
