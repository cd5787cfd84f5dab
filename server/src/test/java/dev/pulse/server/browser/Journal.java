package dev.pulse.server.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pulse.journal.JournalPrinter;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;

/** The journal of a running test server, as JSON lines (records reach the file within milliseconds). */
public final class Journal
{
    private Journal()
    {
    }

    public static List<String> lines(final Path dataDir)
    {
        final List<String> lines = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dataDir.resolve("journal")))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                final StringBuilder json = new StringBuilder();
                JournalPrinter.appendJson(record, json);
                lines.add(json.toString());
            }
        }
        catch (final java.io.IOException ex)
        {
            throw new IllegalStateException(ex);
        }
        return lines;
    }
}
