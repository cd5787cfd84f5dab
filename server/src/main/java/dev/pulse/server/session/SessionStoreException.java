package dev.pulse.server.session;

/** The session store cannot be opened; the message says why and what the operator can do. */
public final class SessionStoreException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public SessionStoreException(final String message, final Throwable cause)
    {
        super(message, cause);
    }

    public SessionStoreException(final String message)
    {
        super(message);
    }
}
