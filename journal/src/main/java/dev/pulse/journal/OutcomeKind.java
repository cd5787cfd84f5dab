package dev.pulse.journal;

import java.util.Locale;

/** How an outcome window closed (an OUTCOME record's code). Ordinals are on disk: only add. */
public enum OutcomeKind
{
    /** The session reached a page kind forward of where it was stuck, or reported a goal, within the window. */
    FORWARD,
    /** The session ended (expired without coming back) without moving forward. */
    EXITED,
    /** The window ran out while the session was still there (connected, or came back later). */
    STALLED,
    /**
     * The window was not measured: no slot was free for it (a shadow window with every slot in use),
     * or its slot went to a live window. Journaled when that happens, so the report can say how many
     * windows it could not count; never part of a rate.
     */
    UNMEASURED;

    private static final OutcomeKind[] VALUES = values();

    public String wireName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutcomeKind fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}
