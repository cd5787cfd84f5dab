package dev.pulse.server.ws;

import java.util.List;
import java.util.Objects;

/**
 * One event from a site's backend, checked by the ingest route and on its way to a session: the
 * session's id, the event's name, the key that signed it, its id (the sender's, or one the route
 * made, so its kept and applied records pair up), the time it was taken and its fields. Immutable:
 * made once per request on the route's loop and handed to the session's loop, or kept until the
 * session comes back ({@link PendingBackendEvents}).
 *
 * @param sidHi      the session's id, high half.
 * @param sidLo      the session's id, low half.
 * @param siteHash   the site's hash ({@code Hash64.of(site)}): a session of another site is not this event's.
 * @param name       the event's name ({@code payment_declined}).
 * @param keyId      the ingest key that signed it.
 * @param eventId    the event's id (never empty).
 * @param takenAtMs  the wall time the route took it (epoch ms): a kept event lasts the session's expiry from then.
 * @param fields     its fields, at most {@code Event.BACKEND_FIELD_CAPACITY}.
 */
public record BackendEvent(long sidHi, long sidLo, long siteHash, String name, String keyId, String eventId, long takenAtMs,
    List<Field> fields)
{
    /**
     * One field: its name, its value as text, and that value as a number ({@link Double#NaN} for a string).
     *
     * @param name   the field's name.
     * @param text   its value as sent (a number in its JSON spelling).
     * @param number the value when it was a JSON number, else NaN.
     */
    public record Field(String name, String text, double number)
    {
        public Field
        {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }
    }

    public BackendEvent
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(eventId, "eventId");
        fields = List.copyOf(fields);
    }
}
