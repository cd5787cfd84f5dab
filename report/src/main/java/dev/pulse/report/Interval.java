package dev.pulse.report;

/**
 * A two-sided 95% confidence interval, as proportions (a rate's, within 0..1) or as a difference
 * of proportions (a lift's, within -1..1). Unrounded: only the writers round, when they print.
 */
public record Interval(double low, double high)
{
    /** Whether {@code value} lies inside, ends included. */
    public boolean contains(final double value)
    {
        return value >= low && value <= high;
    }
}
