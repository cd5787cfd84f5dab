package dev.pulse.report;

import java.util.List;

/**
 * What showing changed: the forward rate of treated (shown) units minus that of control (holdout)
 * units, with a 95% interval of the {@link IntervalKind} the report calls for, a two-sided p-value
 * for "no lift", and, once the family of triggers is known, the adjusted p-value and the call.
 * Below the minimum number of units in either arm the report says "not enough data" instead of a
 * number: with a few units the interval is so wide that a printed lift would mislead more than it
 * informs.
 *
 * @param shown      forward out of treated units, all strata pooled (descriptive only when strata &gt; 1).
 * @param holdout    forward out of control units, all strata pooled (likewise).
 * @param minWindows the fewest units each arm needs.
 * @param difference the estimated lift (NaN without a comparable stratum): shown rate minus holdout
 *                   rate with one stratum; with several, the stratified or the weighted-stream estimate.
 * @param interval   its 95% interval (null without a comparable stratum).
 * @param kind       which interval.
 * @param strata     comparable strata (catalog version and holdout share) the estimate combines.
 * @param baseline   the control arm's forward rate on the same weighting (the denominator of the relative lift).
 * @param pValue     two-sided p-value for "no lift" matching the kind (anytime-valid for {@link IntervalKind#ANYTIME}).
 * @param adjustedP  the p-value adjusted for the family of triggers (NaN when not in a family).
 * @param call       the verdict from the adjusted p-value.
 */
public record Lift(Proportion shown, Proportion holdout, int minWindows, double difference, Interval interval, IntervalKind kind,
    int strata, double baseline, double pValue, double adjustedP, LiftCall call)
{
    /** One stratum over a closed range: Newcombe's interval. */
    public static Lift of(final Proportion shown, final Proportion holdout, final int minWindows)
    {
        return LiftEstimator.estimate(List.of(new Stratum(0, 0.5, shown, holdout)), false, minWindows);
    }

    /** Whether both arms have at least {@link #minWindows} units: only then is the lift printed. */
    public boolean enoughData()
    {
        return shown.trials() >= minWindows && holdout.trials() >= minWindows && interval != null;
    }

    /** The lift relative to the control's forward rate (0.1 is "10% more"); NaN when the baseline is 0 or unknown. */
    public double relative()
    {
        return baseline > 0 ? difference / baseline : Double.NaN;
    }

    /** This lift with its adjusted p-value and the call that follows from it. */
    public Lift adjusted(final double adjusted)
    {
        final LiftCall newCall = !enoughData() || Double.isNaN(adjusted) ? LiftCall.NOT_TESTED
            : adjusted > LiftCall.LEVEL ? LiftCall.UNCLEAR : difference > 0 ? LiftCall.UP : LiftCall.DOWN;
        return new Lift(shown, holdout, minWindows, difference, interval, kind, strata, baseline, pValue, adjusted, newCall);
    }
}
