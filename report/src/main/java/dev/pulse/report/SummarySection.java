package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;


/**
 * "At a glance": the counts that frame everything else, then one plain sentence per trigger about
 * its lift, worded by where its interval lies (above zero, below zero, or across it).
 */
final class SummarySection
{
    private SummarySection()
    {
    }

    static void write(final Html html, final Report report)
    {
        final Totals totals = report.totals();
        final Exposure exposure = report.exposure();
        html.raw("<section aria-labelledby=\"glance\">\n<h2 id=\"glance\">At a glance</h2>\n<div class=\"cards\">\n");
        card(html, Figures.count(totals.sessions()), "sessions");
        card(html, Figures.count(totals.signals()), "stuck moments signalled");
        card(html, Figures.count(totals.questionsShown()), "questions shown");
        card(html, Figures.percent(new Proportion(exposure.sessions() - exposure.zero(), exposure.sessions()).rate()),
            "of sessions saw a question");
        card(html, Figures.count(totals.windows().closed()), "complete outcome windows");
        card(html, Figures.count(report.observation().windowsOpen()), "windows still open (in no rate)");
        html.raw("</div>\n");
        html.raw("<p class=\"headline\">").text(headline(report)).raw("</p>\n");
        html.element("p", "note", "Interval: " + report.observation().intervalKind().sentence() + ". Per-trigger calls: "
            + report.observation().comparisons().sentence() + "." + (report.observation().policiesKnown() ? ""
            : " Some catalog versions could not be read: their window lengths and holdout share were taken as the defaults."));
        html.element("p", "note", "Pulse is judged by forward movement, not clicks: the question is whether people who were "
            + "asked moved forward more often than comparable people who were held out.");
        html.raw("<ul class=\"reading\">\n");
        for (final String sentence : readings(report.triggers()))
        {
            html.raw(sentence);
        }
        html.raw("</ul>\n</section>\n");
    }

    /** One list item per trigger with enough data, then one for those without; markup, text escaped. */
    static List<String> readings(final List<TriggerFigures> triggers)
    {
        final List<String> items = new ArrayList<>();
        final List<String> notEnough = new ArrayList<>();
        for (final TriggerFigures trigger : triggers)
        {
            final Lift lift = trigger.lift();
            if (!lift.enoughData())
            {
                if (lift.shown().trials() > 0 || lift.holdout().trials() > 0)
                {
                    notEnough.add(trigger.trigger());
                }
                continue;
            }
            final String verdict = lift.call().sentence() + " (adjusted p " + Figures.pValue(lift.adjustedP()) + ")";
            final String cssClass = lift.call() == LiftCall.UP ? "up" : lift.call() == LiftCall.DOWN ? "down" : "flat";
            items.add("<li><strong>" + Html.escape(trigger.trigger()) + "</strong>: <span class=\"" + cssClass + "\">"
                + Html.escape(Figures.lift(lift.difference()) + " " + Figures.liftInterval(lift.interval())) + "</span>, "
                + Html.escape(verdict + " (forward " + Figures.percent(lift.shown().rate()) + " shown vs "
                + Figures.percent(lift.holdout().rate()) + " held out).") + "</li>\n");
        }
        if (!notEnough.isEmpty())
        {
            items.add("<li>Not enough data yet for " + Html.escape(String.join(", ", notEnough)) + " (each group needs "
                + ReportMethod.MIN_CLOSED_WINDOWS + " closed windows).</li>\n");
        }
        if (items.isEmpty())
        {
            items.add("<li>No outcome window complete in this period.</li>\n");
        }
        return items;
    }

    /** The report's first sentence: the per-visitor lift, absolute and relative, with its interval. */
    static String headline(final Report report)
    {
        final Headline headline = report.headline();
        final Lift lift = headline.lift();
        if (!lift.enoughData())
        {
            return "Per visitor: not enough data yet (each arm needs " + ReportMethod.MIN_CLOSED_WINDOWS + " visitors with a complete "
                + "first window; " + Figures.count(headline.visitors()) + " so far, " + Figures.count(headline.visitorsOpen())
                + " still open).";
        }
        return "Per visitor: asking moved " + Figures.lift(lift.difference()) + " more people forward (95% interval "
            + Figures.liftInterval(lift.interval()) + "; relative " + Figures.relative(lift.relative()) + "), "
            + Figures.percent(lift.shown().rate()) + " of " + Figures.count(lift.shown().trials()) + " treated visitors against "
            + Figures.percent(lift.holdout().rate()) + " of " + Figures.count(lift.holdout().trials()) + " control visitors"
            + (lift.strata() > 1 ? ", combined over " + lift.strata() + " strata (catalog version and holdout share)" : "") + ".";
    }

    private static void card(final Html html, final String value, final String label)
    {
        html.raw("<div class=\"card\"><div class=\"value\">").text(value).raw("</div><div class=\"label\">").text(label)
            .raw("</div></div>\n");
    }
}
