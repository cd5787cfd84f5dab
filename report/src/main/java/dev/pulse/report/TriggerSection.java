package dev.pulse.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.pulse.detect.governor.Verdict;

/**
 * "Lift by trigger": forward rates of shown against holdout windows (chart and table), the lift
 * with its interval (chart and table), what became of the signals, and shadow triggers' rates.
 */
final class TriggerSection
{
    private TriggerSection()
    {
    }

    static void write(final Html html, final Report report)
    {
        final List<TriggerFigures> triggers = report.triggers();
        html.raw("<section aria-labelledby=\"lift\">\n<h2 id=\"lift\">Lift by trigger</h2>\n");
        if (triggers.isEmpty())
        {
            html.element("p", "note", "No trigger signalled in this period.");
            html.raw("</section>\n");
            return;
        }
        html.element("p", "note", "Forward rate of shown windows against holdout windows of each trigger; whiskers are 95% "
            + "intervals. A lift needs " + ReportMethod.MIN_CLOSED_WINDOWS + " closed windows in each group.");
        // Shadow-only triggers (and triggers whose windows are all still open) have nothing to compare: they are left
        // out of the comparison and listed with their own rates below.
        final List<TriggerFigures> compared = triggers.stream()
            .filter(trigger -> trigger.windows().shown().closed() > 0 || trigger.windows().holdout().closed() > 0).toList();
        if (!compared.isEmpty())
        {
            comparison(html, compared);
        }
        signalTable(html, triggers);
        shadowTable(html, triggers);
        html.raw("</section>\n");
    }

    private static void comparison(final Html html, final List<TriggerFigures> triggers)
    {
        final List<RateChart.Row> rows = new ArrayList<>();
        for (final TriggerFigures trigger : triggers)
        {
            rows.add(new RateChart.Row(trigger.trigger(), List.of(trigger.windows().shown().forwardRate(),
                trigger.windows().holdout().forwardRate())));
        }
        html.raw("<figure>\n");
        RateChart.draw(html.builder(), "chart-trigger-rates", "Forward rate by trigger: shown vs holdout",
            "For each trigger, the share of closed outcome windows that moved forward, for shown questions and for the "
                + "holdout, with 95% Wilson intervals.",
            List.of(new RateChart.Series("shown", Svg.SHOWN), new RateChart.Series("holdout", Svg.HOLDOUT)), rows);
        LiftChart.draw(html.builder(), "chart-lift", triggers);
        html.raw("</figure>\n");
        forwardTable(html, triggers);
    }

    private static void forwardTable(final Html html, final List<TriggerFigures> triggers)
    {
        html.raw("<div class=\"table-wrap\">\n").table("Forward movement by trigger: forward / closed windows, rates with 95% "
            + "intervals in %, lift in percentage points; one unit per visitor (its first complete window of the trigger)", 1,
            "Trigger", "Shown", "Shown rate", "Holdout", "Holdout rate", "Lift", "Relative", "Call");
        for (final TriggerFigures trigger : triggers)
        {
            final Lift lift = trigger.lift();
            final Proportion shown = lift.shown();
            final Proportion holdout = lift.holdout();
            html.row(trigger.trigger(), Figures.fraction(shown), Figures.rate(shown), Figures.fraction(holdout), Figures.rate(holdout),
                lift.enoughData() ? Figures.lift(lift.difference()) + " " + Figures.liftInterval(lift.interval()) : "not enough data",
                lift.enoughData() ? Figures.relative(lift.relative()) : Figures.NO_VALUE,
                lift.call().wireName() + (Double.isNaN(lift.adjustedP()) ? "" : " (p " + Figures.pValue(lift.adjustedP()) + ")"));
        }
        html.endTable().raw("</div>\n");
    }

    private static void signalTable(final Html html, final List<TriggerFigures> triggers)
    {
        html.raw("<div class=\"table-wrap\">\n").table("Signals and questions by trigger", 2, "Trigger", "Detector", "Signals",
            "Shown", "Holdout", "Shadow", "Answered", "Dismissed");
        for (final TriggerFigures trigger : triggers)
        {
            html.rowWithText(trigger.trigger(), trigger.detector(), Figures.count(trigger.signals()), Figures.count(trigger.shown()),
                Figures.count(trigger.holdout()), Figures.count(trigger.shadow()), Figures.count(trigger.answered()),
                Figures.count(trigger.dismissed()));
        }
        html.endTable().raw("</div>\n");
        // The governor's order; "deferred" (still undecided) last, after the final verdicts.
        final Set<String> verdicts = new LinkedHashSet<>();
        for (final Verdict verdict : Verdict.values())
        {
            if (verdict != Verdict.DEFERRED)
            {
                verdicts.add(verdict.reason());
            }
        }
        final Set<String> seen = new LinkedHashSet<>();
        for (final TriggerFigures trigger : triggers)
        {
            seen.addAll(trigger.verdicts().keySet());
        }
        verdicts.retainAll(seen);
        verdicts.addAll(seen);
        final List<String> headings = new ArrayList<>(List.of("Trigger"));
        verdicts.forEach(verdict -> headings.add(verdict.equals(SignalTally.DEFERRED) ? "still deferred" : verdict));
        html.raw("<div class=\"table-wrap\">\n").table("Signals by the governor's final verdict", 1, headings.toArray(String[]::new));
        for (final TriggerFigures trigger : triggers)
        {
            final List<String> cells = new ArrayList<>();
            verdicts.forEach(verdict -> cells.add(Figures.count(trigger.verdicts().getOrDefault(verdict, 0L))));
            html.row(trigger.trigger(), cells.toArray(String[]::new));
        }
        html.endTable().raw("</div>\n");
    }

    private static void shadowTable(final Html html, final List<TriggerFigures> triggers)
    {
        final List<TriggerFigures> shadowed = triggers.stream().filter(trigger -> trigger.windows().shadow().closed() > 0).toList();
        if (shadowed.isEmpty())
        {
            return;
        }
        html.table("Shadow triggers: recorded, never shown (rates with 95% intervals in %)", 1, "Trigger", "Forward / closed",
            "Forward rate");
        for (final TriggerFigures trigger : shadowed)
        {
            final Proportion shadow = trigger.windows().shadow().forwardRate();
            html.row(trigger.trigger(), Figures.fraction(shadow), Figures.rate(shadow));
        }
        html.endTable();
    }
}
