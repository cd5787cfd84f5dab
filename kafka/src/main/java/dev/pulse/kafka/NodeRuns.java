package dev.pulse.kafka;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.pulse.journal.FrameAppender;

/**
 * One node's records as read from the topic, put back in the node's journal order with duplicates
 * dropped, without holding them in memory. A node's records reach one partition in the order it
 * shipped them, which is its journal order (the record id's segment, then offset) except where a
 * resend starts over from an older position. So each partition's records are appended to a run
 * file while their ids increase, and a new run starts where one does not: the runs are sorted, and
 * few (partitions times resends). {@link #writeJournal} merges them by id into a journal directory,
 * writing each id once.
 *
 * <p>Cost: disk, the frames once more plus 20 bytes each, deleted once merged; memory, a 64 KiB buffer per run
 * being written or merged. Not thread-safe.
 */
final class NodeRuns
{
    private static final int BUFFER_BYTES = 64 << 10;

    private final Path dir;
    private final List<Path> runs = new ArrayList<>();
    private final Map<Integer, Run> openByPartition = new HashMap<>();

    /** @param dir where this node's run files go (created). */
    NodeRuns(final Path dir) throws IOException
    {
        this.dir = Files.createDirectories(dir);
    }

    /** A record of this node from {@code partition}: its place in the node's journal and its (valid) frame. */
    void add(final int partition, final long segment, final long offset, final byte[] frame) throws IOException
    {
        Run run = openByPartition.get(partition);
        if (run != null && compare(segment, offset, run.lastSegment, run.lastOffset) <= 0)
        {
            // A resend from an older position: the ids start over, so a new sorted run does too.
            run.out.close();
            run = null;
        }
        if (run == null)
        {
            final Path path = dir.resolve("run-" + runs.size());
            runs.add(path);
            run = new Run(new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER_BYTES)));
            openByPartition.put(partition, run);
        }
        run.out.writeLong(segment);
        run.out.writeLong(offset);
        run.out.writeInt(frame.length);
        run.out.write(frame);
        run.lastSegment = segment;
        run.lastOffset = offset;
    }

    /**
     * Writes the node's records, each id once, in id order into a journal in {@code journalDir};
     * deletes the runs. Returns how many duplicates were dropped.
     */
    long writeJournal(final Path journalDir, final long segmentBytes) throws IOException
    {
        for (final Run run : openByPartition.values())
        {
            run.out.close();
        }
        openByPartition.clear();
        final List<RunReader> readers = new ArrayList<>(runs.size());
        long duplicates = 0;
        try (FrameAppender journal = new FrameAppender(journalDir, segmentBytes))
        {
            for (final Path run : runs)
            {
                final RunReader reader = new RunReader(run);
                readers.add(reader);
                reader.advance();
            }
            long lastSegment = -1;
            long lastOffset = -1;
            while (true)
            {
                RunReader least = null;
                for (final RunReader reader : readers)
                {
                    if (reader.has && (least == null || compare(reader.segment, reader.offset, least.segment, least.offset) < 0))
                    {
                        least = reader;
                    }
                }
                if (least == null)
                {
                    break;
                }
                if (least.segment == lastSegment && least.offset == lastOffset)
                {
                    duplicates++;
                }
                else
                {
                    journal.append(least.frame, 0, least.length);
                    lastSegment = least.segment;
                    lastOffset = least.offset;
                }
                least.advance();
            }
        }
        finally
        {
            for (final RunReader reader : readers)
            {
                reader.in.close();
            }
            for (final Path run : runs)
            {
                Files.deleteIfExists(run);
            }
        }
        return duplicates;
    }

    private static int compare(final long segment, final long offset, final long otherSegment, final long otherOffset)
    {
        final int bySegment = Long.compare(segment, otherSegment);
        return bySegment != 0 ? bySegment : Long.compare(offset, otherOffset);
    }

    /** The run a partition is appending to, and the id it appended last. */
    private static final class Run
    {
        final DataOutputStream out;
        long lastSegment;
        long lastOffset;

        Run(final DataOutputStream out)
        {
            this.out = out;
        }
    }

    /** A run being merged: its next record. */
    private static final class RunReader
    {
        final DataInputStream in;
        boolean has;
        long segment;
        long offset;
        int length;
        byte[] frame = new byte[256];

        RunReader(final Path path) throws IOException
        {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER_BYTES));
        }

        void advance() throws IOException
        {
            try
            {
                segment = in.readLong();
            }
            catch (final EOFException end)
            {
                has = false;
                return;
            }
            offset = in.readLong();
            length = in.readInt();
            if (frame.length < length)
            {
                frame = new byte[Integer.highestOneBit(length) << 1];
            }
            in.readFully(frame, 0, length);
            has = true;
        }
    }
}
