package dev.pulse.detect.detector;

import dev.pulse.detect.Event;

/**
 * One condition a {@code backend_event} trigger puts on a field of the event: its text equals a
 * value, or its number compares with one. Compiled by the catalog to hashes and a number, so
 * judging an event parses nothing and allocates nothing. A field the event lacks meets no condition;
 * a field whose value is not a number ({@link Double#NaN}) meets no numeric one.
 *
 * @param keyHash   the {@link dev.pulse.detect.Hash64} of the field's key.
 * @param operator  how the field's value is compared.
 * @param valueHash for {@link Operator#TEXT_EQUALS}: the hash of the text it must equal.
 * @param number    for the numeric operators: the number it is compared with.
 */
public record BackendFieldCondition(long keyHash, Operator operator, long valueHash, double number)
{
    /** How a field's value is compared; each numeric one names the symbol a catalog writes. */
    public enum Operator
    {
        TEXT_EQUALS(null),
        GREATER(">"),
        GREATER_OR_EQUAL(">="),
        LESS("<"),
        LESS_OR_EQUAL("<="),
        NUMBER_EQUALS("==");

        private final String symbol;

        Operator(final String symbol)
        {
            this.symbol = symbol;
        }

        /** What a catalog writes before the number, or null for text equality. */
        public String symbol()
        {
            return symbol;
        }

        /** The numeric operator written as {@code symbol}, or null. */
        public static Operator ofSymbol(final String symbol)
        {
            for (final Operator operator : values())
            {
                if (operator.symbol != null && operator.symbol.equals(symbol))
                {
                    return operator;
                }
            }
            return null;
        }
    }

    /** A condition that the field's text equals the value of that hash. */
    public static BackendFieldCondition textEquals(final long keyHash, final long valueHash)
    {
        return new BackendFieldCondition(keyHash, Operator.TEXT_EQUALS, valueHash, Double.NaN);
    }

    /** A condition that the field's number compares with {@code number} by a numeric operator. */
    public static BackendFieldCondition compare(final long keyHash, final Operator operator, final double number)
    {
        if (operator == Operator.TEXT_EQUALS)
        {
            throw new IllegalArgumentException("text equality compares hashes: use textEquals");
        }
        return new BackendFieldCondition(keyHash, operator, 0, number);
    }

    /** Whether the backend event's fields meet this condition (its first field of this key decides). */
    public boolean test(final Event event)
    {
        for (int i = 0, size = event.backendFieldCount(); i < size; i++)
        {
            if (event.backendFieldKeyHash(i) == keyHash)
            {
                return operator == Operator.TEXT_EQUALS ? event.backendFieldValueHash(i) == valueHash : compares(event.backendFieldNumber(i));
            }
        }
        return false;
    }

    // NaN compares false with everything, so a text value meets no numeric condition.
    private boolean compares(final double value)
    {
        switch (operator)
        {
            case GREATER:
                return value > number;
            case GREATER_OR_EQUAL:
                return value >= number;
            case LESS:
                return value < number;
            case LESS_OR_EQUAL:
                return value <= number;
            default:
                return value == number;
        }
    }
}
