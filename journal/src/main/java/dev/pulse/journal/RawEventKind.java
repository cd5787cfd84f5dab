package dev.pulse.journal;

import java.util.Locale;

/**
 * What a RAW_EVENT record captured (its code): the protocol's messages as the server handled them,
 * and the server's own timer firings, so that a replay sees exactly what the live server saw.
 * Ordinals are on disk: only add.
 */
public enum RawEventKind
{
    HELLO, PAGE, ACTIVE, VISIBILITY, CLICK, SEARCH, FORM_ERROR, EXIT_INTENT, GOAL, ANSWER, DISMISS, TIMER, BACKEND, SCROLL_BACK, FEEDBACK;

    /**
     * The field of every raw event that carries the session machine's time: the monotonic
     * milliseconds it was given (the record's timestamp is the wall time, which may step). A replay
     * runs on it.
     */
    public static final String MONO_MS = "mono_ms";

    private static final RawEventKind[] VALUES = values();

    public String wireName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RawEventKind fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}
