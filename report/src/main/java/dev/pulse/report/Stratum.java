package dev.pulse.report;

/**
 * The units of one stratum: one catalog version with its holdout share. Within a stratum each unit
 * was held out with the same known probability, so the two arms compare like with like; across
 * strata they need not (a share changed while the baseline drifted), so strata are never pooled
 * naively (see {@link LiftEstimator}).
 *
 * @param catalogVersion the version hash that opened the units' windows.
 * @param holdoutShare   the chance a unit was held out (control), 0 &lt; share &lt; 1 for a comparison.
 * @param treated        forward units out of treated (shown) units.
 * @param control        forward units out of control (holdout) units.
 */
public record Stratum(long catalogVersion, double holdoutShare, Proportion treated, Proportion control)
{
    /** Units of both arms. */
    public long units()
    {
        return treated.trials() + control.trials();
    }

    /** Whether both arms have a unit, so the stratum has a difference of its own. */
    public boolean comparable()
    {
        return treated.trials() > 0 && control.trials() > 0;
    }

    /**
     * The share of this stratum's units that were treated, as observed. The anytime stream weights by it rather than by
     * 1 - {@link #holdoutShare}: with the observed share the stream's mean is exactly the stratified difference, and a
     * nominal share that does not match what was drawn (a catalog copy missing, so the defaults stand in; a per-trigger
     * holdout) cannot bias the lift.
     */
    public double treatedShare()
    {
        return (double)treated.trials() / units();
    }
}
