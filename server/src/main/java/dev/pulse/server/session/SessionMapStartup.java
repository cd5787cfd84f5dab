package dev.pulse.server.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the server's session map as start-up needs it: recovered after an unclean stop, and, when a
 * damaged file is found, either refused with the operator's options (the default) or, if the
 * operator opted in ({@code reset_corrupt_sessions}), moved aside to
 * {@code sessions.dat.corrupt-<UTC time>} and replaced by an empty map, loudly. A file this process
 * may not read is never moved: that is a permissions mistake, and its sessions may be fine.
 */
public final class SessionMapStartup
{
    private static final Logger LOG = LoggerFactory.getLogger(SessionMapStartup.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SessionMapStartup()
    {
    }

    public static ChronicleSessionStore open(final DataDirectory dataDirectory, final int expectedSessions, final boolean resetCorrupt)
        throws IOException
    {
        final Path file = dataDirectory.sessionsFile();
        try
        {
            return ChronicleSessionStore.open(file, expectedSessions, !dataDirectory.lastStopWasClean());
        }
        catch (final SessionMapCorruptException ex)
        {
            if (!resetCorrupt)
            {
                throw ex;
            }
            final Path aside = freshName(file.resolveSibling(file.getFileName() + ".corrupt-" + TIME.format(Instant.now())));
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            LOG.error("SESSION MAP RESET: the session map {} is damaged: {}. reset_corrupt_sessions is on, so it was moved to {} and " +
                "the server starts with no sessions (visitors get new ones; the journal is untouched).", file.toAbsolutePath(),
                ex.problem(), aside);
            return ChronicleSessionStore.open(file, expectedSessions, false);
        }
    }

    private static Path freshName(final Path wanted)
    {
        Path candidate = wanted;
        for (int n = 2; Files.exists(candidate); n++)
        {
            candidate = wanted.resolveSibling(wanted.getFileName() + "-" + n);
        }
        return candidate;
    }
}
