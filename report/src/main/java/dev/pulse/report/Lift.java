package dev.pulse.report;

/**
 * What showing a trigger's question changed: the forward rate of shown windows minus that of
 * holdout windows, with Newcombe's 95% interval for the difference. Below the minimum number of
 * closed windows in either group the report says "not enough data" instead of a number: with a few
 * windows the interval is so wide that a printed lift would mislead more than it informs.
 *
 * @param shown       forward out of closed windows of the shown group.
 * @param holdout     forward out of closed windows of the holdout group.
 * @param minWindows  the fewest closed windows each group needs.
 * @param difference  shown rate minus holdout rate (NaN when either group is empty).
 * @param interval    Newcombe's interval for the difference (null when either group is empty).
 */
public record Lift(Proportion shown, Proportion holdout, int minWindows, double difference, Interval interval)
{
    public static Lift of(final Proportion shown, final Proportion holdout, final int minWindows)
    {
        final Interval interval = ScoreIntervals.newcombe(shown.successes(), shown.trials(), holdout.successes(), holdout.trials());
        return new Lift(shown, holdout, minWindows, shown.rate() - holdout.rate(), interval);
    }

    /** Whether both groups have at least {@link #minWindows} closed windows: only then is the lift printed. */
    public boolean enoughData()
    {
        return shown.trials() >= minWindows && holdout.trials() >= minWindows;
    }
}
