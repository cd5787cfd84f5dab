package dev.pulse.server.session;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.hash.serialization.BytesReader;
import net.openhft.chronicle.hash.serialization.BytesWriter;
import net.openhft.chronicle.hash.serialization.impl.EnumMarshallable;

/**
 * Writes a {@link SessionKey} as its two longs, with no object per call. Chronicle Map records
 * this class's name in its file header: do not rename or move it.
 */
@SuppressWarnings("rawtypes")
public final class SessionKeyMarshaller
    implements BytesReader<SessionKey>, BytesWriter<SessionKey>, EnumMarshallable<SessionKeyMarshaller>
{
    public static final SessionKeyMarshaller INSTANCE = new SessionKeyMarshaller();

    private SessionKeyMarshaller()
    {
    }

    @Override
    public SessionKey read(final Bytes in, final SessionKey using)
    {
        final SessionKey key = using != null ? using : new SessionKey();
        key.hi = in.readLong();
        key.lo = in.readLong();
        return key;
    }

    @Override
    public void write(final Bytes out, final SessionKey key)
    {
        out.writeLong(key.hi);
        out.writeLong(key.lo);
    }

    @Override
    public SessionKeyMarshaller readResolve()
    {
        return INSTANCE;
    }
}
