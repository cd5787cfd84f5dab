package dev.pulse.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.journal.ErasedSessions;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.MergedJournalReader;

/**
 * Reads a journal directory, or several nodes' journal directories as one, into a {@link Report}:
 * a first pass collects the erased sessions of every journal ({@link ErasedSessions}: an erasure
 * journaled by one node removes the session's records from all of them), the second reads every
 * other record once, each journal start to end, the nodes merged by record time
 * ({@link MergedJournalReader}); an erased session's records are skipped wherever they are, so the
 * report is the one the journals would give without them. A session with records in several nodes'
 * journals (a visitor moved when a node died) is one session. Safe on a live server's journal: a
 * record still being written ends that journal's reading (see {@link JournalReader}). Blocks on
 * disk: never call it on an event loop.
 */
public final class JournalReportReader
{
    private JournalReportReader()
    {
    }

    /**
     * The report of one data directory's journal, its catalog copies read from the sibling {@code catalogs/}.
     *
     * @throws dev.pulse.journal.JournalCorruptionException when the journal is damaged before its end.
     * @throws IOException when it cannot be read.
     */
    public static Report read(final Path journalDir, final ReportRange range, final long generatedAtMs) throws IOException
    {
        return read(List.of(journalDir), catalogDirsOf(List.of(journalDir)), range, generatedAtMs);
    }

    /**
     * The report of several nodes' journals as one.
     *
     * @param catalogDirs the catalog archives to read versions from (any node's copy of a version is the same text).
     * @throws dev.pulse.journal.JournalCorruptionException when a journal is damaged before its end.
     * @throws IOException when one cannot be read.
     */
    public static Report read(final List<Path> journalDirs, final List<Path> catalogDirs, final ReportRange range,
        final long generatedAtMs) throws IOException
    {
        final List<CatalogArchive> archives = new ArrayList<>(catalogDirs.size());
        for (final Path dir : catalogDirs)
        {
            archives.add(new CatalogArchive(dir));
        }
        final ReportAggregator aggregator = new ReportAggregator(range, archives);
        final ErasedSessions erased = ErasedSessions.read(journalDirs);
        try (MergedJournalReader reader = MergedJournalReader.open(journalDirs))
        {
            JournalRecordFlyweight record;
            while ((record = reader.next()) != null)
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

    /** The catalog archives beside journals laid out as a server lays them out: {@code DATA/journal} and {@code DATA/catalogs}. */
    public static List<Path> catalogDirsOf(final List<Path> journalDirs)
    {
        final List<Path> dirs = new ArrayList<>(journalDirs.size());
        for (final Path journalDir : journalDirs)
        {
            final Path dataDir = journalDir.toAbsolutePath().getParent();
            if (dataDir != null)
            {
                dirs.add(dataDir.resolve(CatalogArchive.DIRECTORY));
            }
        }
        return dirs;
    }
}
