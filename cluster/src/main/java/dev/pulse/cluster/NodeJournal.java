package dev.pulse.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.JournalTail;
import dev.pulse.journal.RecordId;
import dev.pulse.journal.TailPosition;

/**
 * Reads every record a node's journal holds so far, each with its {@link RecordId} (the node id and
 * the record's segment and offset, as the shipper names it), through the journal module's own
 * {@link JournalTail}: the same reader, and the same ids, as the node's shipper. A running node's
 * journal is read up to its live end.
 */
final class NodeJournal
{
    private static final String HOLDOUT = "holdout";

    private NodeJournal()
    {
    }

    /** The records of the journal in {@code dataDir}/journal, written by {@code node}. */
    static List<JournalEntry> read(final String node, final Path dataDir) throws IOException
    {
        final List<JournalEntry> entries = new ArrayList<>();
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalTail tail = JournalTail.open(dataDir.resolve("journal"), TailPosition.START))
        {
            while (tail.poll(record))
            {
                final byte[] frame = new byte[tail.frameLength()];
                tail.frameBuffer().getBytes(tail.frameOffset(), frame);
                entries.add(new JournalEntry(new RecordId(node, tail.recordSegment(), tail.recordOffset()), record.type(),
                    sid(record), record.timestampMs(), asked(record), frame));
            }
        }
        return entries;
    }

    /**
     * The question a record says the session was asked: a question shown, or a holdout's signal
     * (the governor counts a holdout against the cap and never asks its question again); "" else.
     */
    private static String asked(final JournalRecordFlyweight record)
    {
        final boolean asked = record.type() == JournalRecordType.QUESTION_SHOWN ||
            record.type() == JournalRecordType.SIGNAL && HOLDOUT.equals(record.string("verdict"));
        final String question = asked ? record.string("question") : null;
        return question == null ? "" : question;
    }

    private static String sid(final JournalRecordFlyweight record)
    {
        if (record.sidHi() == 0 && record.sidLo() == 0)
        {
            return "";
        }
        return String.format("%016x%016x", record.sidHi(), record.sidLo());
    }
}
