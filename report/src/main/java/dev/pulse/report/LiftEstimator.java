package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the units of each stratum into one {@link Lift}:
 * <ul>
 *   <li>live (anytime): the {@link ConfidenceSequence} of the inverse-propensity-weighted stream,
 *   whatever the number of strata;</li>
 *   <li>closed range, one stratum: Newcombe's hybrid score interval ({@link ScoreIntervals}) and the
 *   {@link MantelHaenszel} p-value (Yates-corrected, hypergeometric variance);</li>
 *   <li>closed range, several strata: the stratified difference sum_s w_s (p_ts - p_cs) with w_s the
 *   stratum's share of the units, variance sum_s w_s^2 (p_ts q_ts / n_ts + p_cs q_cs / n_cs), and a
 *   normal (Wald) interval; its p-value is the continuity-corrected {@link MantelHaenszel} test's,
 *   which keeps its level with small arms: each stratum compares like with like, so a changed holdout
 *   share with a drifting baseline cannot bias the lift (Simpson's paradox) as naive pooling would.</li>
 * </ul>
 * Strata without a unit in each arm have no difference of their own and are left out. Pure; thread-safe.
 */
final class LiftEstimator
{
    private LiftEstimator()
    {
    }

    static Lift estimate(final List<Stratum> allStrata, final boolean anytime, final int minUnits)
    {
        long treatedForward = 0;
        long treated = 0;
        long controlForward = 0;
        long control = 0;
        final List<Stratum> strata = new ArrayList<>();
        for (final Stratum stratum : allStrata)
        {
            treatedForward += stratum.treated().successes();
            treated += stratum.treated().trials();
            controlForward += stratum.control().successes();
            control += stratum.control().trials();
            if (stratum.comparable())
            {
                strata.add(stratum);
            }
        }
        final Proportion shown = new Proportion(treatedForward, treated);
        final Proportion holdout = new Proportion(controlForward, control);
        final IntervalKind kind = anytime ? IntervalKind.ANYTIME : strata.size() > 1 ? IntervalKind.STRATIFIED : IntervalKind.NEWCOMBE;
        if (strata.isEmpty())
        {
            return new Lift(shown, holdout, minUnits, Double.NaN, null, kind, 0, Double.NaN, Double.NaN, Double.NaN, LiftCall.NOT_TESTED);
        }
        return switch (kind)
        {
            case ANYTIME -> anytime(shown, holdout, strata, minUnits);
            case STRATIFIED -> stratified(shown, holdout, strata, minUnits);
            case NEWCOMBE -> newcombe(strata.get(0), minUnits);
        };
    }

    private static Lift newcombe(final Stratum stratum, final int minUnits)
    {
        final Proportion shown = stratum.treated();
        final Proportion holdout = stratum.control();
        final Interval interval = ScoreIntervals.newcombe(shown.successes(), shown.trials(), holdout.successes(), holdout.trials());
        final double difference = shown.rate() - holdout.rate();
        return result(shown, holdout, minUnits, difference, interval, IntervalKind.NEWCOMBE, 1, holdout.rate(),
            MantelHaenszel.pValue(List.of(stratum)));
    }

    private static Lift stratified(final Proportion shown, final Proportion holdout, final List<Stratum> strata, final int minUnits)
    {
        double units = 0;
        for (final Stratum stratum : strata)
        {
            units += stratum.units();
        }
        double difference = 0;
        double baseline = 0;
        double variance = 0;
        for (final Stratum stratum : strata)
        {
            final double weight = stratum.units() / units;
            final double pt = stratum.treated().rate();
            final double pc = stratum.control().rate();
            difference += weight * (pt - pc);
            baseline += weight * pc;
            variance += weight * weight * (pt * (1 - pt) / stratum.treated().trials() + pc * (1 - pc) / stratum.control().trials());
        }
        final double half = ScoreIntervals.Z * Math.sqrt(variance);
        return result(shown, holdout, minUnits, difference, new Interval(Math.max(-1, difference - half), Math.min(1, difference + half)),
            IntervalKind.STRATIFIED, strata.size(), baseline, MantelHaenszel.pValue(strata));
    }

    private static Lift anytime(final Proportion shown, final Proportion holdout, final List<Stratum> strata, final int minUnits)
    {
        final ConfidenceSequence.Stream stream = ConfidenceSequence.Stream.of(strata);
        // The control's rate on the same weighting: the mean of (1 - Z) Y / (1 - pi).
        double controlSum = 0;
        for (final Stratum stratum : strata)
        {
            controlSum += stratum.control().successes() / (1 - stratum.treatedShare());
        }
        final Interval sequence = ConfidenceSequence.interval(stream);
        final Interval interval = new Interval(Math.max(-1, sequence.low()), Math.min(1, sequence.high()));
        return result(shown, holdout, minUnits, stream.mean(), interval, IntervalKind.ANYTIME, strata.size(), controlSum / stream.units(),
            ConfidenceSequence.pValue(stream));
    }

    private static Lift result(final Proportion shown, final Proportion holdout, final int minUnits, final double difference,
        final Interval interval, final IntervalKind kind, final int strata, final double baseline, final double p)
    {
        return new Lift(shown, holdout, minUnits, difference, interval, kind, strata, baseline, p, Double.NaN, LiftCall.NOT_TESTED);
    }
}
