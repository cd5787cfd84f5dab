package dev.pulse.server;

/** The server could not start; the message says why (a catalog with errors, a locked data directory...). */
public final class StartupException extends Exception
{
    private static final long serialVersionUID = 1L;

    public StartupException(final String message)
    {
        super(message);
    }
}
