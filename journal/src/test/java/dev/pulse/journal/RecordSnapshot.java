package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/** A heap copy of a journal record, for assertions; and reading a whole journal into a list of them. */
record RecordSnapshot(JournalRecordType type, long timestampMs, long sidHi, long sidLo, long catalogVersion, long value, int iid,
    int code, List<String> strings, String json)
{
    static RecordSnapshot of(final JournalRecordFlyweight record)
    {
        final List<String> strings = new ArrayList<>();
        for (int i = 0; i < record.stringCount(); i++)
        {
            strings.add(record.string(i));
        }
        final StringBuilder json = new StringBuilder();
        JournalPrinter.appendJson(record, json);
        return new RecordSnapshot(record.type(), record.timestampMs(), record.sidHi(), record.sidLo(), record.catalogVersion(),
            record.value(), record.iid(), record.code(), List.copyOf(strings), json.toString());
    }

    /** The records of segment {@code index} alone, read with the upkeep's scanner. */
    static List<RecordSnapshot> readSegment(final Path dir, final long index) throws IOException
    {
        final List<RecordSnapshot> records = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(SegmentFiles.path(dir, index), StandardOpenOption.READ))
        {
            new SegmentScanner().scan(channel, 0, channel.size(), (buffer, offset, length, record) -> records.add(of(record)));
        }
        return records;
    }

    static List<RecordSnapshot> readAll(final Path dir) throws IOException
    {
        final List<RecordSnapshot> records = new ArrayList<>();
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(dir))
        {
            while (reader.next(record))
            {
                records.add(of(record));
            }
        }
        return records;
    }

    /** Sets each segment's file time to its newest record's, as if written then: retention goes by both. */
    static void stampSegmentsWithTheirNewestRecord(final Path dir) throws IOException
    {
        for (final long index : SegmentFiles.list(dir))
        {
            final List<RecordSnapshot> records = readSegment(dir, index);
            Files.setLastModifiedTime(SegmentFiles.path(dir, index), FileTime.fromMillis(records.get(records.size() - 1).timestampMs()));
        }
    }
}
