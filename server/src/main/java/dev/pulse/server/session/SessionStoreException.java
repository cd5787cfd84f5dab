package dev.pulse.server.session;

import java.io.IOException;

/**
 * The session store cannot be opened; the message says why and what the operator can do. Checked:
 * it is about the data directory, not a bug, and {@code pulse serve} prints its message (exit 3).
 */
public class SessionStoreException extends IOException
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
