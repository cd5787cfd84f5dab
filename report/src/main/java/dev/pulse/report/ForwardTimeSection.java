package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;

import dev.pulse.journal.OutcomeGroup;

/**
 * "Time to forward": how long forward windows took, as percentiles per group and as a histogram of
 * the shares of each group's forward windows per time bucket (shares, so groups of different sizes
 * compare).
 */
final class ForwardTimeSection
{
    private ForwardTimeSection()
    {
    }

    static void write(final Html html, final ForwardTimes times)
    {
        html.raw("<section aria-labelledby=\"times\">\n<h2 id=\"times\">Time to forward</h2>\n");
        html.element("p", "note", "From the question (or the moment it would have been asked) to the forward page or goal, "
            + "for windows that moved forward.");
        final ForwardTimes.Durations shown = times.shown();
        final ForwardTimes.Durations holdout = times.holdout();
        final List<ColumnChart.Column> columns = new ArrayList<>();
        for (int i = 0; i < times.buckets().size(); i++)
        {
            final double shownShare = share(shown, i);
            final double holdoutShare = share(holdout, i);
            columns.add(new ColumnChart.Column(times.buckets().get(i).label(), new double[] {zeroIfNaN(shownShare), zeroIfNaN(holdoutShare)},
                new String[] {Figures.percent(shownShare), Figures.percent(holdoutShare)}));
        }
        html.raw("<figure>\n");
        ColumnChart.draw(html.builder(), "chart-time-to-forward", "Time to forward: share of forward windows by time taken",
            "For shown and holdout windows that moved forward, the share that did so within each time bucket.",
            List.of(new ColumnChart.Series("shown", Svg.SHOWN), new ColumnChart.Series("holdout", Svg.HOLDOUT)), columns,
            Figures::percent);
        html.raw("</figure>\n");
        html.table("Time to forward: percentiles", 1, "Group", "Forward windows", "25th percentile", "Median", "75th percentile",
            "90th percentile");
        for (final OutcomeGroup group : OutcomeGroup.values())
        {
            final ForwardTimes.Durations durations = times.of(group);
            html.row(group.wireName(), Figures.count(durations.count()), Figures.duration(durations.p25Ms()),
                Figures.duration(durations.p50Ms()), Figures.duration(durations.p75Ms()), Figures.duration(durations.p90Ms()));
        }
        html.endTable();
        html.table("Time to forward: forward windows per bucket", 1, "Time taken", "Shown", "Holdout", "Shadow");
        for (int i = 0; i < times.buckets().size(); i++)
        {
            html.row(times.buckets().get(i).label(), Figures.count(shown.bucketCounts().get(i)), Figures.count(holdout.bucketCounts().get(i)),
                Figures.count(times.shadow().bucketCounts().get(i)));
        }
        html.endTable();
        html.raw("</section>\n");
    }

    private static double share(final ForwardTimes.Durations durations, final int bucket)
    {
        return new Proportion(durations.bucketCounts().get(bucket), durations.count()).rate();
    }

    private static double zeroIfNaN(final double value)
    {
        return Double.isNaN(value) ? 0 : value;
    }
}
