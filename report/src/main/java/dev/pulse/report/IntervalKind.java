package dev.pulse.report;

/**
 * Which interval a lift carries, and why. A report over a closed past range is read once, so a
 * fixed-horizon interval is honest; a live report (a range still open) invites a look every hour,
 * and only an anytime-valid interval keeps its 95% over all of those looks.
 */
public enum IntervalKind
{
    /** One stratum, closed range: Newcombe's hybrid score interval (method 10), continuity-corrected Mantel-Haenszel p-value. */
    NEWCOMBE("newcombe", "fixed-horizon: Newcombe's hybrid score interval, for a report over a closed range with one stratum"),
    /** Several strata, closed range: the stratified difference (units weighted by their stratum's size), Wald interval. */
    STRATIFIED("stratified", "fixed-horizon: the difference within each stratum (catalog version and holdout share), weighted by "
        + "the stratum's share of the units, with a normal interval; strata are never pooled naively"),
    /** A live range: the asymptotic confidence sequence on the inverse-propensity-weighted stream. */
    ANYTIME("anytime", "anytime-valid: an asymptotic confidence sequence (Waudby-Smith et al. 2024) on the inverse-propensity-"
        + "weighted stream (Ham et al. 2022), so that looking at a live report as often as one likes keeps its 95%");

    private final String wireName;
    private final String sentence;

    IntervalKind(final String wireName, final String sentence)
    {
        this.wireName = wireName;
        this.sentence = sentence;
    }

    /** The name in JSON and CSV. */
    public String wireName()
    {
        return wireName;
    }

    /** What it is, in words. */
    public String sentence()
    {
        return sentence;
    }
}
