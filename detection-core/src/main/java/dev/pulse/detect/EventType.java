package dev.pulse.detect;

/**
 * The kinds of event a session produces, named as the wire protocol names them, plus one internal
 * kind ({@link #TIMER}) for a deadline the server's timer wheel fired, and {@link #BACKEND}, which
 * comes from the site's backend rather than the browser.
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
    TIMER("timer"),
    // Added after TIMER so the ordinals above (kept in session records and journals) never move.
    /** An event from the site's backend (a declined payment, a failed order), posted to the ingest route, not the socket. */
    BACKEND("backend"),
    /** The person scrolled back up the page (throttled by the snippet; no positions). */
    SCROLL_BACK("scroll_back"),
    /** "Did this help?" answered on the response of an intervention. */
    FEEDBACK("feedback");

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
        return this != VISIBILITY && this != TIMER && this != BACKEND;
    }

    public static EventType fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
