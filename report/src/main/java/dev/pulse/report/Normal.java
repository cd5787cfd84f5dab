package dev.pulse.report;

/** The standard normal distribution's tail, for p-values. Pure functions; thread-safe. */
final class Normal
{
    private Normal()
    {
    }

    /**
     * Two-sided p-value of a z statistic: 2 (1 - Phi(|z|)), via erfc with the rational approximation
     * of Numerical Recipes' erfcc (Chebyshev fit, fractional error under 1.2e-7 everywhere), enough
     * for comparing p-values with 0.05 / m.
     */
    static double twoSidedP(final double z)
    {
        if (Double.isNaN(z))
        {
            return Double.NaN;
        }
        return Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
    }

    static double erfc(final double x)
    {
        final double z = Math.abs(x);
        final double t = 1 / (1 + 0.5 * z);
        final double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
