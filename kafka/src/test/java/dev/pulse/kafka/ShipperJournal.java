package dev.pulse.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.JournalTail;
import dev.pulse.journal.RecordingJournalMetrics;
import dev.pulse.journal.TailPosition;

/** A small-segment journal for the shipper's tests: answers of a few sessions, and every frame on disk by record id. */
final class ShipperJournal implements AutoCloseable
{
    static final String NODE = "node-a";
    private final Journal journal;
    private final JournalProxy proxy;
    private final Path dir;

    ShipperJournal(final Path dir) throws IOException
    {
        this.dir = dir;
        this.journal = Journal.open(dir, new JournalConfiguration(FsyncPolicy.NEVER, 0, 4096, 64 * 1024, false, null),
            new RecordingJournalMetrics());
        this.proxy = journal.newProxy();
    }

    Journal journal()
    {
        return journal;
    }

    Path dir()
    {
        return dir;
    }

    /** Writes answers {@code from} to {@code from + count - 1} (iid i, session i % sessions) and waits until they are on disk. */
    void answers(final int from, final int count, final int sessions, final String choice) throws InterruptedException
    {
        for (int i = from; i < from + count; i++)
        {
            while (!proxy.record(JournalRecordType.ANSWER).timeMs(1_700_000_000_000L + i).sid(7, 1 + i % sessions).catalogVersion(1)
                .iid(i).string("q1").string(choice).commit())
            {
                Thread.sleep(1);
            }
        }
        while (journal.writtenPosition() < journal.committedPosition())
        {
            Thread.sleep(1);
        }
    }

    /** Every record on disk: its id, and its frame as on disk. */
    Map<String, byte[]> frames() throws IOException
    {
        final Map<String, byte[]> frames = new LinkedHashMap<>();
        try (JournalTail tail = JournalTail.open(dir, TailPosition.START))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (tail.poll(record))
            {
                final byte[] frame = new byte[tail.frameLength()];
                tail.frameBuffer().getBytes(tail.frameOffset(), frame);
                frames.put(NODE + "/" + tail.recordSegment() + "/" + tail.recordOffset(), frame);
            }
        }
        return frames;
    }

    /** How many records lie at or after {@code from}. */
    int recordsFrom(final TailPosition from) throws IOException
    {
        int count = 0;
        try (JournalTail tail = JournalTail.open(dir, from))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (tail.poll(record))
            {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close()
    {
        journal.close();
    }
}
