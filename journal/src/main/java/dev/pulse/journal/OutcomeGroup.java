package dev.pulse.journal;

import java.util.Locale;

/** Which group an outcome window belongs to: the measurement compares shown against holdout. */
public enum OutcomeGroup
{
    /** The question was shown. */
    SHOWN,
    /** The session was held out: nothing shown, "would have asked". */
    HOLDOUT,
    /** The trigger runs in shadow mode: recorded, never shown. */
    SHADOW;

    private static final OutcomeGroup[] VALUES = values();

    public String wireName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutcomeGroup fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }
}
