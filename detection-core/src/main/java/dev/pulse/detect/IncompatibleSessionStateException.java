package dev.pulse.detect;

/**
 * A session record was written by another layout version (or is not a session record at all).
 * Reading it field by field would misread it, so the core refuses it instead.
 */
public final class IncompatibleSessionStateException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int foundVersion;

    public IncompatibleSessionStateException(final int foundVersion, final int expectedVersion)
    {
        super("session record has layout version " + foundVersion + ", this build reads version " +
            expectedVersion + "; the record cannot be read (start with an empty session store, or run " +
            "the build that wrote it)");
        this.foundVersion = foundVersion;
    }

    public int foundVersion()
    {
        return foundVersion;
    }
}
