package dev.pulse.report;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Adjusted p-values for the per-trigger verdicts, so that eight triggers do not give eight chances
 * of a false call. Holm's step-down (Holm, "A simple sequentially rejective multiple test
 * procedure", Scand J Statist 1979;6:65-70) controls the family-wise error rate under any
 * dependence between the triggers (a visitor's windows share one arm); Benjamini-Hochberg
 * (J R Statist Soc B 1995;57:289-300) controls the false discovery rate instead. A trigger is
 * called up or down when its adjusted p-value is at most 0.05. NaN entries (not tested) stay NaN
 * and do not count in the family. Pure functions; thread-safe.
 */
public enum MultipleComparisons
{
    HOLM("Holm's step-down (family-wise error rate 5%)"),
    BENJAMINI_HOCHBERG("Benjamini-Hochberg (false discovery rate 5%)");

    private final String sentence;

    MultipleComparisons(final String sentence)
    {
        this.sentence = sentence;
    }

    public String sentence()
    {
        return sentence;
    }

    /** The adjusted p-values, index for index. */
    public double[] adjust(final double[] pValues)
    {
        final Integer[] order = tested(pValues);
        final int m = order.length;
        final double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        if (this == HOLM)
        {
            // p~(k) = max over j <= k of min(1, (m - j + 1) p(j)), ranks from 1.
            double running = 0;
            for (int k = 0; k < m; k++)
            {
                running = Math.max(running, Math.min(1, (m - k) * pValues[order[k]]));
                adjusted[order[k]] = running;
            }
        }
        else
        {
            // p~(k) = min over j >= k of min(1, m p(j) / j).
            double running = 1;
            for (int k = m - 1; k >= 0; k--)
            {
                running = Math.min(running, Math.min(1, m * pValues[order[k]] / (k + 1)));
                adjusted[order[k]] = running;
            }
        }
        return adjusted;
    }

    /** Indexes of the non-NaN p-values, smallest p first. */
    private static Integer[] tested(final double[] pValues)
    {
        return java.util.stream.IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i])).boxed()
            .sorted(Comparator.comparingDouble(i -> pValues[i])).toArray(Integer[]::new);
    }
}
