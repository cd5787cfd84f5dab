package dev.pulse.server.ws;

/**
 * The decimal digits of a long, read from the most significant without allocating: one way for
 * the two places that write numbers as text, JSON bytes to a client ({@link JsonText#number}) and
 * a captured raw event's fields ({@link CharField#setDecimal}). It works on the value's negative
 * magnitude, so {@link Long#MIN_VALUE} (whose positive magnitude does not fit a long) reads too.
 */
final class Decimal
{
    /** A long has at most 19 digits. */
    static final int MAX_DIGITS = 19;

    private static final long[] POWERS_OF_TEN = new long[MAX_DIGITS];

    static
    {
        long power = 1;
        for (int i = 0; i < MAX_DIGITS; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private Decimal()
    {
    }

    /** How many digits {@code value} has, without its sign: 1 to 19. */
    static int digits(final long value)
    {
        final long negative = value > 0 ? -value : value;
        int digits = 1;
        while (digits < MAX_DIGITS && negative <= -POWERS_OF_TEN[digits])
        {
            digits++;
        }
        return digits;
    }

    /** The digit at {@code index} (0: the most significant) of {@code value}, which has {@code digits} digits. */
    static char digit(final long value, final int index, final int digits)
    {
        final long negative = value > 0 ? -value : value;
        return (char)('0' - negative / POWERS_OF_TEN[digits - 1 - index] % 10);
    }
}
