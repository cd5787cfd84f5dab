package dev.pulse.server.webhook;

import java.net.URI;

import java.util.concurrent.atomic.AtomicInteger;

import dev.pulse.journal.RecordId;
import dev.pulse.journal.TailPosition;

/**
 * One record on its way to every endpoint: its body, made once, and where it starts in the journal
 * (the tail resumes from there while the record is not done). Done once each endpoint has delivered
 * it or dead-lettered it. A hand-off names its own endpoint ({@link #target()}, from the catalog);
 * a journal webhook goes to every {@code webhook_url}. Shared by the tail and the lanes; the count
 * is the only mutable part.
 */
final class WebhookDelivery
{
    private final long sequence;
    private final TailPosition start;
    private final String id;
    private final String event;
    private final long timestampMs;
    private final int sessionHash;
    private final byte[] body;
    private final AtomicInteger endpointsLeft;
    private final URI target;

    /**
     * @param id     its id, the {@code Pulse-Id} a receiver drops repeats by (a record's {@link RecordId}, a hand-off's own).
     * @param target its endpoint, or null: every lane's own.
     */
    WebhookDelivery(final long sequence, final TailPosition start, final String id, final String event, final long timestampMs,
        final int sessionHash, final byte[] body, final int endpoints, final URI target)
    {
        this.target = target;
        this.sequence = sequence;
        this.start = start;
        this.id = id;
        this.event = event;
        this.timestampMs = timestampMs;
        this.sessionHash = sessionHash;
        this.body = body;
        this.endpointsLeft = new AtomicInteger(endpoints);
    }

    /** Its place in the order the tail read records (the progress keys on it). */
    long sequence()
    {
        return sequence;
    }

    TailPosition start()
    {
        return start;
    }

    String id()
    {
        return id;
    }

    String event()
    {
        return event;
    }

    long timestampMs()
    {
        return timestampMs;
    }

    /** Non-negative; the same for every record of a session, so they share a lane. */
    int sessionHash()
    {
        return sessionHash;
    }

    byte[] body()
    {
        return body;
    }

    /** Its endpoint, or null when it goes to the lane's. */
    URI target()
    {
        return target;
    }

    /** The lane a session's records share: non-negative, from its sid. */
    static int sessionHash(final long sidHi, final long sidLo)
    {
        return Long.hashCode(sidHi * 31 + sidLo) & Integer.MAX_VALUE;
    }

    /** One endpoint is done with it; true when that was the last one. */
    boolean endpointDone()
    {
        return endpointsLeft.decrementAndGet() == 0;
    }
}
