package dev.pulse.report;

/**
 * Successes out of trials, for example forward windows out of closed windows, with its rate and
 * Wilson interval. An empty proportion (0/0) has no rate ({@code NaN}) and no interval (null).
 */
public record Proportion(long successes, long trials)
{
    public static final Proportion EMPTY = new Proportion(0, 0);

    public Proportion
    {
        if (trials < 0 || successes < 0 || successes > trials)
        {
            throw new IllegalArgumentException(successes + " out of " + trials);
        }
    }

    public boolean isEmpty()
    {
        return trials == 0;
    }

    /** successes / trials, or NaN for 0/0. */
    public double rate()
    {
        return trials == 0 ? Double.NaN : (double)successes / trials;
    }

    /** The 95% Wilson interval, or null for 0/0. */
    public Interval interval()
    {
        return ScoreIntervals.wilson(successes, trials);
    }
}
