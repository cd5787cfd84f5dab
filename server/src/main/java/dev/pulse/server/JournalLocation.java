package dev.pulse.server;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} option of the commands that read a server's journal ({@code journal cat},
 * {@code report}, {@code replay}), and the one message they give when there is no journal there.
 */
final class JournalLocation
{
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "pulse-data",
        description = "The server's data directory; records are read from DIR/journal (default ${DEFAULT-VALUE}).")
    private Path dataDir;

    /** {@code DIR/journal}, or null after telling {@code err} that there is no journal there. */
    Path journalDirOrComplain(final String command, final PrintWriter err)
    {
        final Path journalDir = dataDir.resolve("journal");
        if (!Files.isDirectory(journalDir))
        {
            err.println("pulse " + command + ": no journal at " + journalDir + " (is --data the server's data directory?)");
            return null;
        }
        return journalDir;
    }
}
