package dev.pulse.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Real segment files with switchable faults: a write that stops half way with "No space left on
 * device", a failing force, a failing open, and a write that blocks (a slow disk). Counts writes
 * and forces, and notes {@link #writtenPositionAtLastForce()} when given the journal's position.
 */
final class FaultySegmentStore implements SegmentStore
{
    private final FileSegmentStore files;
    final AtomicInteger writeAttempts = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger forces = new AtomicInteger();
    final AtomicInteger failedWrites = new AtomicInteger();
    volatile boolean failWrites;
    volatile boolean failForce;
    volatile boolean failOpen;
    volatile CountDownLatch writeGate;
    volatile LongSupplier writtenPosition = () -> -1;
    private volatile long writtenPositionAtLastForce = -1;

    FaultySegmentStore(final Path dir)
    {
        files = new FileSegmentStore(dir, false);
    }

    long writtenPositionAtLastForce()
    {
        return writtenPositionAtLastForce;
    }

    @Override
    public SegmentFile open(final long index) throws IOException
    {
        if (failOpen)
        {
            throw new IOException("Read-only file system (injected)");
        }
        final SegmentFile file = files.open(index);
        return new SegmentFile()
        {
            @Override
            public void write(final ByteBuffer source, final long filePosition) throws IOException
            {
                writeAttempts.incrementAndGet();
                awaitGate();
                if (failWrites)
                {
                    failedWrites.incrementAndGet();
                    // Disk full part way: half the batch reaches the file, then the error.
                    final int limit = source.limit();
                    source.limit(source.position() + source.remaining() / 2);
                    file.write(source, filePosition);
                    source.limit(limit);
                    throw new IOException("No space left on device (injected)");
                }
                file.write(source, filePosition);
                writes.incrementAndGet();
            }

            @Override
            public void force() throws IOException
            {
                if (failForce)
                {
                    throw new IOException("Input/output error (injected)");
                }
                writtenPositionAtLastForce = writtenPosition.getAsLong();
                file.force();
                forces.incrementAndGet();
            }

            @Override
            public void truncate(final long size) throws IOException
            {
                file.truncate(size);
            }

            @Override
            public void close() throws IOException
            {
                file.close();
            }
        };
    }

    private void awaitGate() throws IOException
    {
        final CountDownLatch gate = writeGate;
        if (gate != null)
        {
            try
            {
                if (!gate.await(30, TimeUnit.SECONDS))
                {
                    throw new IOException("test gate never opened");
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IOException(ex);
            }
        }
    }
}
