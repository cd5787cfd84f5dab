package dev.pulse.report;

/**
 * "Searches by intent": per catalog intent (and no intent), the searches captured, the sessions that
 * searched, the failed searches and their share, the questions such searches asked and the forward
 * rate of their shown windows; and, first, from how many days of captured events the searches come.
 */
final class SearchSection
{
    private SearchSection()
    {
    }

    static void write(final Html html, final Report report)
    {
        final Searches searches = report.searches();
        html.raw("<section aria-labelledby=\"searches\">\n<h2 id=\"searches\">Searches by intent</h2>\n");
        html.element("p", "note", captured(searches));
        if (searches.intents().isEmpty())
        {
            html.element("p", "note", "No search was captured and no search asked a question in this period.");
            html.raw("</section>\n");
            return;
        }
        html.table("Exploratory: searches by the catalog intent their words matched (failed: no results; rates with 95% "
            + "intervals in %; questions asked by failed_search and search_intent signals on those searches)", 1, "Intent", "Searches",
            "Sessions", "Failed", "Failed share", "Questions asked", "Forward / closed", "Forward rate");
        for (final Searches.Intent intent : searches.intents())
        {
            html.row(intent.intent(), Figures.count(intent.searches()), Figures.count(intent.sessions()),
                Figures.count(intent.failed().successes()), Figures.rate(intent.failed()), Figures.count(intent.asked()),
                Figures.fraction(intent.forward()), Figures.rate(intent.forward()));
        }
        html.endTable();
        html.raw("</section>\n");
    }

    /** Where the search counts come from, honestly: captured events only, and on how many of the days. */
    static String captured(final Searches searches)
    {
        return "Searches counted from " + Figures.count(searches.daysCaptured()) + " of " + Figures.count(searches.daysSpanned())
            + " days with records that hold captured events (the catalog's capture_events; journal_retention_mode: compact "
            + "drops them from old days). Questions asked and their outcomes come from signals, kept on every day.";
    }
}
