package dev.pulse.journal;

/**
 * How a session started on the node that journaled it: a {@link JournalRecordType#SESSION_START}
 * record's code is the ordinal. Ordinals are on disk: only add.
 */
public enum SessionStartKind
{
    /** A new session, under an id this node made (or a signed token named). */
    NEW,
    /** A session this node already held came back (a page load, a reconnect). */
    RESUMED,
    /**
     * A session begun on another node of a cluster, started or brought up to date here from the
     * carry its client presented (a node was lost, or came back): the same sid, so the same session
     * in a report over the cluster's journals, never a second one.
     */
    CARRIED;

    private static final SessionStartKind[] VALUES = values();

    /** The kind with this ordinal, or null if unknown. */
    public static SessionStartKind fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}
