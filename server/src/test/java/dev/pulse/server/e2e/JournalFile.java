package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pulse.journal.JournalPrinter;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;

/** A stopped test server's journal, read back as the JSON lines {@code pulse journal} prints. */
final class JournalFile
{
    private JournalFile()
    {
    }

    /** Every record of {@code type} in the journal under {@code dataDir}, in order. */
    static List<JsonNode> records(final Path dataDir, final JournalRecordType type) throws Exception
    {
        final List<JsonNode> records = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dataDir.resolve("journal")))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                if (record.type() == type)
                {
                    final StringBuilder json = new StringBuilder();
                    JournalPrinter.appendJson(record, json);
                    records.add(TestClient.JSON.readTree(json.toString()));
                }
            }
        }
        return records;
    }
}
