package dev.pulse.report;

import java.util.List;

/**
 * Searches by intent: what people searched for (the catalog intent their words matched), how often
 * it found nothing, and the questions those searches asked with what followed. Exploratory: nothing
 * here is randomised.
 *
 * @param daysCaptured the UTC days of the range with captured events (RAW_EVENT), which the search
 *                     counts come from: the catalog captures events ({@code capture_events}) and
 *                     retention did not compact them away ({@code journal_retention_mode: compact}).
 * @param daysSpanned  the UTC days from the range's first record to its last (0 without records).
 * @param intents      per intent by name, then "(other values)", then {@link #NO_INTENT}; only those searched or asked by.
 */
public record Searches(long daysCaptured, long daysSpanned, List<Intent> intents)
{
    /** The row of searches whose words matched no intent (and of questions such searches asked). */
    public static final String NO_INTENT = "(no intent)";

    /**
     * One intent's figures.
     *
     * @param intent   the intent's name in the catalog, or {@link #NO_INTENT}.
     * @param searches captured searches classified into it.
     * @param sessions distinct sessions that made one of them.
     * @param failed   searches with no results out of {@code searches}, with its Wilson interval.
     * @param asked    questions shown by a search detector's signal ({@code failed_search}, {@code search_intent}) on such a search.
     * @param forward  forward out of the complete shown windows of those questions (windows withdrawn unseen left out).
     */
    public record Intent(String intent, long searches, long sessions, Proportion failed, long asked, Proportion forward)
    {
    }
}
