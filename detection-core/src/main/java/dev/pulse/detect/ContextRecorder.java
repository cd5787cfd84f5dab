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

    /** Digits a context number may have: a long holds them exactly. */
    private static final int MAX_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    /**
     * A context value as a number: an optional {@code -}, digits, and optionally {@code .} and more
     * digits ({@code 6}, {@code -2.5}), at most {@value #MAX_DIGITS} digits; NaN for anything else
     * ({@code 6 people}, {@code 1e3}, an empty value). Allocation-free.
     */
    public static double number(final CharSequence text)
    {
        final int length = text.length();
        final int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        long digits = 0;
        int count = 0;
        int decimals = -1;
        for (int i = start; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c == '.' && decimals < 0 && count > 0 && i + 1 < length)
            {
                decimals = 0;
                continue;
            }
            if (c < '0' || c > '9' || ++count > MAX_DIGITS)
            {
                return Double.NaN;
            }
            digits = digits * 10 + (c - '0');
            decimals += decimals >= 0 ? 1 : 0;
        }
        if (count == 0)
        {
            return Double.NaN;
        }
        // One division of two exact doubles: correctly rounded, so "5.999" is the double 5.999.
        final double value = decimals > 0 ? digits / POWERS_OF_TEN[decimals] : digits;
        return start == 1 ? -value : value;
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
