package dev.pulse.server.session;

/**
 * How a new session map is laid out for the sessions it must hold: entries, and segments of about
 * 512 sessions each, so that a segment lock (held by a connection's update or by one sweep step)
 * covers few sessions. An existing map keeps the geometry written in its header.
 */
final class SessionMapGeometry
{
    /** Below this a map gains nothing from being smaller. */
    static final int MIN_ENTRIES = 1_024;
    private static final int MIN_SEGMENTS = 64;
    private static final int MAX_SEGMENTS = 8_192;
    private static final int SESSIONS_PER_SEGMENT = 512;

    private SessionMapGeometry()
    {
    }

    /** The entries a map is built for to hold {@code expectedSessions}. */
    static int entriesFor(final int expectedSessions)
    {
        return Math.max(MIN_ENTRIES, expectedSessions);
    }

    /** About 512 entries a segment, as a power of two between 64 and 8,192. */
    static int segmentsFor(final int entries)
    {
        int segments = MIN_SEGMENTS;
        while (segments < MAX_SEGMENTS && entries / segments > SESSIONS_PER_SEGMENT)
        {
            segments <<= 1;
        }
        return segments;
    }
}
