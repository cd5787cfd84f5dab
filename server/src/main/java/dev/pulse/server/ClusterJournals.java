package dev.pulse.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.pulse.kafka.TopicCopy;
import dev.pulse.kafka.TopicJournals;
import dev.pulse.kafka.TopicSource;
import dev.pulse.report.JournalReportReader;

/**
 * The journals a report or a replay reads: the data directories given with {@code --data} (one
 * per node), or, with {@code --kafka}, the topic turned back into one journal per node
 * ({@link TopicJournals}) in a temporary directory that {@link #close} deletes. Either way the
 * command then reads a list of journal directories as one, so Kafka and the nodes' directories give
 * the same numbers by construction. Says on {@code err} how many poisoned records the topic held.
 */
final class ClusterJournals implements AutoCloseable
{
    private final List<Path> journalDirs;
    private final List<Path> catalogDirs;
    private final Path temporary;

    private ClusterJournals(final List<Path> journalDirs, final List<Path> catalogDirs, final Path temporary)
    {
        this.journalDirs = List.copyOf(journalDirs);
        this.catalogDirs = List.copyOf(catalogDirs);
        this.temporary = temporary;
    }

    /** The data directories' journals and catalog archives. */
    static ClusterJournals ofDirectories(final List<Path> journalDirs)
    {
        return new ClusterJournals(journalDirs, JournalReportReader.catalogDirsOf(journalDirs), null);
    }

    /**
     * The topic's records over {@code [fromMs, toMs)} (with {@link TopicSource#MARGIN_MS} either side), as journals.
     *
     * @throws IOException when the topic cannot be read.
     */
    static ClusterJournals ofTopic(final TopicLocation topic, final long fromMs, final long toMs, final String command,
        final PrintWriter err) throws IOException
    {
        final Path temporary = Files.createTempDirectory("pulse-" + command + "-");
        try
        {
            final TopicCopy copy = TopicJournals.read(topic.source(fromMs, toMs), temporary);
            if (copy.poisoned() > 0)
            {
                err.println("pulse " + command + ": skipped " + copy.poisoned() + " poisoned record" + (copy.poisoned() == 1 ? "" : "s")
                    + " of topic " + topic.topic() + " (the first at " + copy.firstPoison() + ")");
            }
            err.println("pulse " + command + ": read " + copy.recordsRead() + " records of topic " + topic.topic() + " from "
                + copy.nodes().size() + " node" + (copy.nodes().size() == 1 ? "" : "s") + " " + copy.nodes() + ", "
                + copy.duplicates() + " duplicates dropped, " + copy.poisoned() + " poisoned skipped");
            err.flush();
            return new ClusterJournals(copy.journalDirs(), topic.catalogDirs(), temporary);
        }
        catch (final IOException | RuntimeException ex)
        {
            delete(temporary);
            throw ex;
        }
    }

    List<Path> journalDirs()
    {
        return journalDirs;
    }

    List<Path> catalogDirs()
    {
        return catalogDirs;
    }

    @Override
    public void close()
    {
        if (temporary != null)
        {
            delete(temporary);
        }
    }

    private static void delete(final Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("could not delete the temporary journals in " + dir, ex);
        }
    }
}
