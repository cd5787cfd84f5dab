package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;


/**
 * A full or read-only disk under a real server's journal: the {@link JournalOpener} an end-to-end
 * test hands {@code PulseServer.start}, switched on and off while the server runs. Failed writes are
 * retried every 20 ms; a held write blocks, and closing the journal gives up after 5 s.
 */
public final class DiskFaults implements JournalOpener
{
    private volatile FaultySegmentStore store;

    @Override
    public Journal open(final Path dir, final JournalConfiguration configuration, final JournalMetrics metrics) throws IOException
    {
        final FaultySegmentStore faulty = new FaultySegmentStore(dir);
        store = faulty;
        return JournalTesting.open(dir, configuration, metrics, faulty, 5_000);
    }

    /** Writes stop half way with "No space left on device". */
    public void diskFull(final boolean full)
    {
        store.failWrites = full;
    }

    /** Writes, forces and new segments all fail, as on a file system remounted read-only. */
    public void readOnly(final boolean readOnly)
    {
        store.failWrites = readOnly;
        store.failForce = readOnly;
        store.failOpen = readOnly;
    }

    /**
     * Holds every journal write until {@code gate} opens (a slow disk: the journal thread blocks in
     * its write, records wait in the ring); null lets writes through again.
     */
    public void holdWrites(final CountDownLatch gate)
    {
        store.writeGate = gate;
    }

    /** Write attempts so far, failed or not. */
    public int writeAttempts()
    {
        return store.writeAttempts.get();
    }

    /** Every write blocks until {@link #releaseWrites()} (or 30 s): a disk that hangs. */
    public void holdWrites()
    {
        store.writeGate = new CountDownLatch(1);
    }

    public void releaseWrites()
    {
        final CountDownLatch gate = store.writeGate;
        store.writeGate = null;
        if (gate != null)
        {
            gate.countDown();
        }
    }

    /** Write attempts that failed so far. */
    public int failedWrites()
    {
        return store.failedWrites.get();
    }
}
