package dev.pulse.report;

import java.util.List;

/**
 * One kind of hand-off offered: a response of kind handoff, while someone was available or not, on
 * one channel; how often, and what followed. Exploratory: availability follows the office hours, so
 * the two rows of a response differ in their hours' visitors too, not only in the offer.
 *
 * @param response  the response's id.
 * @param available whether someone was available (within the catalog's office hours) when it was offered.
 * @param channel   {@code link}, {@code webhook} or {@code link+webhook}.
 * @param offered   HANDOFF records in the range.
 * @param triggers  the triggers whose shown windows offered it.
 * @param lift      its complete shown windows (treated) against the holdout windows of the same trigger and catalog version
 *                  (control), one stratum each, with the interval of the report's range.
 */
public record HandoffFigures(String response, boolean available, String channel, long offered, List<String> triggers, Lift lift)
{
    /** "available" or "unavailable", as the CSV and JSON say it. */
    public String availability()
    {
        return available ? "available" : "unavailable";
    }
}
