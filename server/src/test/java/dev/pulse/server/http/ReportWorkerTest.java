package dev.pulse.server.http;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's report worker: a thread of its own, one report at a time, none after close. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReportWorkerTest
{
    @Test
    void shouldMakeOneReportAtATimeOnItsOwnDaemonThread() throws Exception
    {
        final ReportWorker worker = ReportWorker.onOwnThread(Path.of("journal"));
        try
        {
            final CountDownLatch started = new CountDownLatch(1);
            final CountDownLatch release = new CountDownLatch(1);
            final AtomicReference<Thread> ranOn = new AtomicReference<>();
            assertThat(worker.tryStart(() ->
            {
                ranOn.set(Thread.currentThread());
                started.countDown();
                await(release);
            })).isTrue();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(worker.tryStart(() -> { })).as("a second report while the first is being made").isFalse();
            assertThat(ranOn.get().getName()).isEqualTo("pulse-report");
            assertThat(ranOn.get().isDaemon()).isTrue();
            assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());

            release.countDown();
            final CountDownLatch second = new CountDownLatch(1);
            // The worker frees itself just after the first report returns: a retry soon after is taken.
            while (!worker.tryStart(second::countDown))
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
        }
        finally
        {
            worker.close();
        }
        assertThat(worker.tryStart(() -> { })).as("closed").isFalse();
        assertThat(worker.closed()).isTrue();
    }

    private static void await(final CountDownLatch latch)
    {
        try
        {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
