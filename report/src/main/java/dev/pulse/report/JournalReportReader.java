package dev.pulse.report;

import java.io.IOException;
import java.nio.file.Path;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.journal.ErasedSessions;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;

/**
 * Reads a journal directory into a {@link Report}: a first pass collects the erased sessions
 * ({@link ErasedSessions}), the second reads every other record once, start to end; an erased
 * session's records are skipped wherever they are, so the report is the one its journal would give
 * without them. Safe on a live server's
 * journal: a record still being written ends the reading (see {@link JournalReader}). Blocks on
 * disk: never call it on an event loop.
 */
public final class JournalReportReader
{
    private JournalReportReader()
    {
    }

    /**
     * @throws dev.pulse.journal.JournalCorruptionException when the journal is damaged before its end.
     * @throws IOException when it cannot be read.
     */
    public static Report read(final Path journalDir, final ReportRange range, final long generatedAtMs) throws IOException
    {
        // The journal is the data directory's journal/; the catalog copies are its sibling catalogs/.
        final Path dataDir = journalDir.toAbsolutePath().getParent();
        final ReportAggregator aggregator = new ReportAggregator(range,
            dataDir == null ? null : new CatalogArchive(dataDir.resolve(CatalogArchive.DIRECTORY)));
        final ErasedSessions erased = ErasedSessions.read(journalDir);
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            while (reader.next(record))
            {
                if (!erased.contains(record.sidHi(), record.sidLo()))
                {
                    aggregator.onRecord(record);
                }
            }
        }
        catch (final IllegalStateException ex)
        {
            // A record that passed its CRC but whose strings do not parse: a writer's bug, reported as damage.
            throw new IOException("a journal record could not be decoded: " + ex.getMessage(), ex);
        }
        return aggregator.report(generatedAtMs);
    }
}
