package dev.pulse.server.ingest;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids taken lately, per site and key, so a POST the backend retries (the same {@code id})
 * is taken once. An id is held from its first request ({@link #claim}) and released if that
 * request was not taken after all ({@link #release}: a retry may then succeed); it is remembered
 * for twice the signature's tolerance, longer than a replayed request could still pass the check,
 * and at most {@link #MAX_IDS} at once (the oldest go first). Forgotten on a restart.
 *
 * <p>Thread-safe: every event loop's requests claim here, under this object's lock.
 */
final class SeenEventIds
{
    static final int MAX_IDS = 200_000;
    static final long REMEMBER_MS = 2 * IngestSignature.TOLERANCE_SECONDS * 1000;

    /** By "site key id", the time each was claimed, oldest first. */
    private final LinkedHashMap<String, Long> claimedAtMs = new LinkedHashMap<>();

    /** Claims the id: false when it was claimed already within {@link #REMEMBER_MS} (a retry, or a replay). */
    synchronized boolean claim(final String site, final String keyId, final String eventId, final long nowMs)
    {
        forgetOld(nowMs);
        return claimedAtMs.putIfAbsent(site + ' ' + keyId + ' ' + eventId, nowMs) == null;
    }

    /** The claimed id's request was not taken: a retry may take it. */
    synchronized void release(final String site, final String keyId, final String eventId)
    {
        claimedAtMs.remove(site + ' ' + keyId + ' ' + eventId);
    }

    private void forgetOld(final long nowMs)
    {
        final Iterator<Map.Entry<String, Long>> oldest = claimedAtMs.entrySet().iterator();
        while (oldest.hasNext())
        {
            final Map.Entry<String, Long> entry = oldest.next();
            if (claimedAtMs.size() < MAX_IDS && entry.getValue() > nowMs - REMEMBER_MS)
            {
                return;
            }
            oldest.remove();
        }
    }
}
