package dev.pulse.catalog.model;

/** Durations as operators write them: a number and a unit (ms, s, m, h, d). */
public final class Durations
{
    private Durations()
    {
    }

    /** Milliseconds, or null if the text is not a number with a known unit. */
    public static Long parseMillis(final String text)
    {
        final String trimmed = text.trim();
        int split = 0;
        while (split < trimmed.length() && (Character.isDigit(trimmed.charAt(split)) || trimmed.charAt(split) == '.'))
        {
            split++;
        }
        if (split == 0 || split == trimmed.length())
        {
            return null;
        }
        final double amount;
        try
        {
            amount = Double.parseDouble(trimmed.substring(0, split));
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
        final long unitMs;
        switch (trimmed.substring(split).trim())
        {
            case "ms":
                unitMs = 1;
                break;
            case "s":
                unitMs = 1_000;
                break;
            case "m":
            case "min":
                unitMs = 60_000;
                break;
            case "h":
                unitMs = 3_600_000;
                break;
            case "d":
                unitMs = 86_400_000;
                break;
            default:
                return null;
        }
        return Math.round(amount * unitMs);
    }

    /** The shortest exact way to write {@code millis} back (90000 is "90s", 180000 is "3m"). */
    public static String format(final long millis)
    {
        if (millis % 86_400_000 == 0 && millis != 0)
        {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0 && millis != 0)
        {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis != 0)
        {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0 && millis != 0)
        {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
