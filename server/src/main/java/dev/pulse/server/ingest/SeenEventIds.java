package dev.pulse.server.ingest;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids taken lately, per session and key, so a POST the backend retries (the same body,
 * so the same {@code sid} and {@code id}) is taken once. An id is held from its first request
 * ({@link #claim}) and released if that request was not taken after all ({@link #release}: a retry
 * may then succeed); it is remembered for {@link #REMEMBER_MS}, twice the signature's tolerance, so
 * no signed request can be taken twice (a replay older than the tolerance is refused as stale), and
 * at most {@link #MAX_IDS} at once (the oldest go first).
 *
 * <p>A restart keeps them: every id taken was journaled in its {@code backend_event} record (the
 * key, the id, the time taken), and the server's start hands those of the last
 * {@link #REMEMBER_MS} to {@link #remember} before the route takes a request. A session's kept
 * events answer for their own ids for as long as they are kept (the ws package's
 * {@code PendingBackendEvents#holds}), which may be longer.
 *
 * <p>Thread-safe: every event loop's requests claim here, under this object's lock.
 */
public final class SeenEventIds
{
    static final int MAX_IDS = 200_000;
    /** How long an id is remembered: twice the signature's 300 s tolerance, 10 minutes. */
    public static final long REMEMBER_MS = 2 * IngestSignature.TOLERANCE_SECONDS * 1000;

    /** By session, key and id, the time each was taken (epoch ms), oldest first. */
    private final LinkedHashMap<Taken, Long> takenAtMs = new LinkedHashMap<>();

    /** Claims the id: false when it was claimed already within {@link #REMEMBER_MS} (a retry, or a replay). */
    synchronized boolean claim(final long sidHi, final long sidLo, final String keyId, final String eventId, final long nowMs)
    {
        forgetOld(nowMs);
        return takenAtMs.putIfAbsent(new Taken(sidHi, sidLo, keyId, eventId), nowMs) == null;
    }

    /** The claimed id's request was not taken: a retry may take it. */
    synchronized void release(final long sidHi, final long sidLo, final String keyId, final String eventId)
    {
        takenAtMs.remove(new Taken(sidHi, sidLo, keyId, eventId));
    }

    /** At start, an id the journal says was taken at {@code atMs}, before the restart. */
    public synchronized void remember(final long sidHi, final long sidLo, final String keyId, final String eventId, final long atMs)
    {
        takenAtMs.putIfAbsent(new Taken(sidHi, sidLo, keyId, eventId), atMs);
    }

    synchronized int size()
    {
        return takenAtMs.size();
    }

    private void forgetOld(final long nowMs)
    {
        final Iterator<Map.Entry<Taken, Long>> oldest = takenAtMs.entrySet().iterator();
        while (oldest.hasNext())
        {
            final Map.Entry<Taken, Long> entry = oldest.next();
            if (takenAtMs.size() < MAX_IDS && entry.getValue() > nowMs - REMEMBER_MS)
            {
                return;
            }
            oldest.remove();
        }
    }

    /** One taken id: the session it went to and the key that signed it. */
    private record Taken(long sidHi, long sidLo, String keyId, String eventId)
    {
    }
}
