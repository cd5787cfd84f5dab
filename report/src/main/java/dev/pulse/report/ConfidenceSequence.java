package dev.pulse.report;

import java.util.List;

/**
 * The anytime-valid interval of a live report: an asymptotic confidence sequence for the mean of
 * the inverse-propensity-weighted stream
 * <pre>
 *   psi_i = Z_i * Y_i / pi_i - (1 - Z_i) * Y_i / (1 - pi_i)
 * </pre>
 * where Z_i is 1 for a treated (shown) unit, Y_i is 1 when it moved forward and pi_i is the share
 * of its stratum's units that were treated ({@link Stratum#treatedShare}: the observed share, the
 * ratio or Hajek form of the weighting, so the mean is the stratified difference and a nominal
 * share that was not what the server drew cannot bias it). E[psi_i] is the lift whatever the
 * stratum, so units of different catalog versions and shares combine without Simpson's paradox
 * (Ham, Cook, Waudby-Smith, Lindon, Ramdas, "Design-based confidence sequences: a general approach
 * to risk mitigation in online experimentation", 2022).
 *
 * <p>The boundary is the Gaussian-mixture one of Waudby-Smith, Arnold, Wu, Lindon, Ramdas,
 * "Time-uniform central limit theory and asymptotic confidence sequences", Annals of Statistics
 * 2024 (eq. 2.7 / Theorem 2.2): with t units, mean m and variance s^2 (V = t s^2),
 * <pre>
 *   m +- sqrt( 2 (V rho^2 + 1) / (t^2 rho^2) * ln( sqrt(V rho^2 + 1) / alpha ) )
 * </pre>
 * which covers the lift at every t at once (asymptotically), so a reader may look as often as they
 * like. rho is fixed in advance (never fitted to the data, which would void the guarantee): it
 * makes the sequence tightest near {@link #TIGHTEST_AT_VARIANCE_UNITS} units of intrinsic time
 * (about 2,000 visitors at the stream's typical variance of 2.5). The matching anytime p-value is the
 * smallest alpha whose sequence excludes 0. Both depend only on t, the sum and the sum of squares,
 * so a report computes them from its strata's counts. Pure functions; thread-safe.
 */
final class ConfidenceSequence
{
    static final double ALPHA = 0.05;
    /** The intrinsic time (units times variance) at which the sequence is tightest. */
    static final double TIGHTEST_AT_VARIANCE_UNITS = 5_000;
    /** rho^2 = (-2 ln alpha + ln(-2 ln alpha + 1)) / V*, the paper's choice for tightness at V*. */
    static final double RHO_SQUARED = (-2 * Math.log(ALPHA) + Math.log(-2 * Math.log(ALPHA) + 1)) / TIGHTEST_AT_VARIANCE_UNITS;

    private ConfidenceSequence()
    {
    }

    /** The stream's sums over every unit of the strata. */
    record Stream(double units, double sum, double sumOfSquares)
    {
        static Stream of(final List<Stratum> strata)
        {
            double units = 0;
            double sum = 0;
            double squares = 0;
            for (final Stratum stratum : strata)
            {
                final double pi = stratum.treatedShare();
                // A forward treated unit adds 1/pi, a forward control unit -1/(1-pi), the others 0.
                units += stratum.units();
                sum += stratum.treated().successes() / pi - stratum.control().successes() / (1 - pi);
                squares += stratum.treated().successes() / (pi * pi) + stratum.control().successes() / ((1 - pi) * (1 - pi));
            }
            return new Stream(units, sum, squares);
        }

        double mean()
        {
            return sum / units;
        }

        /** t * s^2, with s^2 the plain (biased) sample variance. */
        double intrinsicTime()
        {
            return Math.max(0, sumOfSquares - sum * sum / units);
        }
    }

    /** The 95% confidence sequence at the current number of units, or null without units. */
    static Interval interval(final Stream stream)
    {
        if (stream.units() <= 0)
        {
            return null;
        }
        final double t = stream.units();
        final double scaled = stream.intrinsicTime() * RHO_SQUARED + 1;
        final double halfWidth = Math.sqrt(2 * scaled / (t * t * RHO_SQUARED) * Math.log(Math.sqrt(scaled) / ALPHA));
        return new Interval(stream.mean() - halfWidth, stream.mean() + halfWidth);
    }

    /** The anytime p-value for "no lift": min(1, sqrt(V rho^2 + 1) exp(-t^2 rho^2 m^2 / (2 (V rho^2 + 1)))). */
    static double pValue(final Stream stream)
    {
        if (stream.units() <= 0)
        {
            return Double.NaN;
        }
        final double t = stream.units();
        final double scaled = stream.intrinsicTime() * RHO_SQUARED + 1;
        final double mean = stream.mean();
        return Math.min(1, Math.sqrt(scaled) * Math.exp(-t * t * RHO_SQUARED * mean * mean / (2 * scaled)));
    }
}
