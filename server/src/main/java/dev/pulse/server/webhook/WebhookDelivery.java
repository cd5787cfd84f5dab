package dev.pulse.server.webhook;

import java.util.concurrent.atomic.AtomicInteger;

import dev.pulse.journal.RecordId;
import dev.pulse.journal.TailPosition;

/**
 * One record on its way to every endpoint: its body, made once, and where it starts in the journal
 * (the tail resumes from there while the record is not done). Done once each endpoint has delivered
 * it or dead-lettered it. Shared by the tail and the lanes; the count is the only mutable part.
 */
final class WebhookDelivery
{
    private final long sequence;
    private final TailPosition start;
    private final RecordId id;
    private final String event;
    private final long timestampMs;
    private final int sessionHash;
    private final byte[] body;
    private final AtomicInteger endpointsLeft;

    WebhookDelivery(final long sequence, final TailPosition start, final RecordId id, final String event, final long timestampMs,
        final int sessionHash, final byte[] body, final int endpoints)
    {
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

    RecordId id()
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

    /** One endpoint is done with it; true when that was the last one. */
    boolean endpointDone()
    {
        return endpointsLeft.decrementAndGet() == 0;
    }
}
