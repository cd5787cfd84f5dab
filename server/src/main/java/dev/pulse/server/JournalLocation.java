package dev.pulse.server;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} option of the commands that read a server's journal ({@code journal cat},
 * {@code report}, {@code replay}), and the one message they give when there is no journal there.
 * The report and the replay take it several times: the nodes of a cluster, read as one.
 */
final class JournalLocation
{
    static final Path DEFAULT_DATA = Path.of("pulse-data");

    @Option(names = "--data", paramLabel = "DIR",
        description = "The server's data directory; records are read from DIR/journal (default pulse-data). "
            + "The report and the replay take it once per node of a cluster and read the nodes' journals as one.")
    private List<Path> dataDirs;

    /** Whether {@code --data} was given. */
    boolean given()
    {
        return dataDirs != null && !dataDirs.isEmpty();
    }

    /** {@code DIR/journal} of the one data directory, or null after telling {@code err} that there is no journal there (or several were given). */
    Path journalDirOrComplain(final String command, final PrintWriter err)
    {
        if (given() && dataDirs.size() > 1)
        {
            err.println("pulse " + command + ": give one --data");
            return null;
        }
        final List<Path> dirs = journalDirsOrComplain(command, err);
        return dirs == null ? null : dirs.get(0);
    }

    /** {@code DIR/journal} of every data directory given, or null after telling {@code err} which has no journal. */
    List<Path> journalDirsOrComplain(final String command, final PrintWriter err)
    {
        final List<Path> journalDirs = new ArrayList<>();
        for (final Path dataDir : given() ? dataDirs : List.of(DEFAULT_DATA))
        {
            final Path journalDir = dataDir.resolve("journal");
            if (!Files.isDirectory(journalDir))
            {
                err.println("pulse " + command + ": no journal at " + journalDir + " (is --data the server's data directory?)");
                return null;
            }
            journalDirs.add(journalDir);
        }
        return journalDirs;
    }
}
