package dev.pulse.journal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


import static org.assertj.core.api.Assertions.assertThat;

/** Several producer threads on one ring: every record written once, each thread's in its own order. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalConcurrencyTest
{
    private static final int THREADS = 4;
    private static final int RECORDS_PER_THREAD = 25_000;

    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryRecordOfEveryProducerOnceAndInProducerOrder() throws Exception
    {
        // A small ring and small segments: producers find it full, it wraps, segments roll.
        final JournalConfiguration configuration = JournalTesting.configuration(FsyncPolicy.NEVER, 256 * 1024, 64 * 1024);
        final RecordingJournalMetrics metrics = new RecordingJournalMetrics();
        final CountDownLatch start = new CountDownLatch(1);
        try (Journal journal = Journal.open(dir, configuration, metrics))
        {
            final Thread[] producers = new Thread[THREADS];
            for (int t = 0; t < THREADS; t++)
            {
                final JournalProxy proxy = journal.newProxy();
                final long producer = t;
                producers[t] = new Thread(() ->
                {
                    awaitQuietly(start);
                    for (int i = 0; i < RECORDS_PER_THREAD; i++)
                    {
                        // Retry a full ring: the point here is that nothing accepted is lost.
                        while (!JournalRecords.answer(proxy, i, producer, i, 0, i, "question-" + producer, "choice-" + i))
                        {
                            Thread.yield();
                        }
                    }
                }, "producer-" + t);
                producers[t].start();
            }
            start.countDown();
            for (final Thread producer : producers)
            {
                producer.join();
            }
        }

        final List<RecordSnapshot> records = RecordSnapshot.readAll(dir);
        assertThat(records).hasSize(THREADS * RECORDS_PER_THREAD);
        final int[] nextByProducer = new int[THREADS];
        for (final RecordSnapshot record : records)
        {
            final int producer = (int)record.sidHi();
            assertThat(record.sidLo()).as("producer %d's next record", producer).isEqualTo(nextByProducer[producer]);
            assertThat(record.strings()).containsExactly("question-" + producer, "choice-" + record.sidLo());
            nextByProducer[producer]++;
        }
        assertThat(nextByProducer).containsOnly(RECORDS_PER_THREAD);
        assertThat(JournalTesting.metric(metrics, "pulse_journal_written_bytes_total")).isPositive();
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
