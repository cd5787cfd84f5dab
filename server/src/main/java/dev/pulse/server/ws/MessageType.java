package dev.pulse.server.ws;

import dev.pulse.detect.EventType;

/** The client-to-server message types of the protocol: hello, the event types, and forget. */
public enum MessageType
{
    HELLO("hello", null),
    PAGE("page", EventType.PAGE),
    ACTIVE("active", EventType.ACTIVE),
    VISIBILITY("visibility", EventType.VISIBILITY),
    CLICK("click", EventType.CLICK),
    SEARCH("search", EventType.SEARCH),
    FORM_ERROR("form_error", EventType.FORM_ERROR),
    EXIT_INTENT("exit_intent", EventType.EXIT_INTENT),
    GOAL("goal", EventType.GOAL),
    ANSWER("answer", EventType.ANSWER),
    DISMISS("dismiss", EventType.DISMISS),
    /** "Did this help?" answered under a response. */
    FEEDBACK("feedback", EventType.FEEDBACK),
    /** The person scrolled back up the page (the snippet decides what counts and throttles it; no positions). */
    SCROLL_BACK("scroll_back", EventType.SCROLL_BACK),
    /** Erase this session now (the snippet's {@code Pulse.consent(false)}); not an event of the core. */
    FORGET("forget", null);

    private static final MessageType[] VALUES = values();

    private final String wireName;
    private final char[] wireChars;
    private final EventType eventType;

    MessageType(final String wireName, final EventType eventType)
    {
        this.wireName = wireName;
        this.wireChars = wireName.toCharArray();
        this.eventType = eventType;
    }

    public String wireName()
    {
        return wireName;
    }

    /** The core's event type, or null for hello and forget. */
    public EventType eventType()
    {
        return eventType;
    }

    /** The type whose name is these chars, or null; allocation-free. */
    public static MessageType of(final char[] chars, final int offset, final int length)
    {
        for (final MessageType type : VALUES)
        {
            if (type.wireChars.length == length && java.util.Arrays.equals(type.wireChars, 0, length, chars, offset, offset + length))
            {
                return type;
            }
        }
        return null;
    }
}
