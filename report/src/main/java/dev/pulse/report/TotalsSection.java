package dev.pulse.report;

import dev.pulse.journal.OutcomeGroup;

/** "Totals": closed windows by group and outcome, the range's counts, and the catalog versions seen. */
final class TotalsSection
{
    private TotalsSection()
    {
    }

    static void write(final Html html, final Report report)
    {
        final Totals totals = report.totals();
        html.raw("<section aria-labelledby=\"totals\">\n<h2 id=\"totals\">Totals</h2>\n");
        html.table("Closed outcome windows by group (rates with 95% intervals in %)", 1, "Group", "Closed", "Forward", "Exited",
            "Stalled", "Forward rate");
        for (final OutcomeGroup group : OutcomeGroup.values())
        {
            final WindowCounts counts = totals.windows().of(group);
            html.row(group.wireName(), Figures.count(counts.closed()), Figures.count(counts.forward()), Figures.count(counts.exited()),
                Figures.count(counts.stalled()), Figures.rate(counts.forwardRate()));
        }
        html.endTable();
        html.element("p", "note", "Rates pooled over all triggers mix triggers with different audiences: compare shown and "
            + "holdout per trigger, above.");
        html.table("Counts", 1, "What", "Count");
        html.row("journal records in the period", Figures.count(totals.records()));
        html.row("sessions (new or resumed)", Figures.count(totals.sessions()));
        html.row("sessions that started new", Figures.count(totals.newSessions()));
        html.row("signals (stuck moments)", Figures.count(totals.signals()));
        html.row("signals decided after a page-grace deferral", Figures.count(totals.decidedAfterDeferral()));
        html.row("signals still deferred at the end", Figures.count(totals.undecidedDeferred()));
        html.row("questions shown", Figures.count(totals.questionsShown()));
        html.row("answers and dismisses of questions shown before the period (not counted)", Figures.count(totals.answersOutsideRange()));
        html.row("questions withdrawn unseen (closed before their record was forced; not counted as asked)",
            Figures.count(totals.questionsUnseen()));
        html.row("outcome windows not measured (no slot free, or the slot given to a live window; in no rate)",
            Figures.count(totals.windowsUnmeasured()));
        html.endTable();
        html.table("Catalog versions seen", 2, "Version", "Hash", "First record", "Last record", "Closed windows", "Copy (in the data directory)");
        for (final CatalogVersionSeen version : report.catalogVersions())
        {
            html.rowWithText(version.version().isEmpty() ? "(not named in the journal)" : version.version(), version.hashHex(),
                Figures.time(version.firstSeenMs()), Figures.time(version.lastSeenMs()), Figures.count(version.windows()),
                version.copy().isEmpty() ? "(no copy)" : version.copy());
        }
        html.endTable();
        html.raw("</section>\n");
    }
}
