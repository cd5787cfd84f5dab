package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.agrona.concurrent.SystemNanoClock;


/** Shared set-up of journal tests. */
final class JournalTesting
{
    static final byte[] KEY = new byte[JournalConfiguration.SEARCH_HASH_KEY_LENGTH];

    static
    {
        for (int i = 0; i < KEY.length; i++)
        {
            KEY[i] = (byte)(i * 7 + 1);
        }
    }

    private JournalTesting()
    {
    }

    static JournalConfiguration configuration(final FsyncPolicy policy, final long segmentBytes, final int bufferBytes)
    {
        return new JournalConfiguration(policy, 100, segmentBytes, bufferBytes, false, KEY);
    }

    static JournalConfiguration configuration()
    {
        return configuration(FsyncPolicy.NEVER, 1 << 20, 1 << 20);
    }

    /** A journal over a fault-injecting store, retrying failed writes every 20 ms. */
    static Journal open(final Path dir, final JournalConfiguration configuration, final JournalMetrics metrics, final FaultySegmentStore store,
        final long closeTimeoutMs) throws IOException
    {
        return Journal.open(dir, configuration, metrics, store, new SystemNanoClock(), TimeUnit.MILLISECONDS.toNanos(20),
            TimeUnit.MILLISECONDS.toNanos(closeTimeoutMs));
    }

    static void await(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(200_000);
        }
    }

    static void awaitWritten(final Journal journal, final JournalProxy proxy)
    {
        await(() -> journal.writtenPosition() >= proxy.lastPosition(), "records to be written");
    }

    /** The value of a metric, by the name the server exports it under. */
    static long metric(final RecordingJournalMetrics metrics, final String name)
    {
        return metrics.value(name);
    }
}
