package dev.pulse.report;

import java.util.List;

/**
 * The report's first sentence: did a treated visitor move forward more often than a control
 * visitor? One unit per visitor: the first complete window of the visitor in the range (its first
 * stuck moment, when nothing had been shown to it yet in either arm), treated when it was shown the
 * question, control when held out; forward or not.
 *
 * @param lift         treated minus control forward rate over visitors.
 * @param strata       the units by catalog version and holdout share.
 * @param visitorsOpen visitors whose first window in the range is not complete yet (in no rate).
 */
public record Headline(Lift lift, List<Stratum> strata, long visitorsOpen)
{
    /** Visitors counted (units of both arms). */
    public long visitors()
    {
        return lift.shown().trials() + lift.holdout().trials();
    }
}
