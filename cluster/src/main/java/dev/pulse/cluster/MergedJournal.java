package dev.pulse.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The union of the nodes' journals as one journal, the reference the cluster report must equal:
 * every record's frame, exactly as on its node's disk (CRC included), in time order (a stable
 * sort: records of one node and one millisecond keep their order), in one segment of a data
 * directory's {@code journal/}. A segment is frames end to end, so nothing else needs writing. Beside
 * it, the nodes' archived catalog versions ({@code catalogs/}), which the report reads for each
 * version's outcome windows, as it does in the nodes' own directories.
 */
final class MergedJournal
{
    private static final String CATALOGS = "catalogs";
    private static final String SEGMENT = "segment-00000000000000000000.journal";

    private MergedJournal()
    {
    }

    /**
     * Writes {@code entries} merged into {@code dataDir}/journal and the catalog versions of {@code
     * nodeDataDirs} into {@code dataDir}/catalogs; returns {@code dataDir}.
     */
    static Path write(final Path dataDir, final List<JournalEntry> entries, final List<Path> nodeDataDirs) throws IOException
    {
        final Path catalogs = Files.createDirectories(dataDir.resolve(CATALOGS));
        for (final Path node : nodeDataDirs)
        {
            if (Files.isDirectory(node.resolve(CATALOGS)))
            {
                try (Stream<Path> files = Files.list(node.resolve(CATALOGS)))
                {
                    for (final Path file : (Iterable<Path>)files::iterator)
                    {
                        if (!Files.exists(catalogs.resolve(file.getFileName())))
                        {
                            Files.copy(file, catalogs.resolve(file.getFileName()));
                        }
                    }
                }
            }
        }
        final List<JournalEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingLong(JournalEntry::timestampMs));
        final Path journal = Files.createDirectories(dataDir.resolve("journal"));
        try (OutputStream out = Files.newOutputStream(journal.resolve(SEGMENT)))
        {
            for (final JournalEntry entry : ordered)
            {
                out.write(entry.frame());
            }
        }
        return dataDir;
    }
}
