package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's statistics against a known truth, simulated in memory (no journal: the estimator
 * and the multiple-comparison step get the per-stratum unit counts the report builds). A population
 * of visitors, each with a sticky arm (control when its hash bucket is under the holdout share),
 * whose first complete window falls on one of eight triggers with its own baseline and true lift;
 * the catalog changes half way from a 20% to a 50% holdout while the baseline drifts up by 10
 * points (naive pooling would be biased: Simpson's paradox). Seeds are fixed, so every run gives
 * the same counts.
 *
 * <p>Tolerances: with 400 experiments and true coverage 95%, the count of covering intervals has
 * standard deviation sqrt(400 * 0.95 * 0.05) = 4.4; 93-97% is 372-388, +-1.8 sd, and being
 * deterministic the test cannot flake: it either always passes or the method is wrong.
 */
class CoverageSimulationTest
{
    // The population of the journal simulation, so both simulations test the same truth.
    private static final int TRIGGERS = SimulatedJournal.TRIGGERS;
    private static final double[] BASELINE = SimulatedJournal.BASELINE;
    private static final double[] LIFT = SimulatedJournal.LIFT;
    private static final double[] HOLDOUT = SimulatedJournal.HOLDOUT;
    private static final double DRIFT = SimulatedJournal.DRIFT;

    /** One experiment's units: per stratum, per trigger (index TRIGGERS is the headline): treated forward, treated, control forward, control. */
    private static long[][][] experiment(final Random random, final int visitors, final double[] lift)
    {
        final long[][][] counts = new long[TRIGGERS + 1][2][4];
        for (int v = 0; v < visitors; v++)
        {
            final int stratum = random.nextBoolean() ? 0 : 1;
            final boolean control = random.nextDouble() < HOLDOUT[stratum];
            final int trigger = SimulatedJournal.draw(random);
            final double p = BASELINE[trigger] + DRIFT * stratum + (control ? 0 : lift[trigger]);
            final boolean forward = random.nextDouble() < p;
            for (final int family : new int[] {trigger, TRIGGERS})
            {
                final int arm = control ? 2 : 0;
                counts[family][stratum][arm] += forward ? 1 : 0;
                counts[family][stratum][arm + 1]++;
            }
        }
        return counts;
    }

    private static List<Stratum> strata(final long[][] counts)
    {
        final List<Stratum> strata = new ArrayList<>();
        for (int s = 0; s < counts.length; s++)
        {
            strata.add(new Stratum(s, HOLDOUT[s], new Proportion(counts[s][0], counts[s][1]), new Proportion(counts[s][2], counts[s][3])));
        }
        return strata;
    }

    @Test
    void shouldCoverTheTrueHeadlineLiftIn93To97PercentOfExperiments()
    {
        final Random random = new Random(14);
        final double truth = SimulatedJournal.headlineTruth();
        int covered = 0;
        int naiveCovered = 0;
        final int experiments = 400;
        for (int e = 0; e < experiments; e++)
        {
            final long[][][] counts = experiment(random, 4_000, LIFT);
            final Lift lift = LiftEstimator.estimate(strata(counts[TRIGGERS]), false, 30);
            assertThat(lift.kind()).isEqualTo(IntervalKind.STRATIFIED);
            covered += lift.interval().contains(truth) ? 1 : 0;
            final long[] pooled = new long[4];
            for (final long[] stratum : counts[TRIGGERS])
            {
                for (int i = 0; i < 4; i++)
                {
                    pooled[i] += stratum[i];
                }
            }
            naiveCovered += ScoreIntervals.newcombe(pooled[0], pooled[1], pooled[2], pooled[3]).contains(truth) ? 1 : 0;
        }
        System.out.println("headline coverage (stratified): " + covered + " of " + experiments + "; naive pooled: " + naiveCovered);
        assertThat(covered).isBetween(372, 388);
        // Pooling across the change of holdout share is biased: its coverage collapses. This is why strata are kept apart.
        assertThat(naiveCovered).isLessThan(300);
    }

    @Test
    void shouldKeepTheFamilyWiseFalseCallRateAtOrUnder5PercentAcrossEightNullTriggers()
    {
        final Random random = new Random(41);
        final double[] none = new double[TRIGGERS];
        int experimentsWithAFalseCall = 0;
        int unadjustedFalseCalls = 0;
        int tests = 0;
        int testsRejectedAt5Percent = 0;
        final int experiments = 2_000;
        for (int e = 0; e < experiments; e++)
        {
            final long[][][] counts = experiment(random, 6_000, none);
            final double[] pValues = new double[TRIGGERS];
            boolean unadjusted = false;
            for (int t = 0; t < TRIGGERS; t++)
            {
                final Lift lift = LiftEstimator.estimate(strata(counts[t]), false, 30);
                pValues[t] = lift.enoughData() ? lift.pValue() : Double.NaN;
                tests += lift.enoughData() ? 1 : 0;
                testsRejectedAt5Percent += pValues[t] <= LiftCall.LEVEL ? 1 : 0;
                unadjusted |= pValues[t] <= LiftCall.LEVEL;
            }
            final double[] adjusted = MultipleComparisons.HOLM.adjust(pValues);
            boolean falseCall = false;
            for (final double p : adjusted)
            {
                falseCall |= p <= LiftCall.LEVEL;
            }
            experimentsWithAFalseCall += falseCall ? 1 : 0;
            unadjustedFalseCalls += unadjusted ? 1 : 0;
        }
        // Holm with exact p-values has a family-wise rate of at most 5% (1 - (1 - 0.05/8)^8 = 4.9% for eight independent
        // null triggers). The per-trigger p-value is the continuity-corrected Mantel-Haenszel test's, which is conservative
        // on small arms (the uncorrected score test gave 209 of 4,000 = 5.2% on this population: its normal tail is a little
        // too light at Holm's 0.05/8). Measured with this seed: 72 of 2,000 = 3.6% (unadjusted: 537 = 27%; per-trigger
        // rejections at 5%: 622 of 15,958 null tests = 3.9%). The bound is the 5% (100 of 2,000); the count's
        // standard deviation near 3.6% is sqrt(2000 * 0.036 * 0.964) = 8.3, so the measured count sits 3.3 sd under it,
        // and being seeded the test gives the same count on every run: it cannot flake, it fails only when the method
        // changes. A method at 5.2% (104) or the unadjusted per-trigger rule (about a third) fails it.
        System.out.println("family-wise false calls (Holm, 8 null triggers): " + experimentsWithAFalseCall + " of " + experiments
            + "; unadjusted: " + unadjustedFalseCalls + "; per-trigger tests rejected at 5%: " + testsRejectedAt5Percent + " of " + tests);
        assertThat(experimentsWithAFalseCall).isLessThanOrEqualTo(experiments / 20);
        assertThat(unadjustedFalseCalls).as("without the adjustment the family errs far more often").isGreaterThan(experiments / 5);
        // Each trigger's test keeps its own level too (not only the family's): at most 5% of the null tests reject at 5%.
        assertThat(testsRejectedAt5Percent).isLessThanOrEqualTo(tests / 20);
    }

    @Test
    void shouldKeepAnytimeCoverageOverEveryHourlyLook()
    {
        // 200 experiments of 48 hours, 150 visitors an hour (the catalog changes at hour 24); a path is covered when every
        // hourly look with enough data covers the truth. The asymptotic sequence is conservative: expect well over 95%.
        final Random random = new Random(7);
        final double truth = SimulatedJournal.headlineTruth();
        int pathsCovered = 0;
        final int experiments = 200;
        for (int e = 0; e < experiments; e++)
        {
            final long[][] counts = new long[2][4];
            boolean covered = true;
            for (int hour = 0; hour < 48; hour++)
            {
                final int stratum = hour < 24 ? 0 : 1;
                for (int v = 0; v < 150; v++)
                {
                    final boolean control = random.nextDouble() < HOLDOUT[stratum];
                    final int trigger = SimulatedJournal.draw(random);
                    final boolean forward = random.nextDouble() < BASELINE[trigger] + DRIFT * stratum + (control ? 0 : LIFT[trigger]);
                    final int arm = control ? 2 : 0;
                    counts[stratum][arm] += forward ? 1 : 0;
                    counts[stratum][arm + 1]++;
                }
                final Lift lift = LiftEstimator.estimate(strata(counts), true, 30);
                if (lift.enoughData() && !lift.interval().contains(truth))
                {
                    covered = false;
                }
            }
            pathsCovered += covered ? 1 : 0;
        }
        System.out.println("anytime paths covered at every hourly look: " + pathsCovered + " of " + experiments);
        assertThat(pathsCovered).isGreaterThanOrEqualTo(190);
    }
}
