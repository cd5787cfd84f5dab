package dev.pulse.report;

/**
 * The report's statistics: score intervals, which stay inside 0..1 and behave at 0/n and n/n where
 * the textbook (Wald) interval collapses or overshoots.
 * <ul>
 *   <li>{@link #wilson}: Wilson's score interval for one proportion x/n (Wilson 1927; method 3 of
 *   Newcombe, "Two-sided confidence intervals for the single proportion", Stat Med 1998;17:857-872).</li>
 *   <li>{@link #newcombe}: Newcombe's hybrid score interval for the difference of two independent
 *   proportions, built from the two Wilson intervals (method 10 of Newcombe, "Interval estimation
 *   for the difference between independent proportions", Stat Med 1998;17:873-890).</li>
 * </ul>
 * Both at {@link #Z} (95%). Pure functions; thread-safe.
 */
public final class ScoreIntervals
{
    /** The standard normal quantile for a two-sided 95% interval. */
    public static final double Z = 1.959964;

    private ScoreIntervals()
    {
    }

    /**
     * Wilson's interval for {@code successes} out of {@code trials}, or null when there are no
     * trials (0/0 has no rate). At 0/n the low end is exactly 0, at n/n the high end exactly 1:
     * set so, because the floating-point formula only gets close.
     */
    public static Interval wilson(final long successes, final long trials)
    {
        if (trials <= 0)
        {
            return null;
        }
        if (successes < 0 || successes > trials)
        {
            throw new IllegalArgumentException("successes " + successes + " out of " + trials);
        }
        final double n = trials;
        final double p = successes / n;
        final double z2 = Z * Z;
        final double denominator = 1 + z2 / n;
        final double centre = (p + z2 / (2 * n)) / denominator;
        final double halfWidth = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        final double low = successes == 0 ? 0 : Math.max(0, centre - halfWidth);
        final double high = successes == trials ? 1 : Math.min(1, centre + halfWidth);
        return new Interval(low, high);
    }

    /**
     * Newcombe's hybrid score interval for p1 - p2, where p1 = x1/n1 and p2 = x2/n2 are
     * independent; null when either has no trials. With (l1, u1) and (l2, u2) the Wilson intervals:
     * <pre>
     *   low  = (p1 - p2) - sqrt((p1 - l1)^2 + (u2 - p2)^2)
     *   high = (p1 - p2) + sqrt((u1 - p1)^2 + (p2 - l2)^2)
     * </pre>
     */
    public static Interval newcombe(final long successes1, final long trials1, final long successes2, final long trials2)
    {
        final Interval first = wilson(successes1, trials1);
        final Interval second = wilson(successes2, trials2);
        if (first == null || second == null)
        {
            return null;
        }
        final double p1 = (double)successes1 / trials1;
        final double p2 = (double)successes2 / trials2;
        final double difference = p1 - p2;
        final double low = difference - Math.sqrt(square(p1 - first.low()) + square(second.high() - p2));
        final double high = difference + Math.sqrt(square(first.high() - p1) + square(p2 - second.low()));
        return new Interval(Math.max(-1, low), Math.min(1, high));
    }

    private static double square(final double value)
    {
        return value * value;
    }
}
