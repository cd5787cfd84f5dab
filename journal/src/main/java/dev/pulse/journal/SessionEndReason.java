package dev.pulse.journal;

/** Why a session ended, recorded as the code of a {@link JournalRecordType#SESSION_END} record. */
public enum SessionEndReason
{
    /** No activity for the idle expiry: the entry was removed. */
    EXPIRED,
    /** A new connection took the session over. */
    REPLACED;

    private static final SessionEndReason[] VALUES = values();

    /** The reason with this ordinal, or null if unknown. */
    public static SessionEndReason fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}
