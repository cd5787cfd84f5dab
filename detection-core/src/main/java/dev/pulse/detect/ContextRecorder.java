package dev.pulse.detect;

/**
 * Writes what an event tells of a session's context into its record: a {@code goal} is remembered
 * as reached, and the fields of a backend event named {@code context} become trusted context values
 * (with their numbers), over anything the page said. The texts templates insert need the catalog's
 * keys, so the server keeps those itself ({@link ContextTextsFlyweight#putContextText}).
 *
 * <p>Stateless and allocation-free; called by {@link EventRecorder}.
 */
public final class ContextRecorder
{
    /** The name of the backend event that carries trusted context. */
    public static final String CONTEXT_EVENT_NAME = "context";
    /** {@link Hash64#of} of {@link #CONTEXT_EVENT_NAME}. */
    public static final long CONTEXT_EVENT_HASH = Hash64.of(CONTEXT_EVENT_NAME);

    private ContextRecorder()
    {
    }

    /** Whether {@code event} is a backend {@code context} event. */
    public static boolean isContextEvent(final Event event)
    {
        return event.type() == EventType.BACKEND && event.backendNameHash() == CONTEXT_EVENT_HASH;
    }

    static void record(final SessionStateFlyweight state, final Event event)
    {
        if (event.type() == EventType.GOAL)
        {
            state.context().goalReached(event.goalHash());
        }
        else if (isContextEvent(event))
        {
            for (int i = 0; i < event.backendFieldCount(); i++)
            {
                state.context().putContext(event.backendFieldKeyHash(i), event.backendFieldValueHash(i), event.backendFieldNumber(i), true);
            }
        }
    }
}
