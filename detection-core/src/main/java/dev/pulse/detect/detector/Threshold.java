package dev.pulse.detect.detector;

/**
 * One tunable number of a detector: its name in the catalog, its unit, its default and the sane
 * range the catalog accepts. Ranges stop typos (a window of 90 ms instead of 90 s) and keep counts
 * within what the session record's rings can hold.
 */
public record Threshold(String name, Unit unit, long defaultValue, long min, long max)
{
    /** What a threshold counts. */
    public enum Unit
    {
        COUNT,
        MILLIS,
        PIXELS,
        /**
         * A search intent's number in the compiled catalog (0: any). Not a number a catalog writes:
         * it names the intent with the trigger's {@code intent} key, which the compiler numbers.
         */
        INTENT
    }

    public Threshold
    {
        if (min > defaultValue || defaultValue > max)
        {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
    }

    public boolean accepts(final long value)
    {
        return value >= min && value <= max;
    }
}
