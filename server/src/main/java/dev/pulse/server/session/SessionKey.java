package dev.pulse.server.session;

/**
 * The Chronicle Map key of a session: its 128-bit id as two longs. Mutable and reused (one per
 * thread), so a lookup allocates nothing; {@link SessionKeyMarshaller} writes it as 16 bytes.
 * Chronicle Map records this class's name in its file: do not rename or move it.
 */
public final class SessionKey
{
    long hi;
    long lo;

    public SessionKey set(final long hi, final long lo)
    {
        this.hi = hi;
        this.lo = lo;
        return this;
    }

    public long hi()
    {
        return hi;
    }

    public long lo()
    {
        return lo;
    }
}
