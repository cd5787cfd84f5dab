package dev.pulse.detect;

/**
 * The kinds of event a session produces, named as the wire protocol names them, plus one internal
 * kind ({@link #TIMER}) for a deadline the server's timer wheel fired.
 */
public enum EventType
{
    PAGE("page"),
    ACTIVE("active"),
    VISIBILITY("visibility"),
    CLICK("click"),
    SEARCH("search"),
    FORM_ERROR("form_error"),
    EXIT_INTENT("exit_intent"),
    GOAL("goal"),
    ANSWER("answer"),
    DISMISS("dismiss"),
    /** Internal: an idle deadline armed by the server came due. Never on the wire. */
    TIMER("timer");

    private static final EventType[] VALUES = values();

    private final String wireName;

    EventType(final String wireName)
    {
        this.wireName = wireName;
    }

    /** The value of the {@code t} field in the protocol. */
    public String wireName()
    {
        return wireName;
    }

    /** Whether this event shows a person acting on the page (it restarts the idle clock). */
    public boolean isActivity()
    {
        return this != VISIBILITY && this != TIMER;
    }

    public static EventType fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
