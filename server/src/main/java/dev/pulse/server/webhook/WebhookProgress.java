package dev.pulse.server.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import dev.pulse.journal.TailPosition;

/**
 * The records read from the journal and not yet done (delivered or dead-lettered at every
 * endpoint), in the order they were read. The durable position may advance only to the start of
 * the oldest of them: lanes finish out of order, and a restart must resend whatever was in flight.
 * The tail adds, lanes remove; both on their own threads.
 */
final class WebhookProgress
{
    private final ConcurrentSkipListMap<Long, WebhookDelivery> inFlight = new ConcurrentSkipListMap<>();

    void started(final WebhookDelivery delivery)
    {
        inFlight.put(delivery.sequence(), delivery);
    }

    void done(final WebhookDelivery delivery)
    {
        inFlight.remove(delivery.sequence());
    }

    /**
     * Where a restart resumes: the start of the oldest record in flight, or with none, {@code tail}
     * (the tail's own position). Called by the tail's thread only, so every record read before
     * {@code tail} is in flight or done.
     */
    TailPosition resumeFrom(final TailPosition tail)
    {
        final Map.Entry<Long, WebhookDelivery> oldest = inFlight.firstEntry();
        return oldest == null ? tail : oldest.getValue().start();
    }

    /** The time of the oldest record in flight, or -1 when none is. */
    long oldestTimestampMs()
    {
        final Map.Entry<Long, WebhookDelivery> oldest = inFlight.firstEntry();
        return oldest == null ? -1 : oldest.getValue().timestampMs();
    }

    int inFlight()
    {
        return inFlight.size();
    }
}
