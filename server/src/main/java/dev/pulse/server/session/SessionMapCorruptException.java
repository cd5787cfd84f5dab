package dev.pulse.server.session;

import java.nio.file.Path;

/**
 * The session map file exists but is not a whole, valid map (garbage, cut short, blank). Unlike a
 * file this process may not read, moving it aside and starting empty is a fix: sessions are soft state.
 */
public final class SessionMapCorruptException extends SessionStoreException
{
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public SessionMapCorruptException(final Path file, final String problem, final Throwable cause)
    {
        super("the session map " + file.toAbsolutePath() + " is damaged: " + problem + ". Sessions are soft state and the journal " +
            "was not touched: to start without them, move the file aside (mv " + file + " " + file + ".corrupt) and start again, " +
            "or set reset_corrupt_sessions: true (PULSE_RESET_CORRUPT_SESSIONS=true) to have the server do that by itself", cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file()
    {
        return file;
    }

    /** What is wrong with the file, without the advice. */
    public String problem()
    {
        return problem;
    }
}
