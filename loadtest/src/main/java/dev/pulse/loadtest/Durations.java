package dev.pulse.loadtest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: a whole number and a unit ({@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}). */
final class Durations
{
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private Durations()
    {
    }

    /** @throws IllegalArgumentException if {@code text} is not a duration with a unit. */
    static long parseMs(final String text)
    {
        final Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches())
        {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a whole number and a unit, like 500ms, 60s, 2m or 1h");
        }
        final long value = Long.parseLong(matcher.group(1));
        switch (matcher.group(2))
        {
            case "ms":
                return value;
            case "s":
                return value * 1_000;
            case "m":
                return value * 60_000;
            default:
                return value * 3_600_000;
        }
    }
}
