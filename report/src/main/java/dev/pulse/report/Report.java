package dev.pulse.report;

import java.util.List;

/**
 * Everything the outcome report shows, computed in one pass over the journal by
 * {@link ReportAggregator}; the writers ({@link ReportFormat}) only lay it out and round.
 *
 * @param range           the records counted.
 * @param generatedAtMs   when the report was made.
 * @param totals          the range at a glance.
 * @param triggers        per trigger, by id.
 * @param questions       per question, by id.
 * @param forwardTimes    how long forward movement took.
 * @param exposure        questions per session.
 * @param catalogVersions the catalog versions records were made under, in order of first use.
 * @param headline        the per-visitor lift, the report's first sentence.
 * @param observation     how far the report could see, which windows are complete, which interval it shows.
 * @param breakdowns      the headline's units by day, context, page kind and catalog version (exploratory).
 * @param coverage        the requested days the journal no longer holds (retention deleted them).
 * @param helpfulness     "Did this help?" per response rated in the range, by id, and per answer that led to it.
 * @param searches        searches and the questions they asked, by the catalog intent their words matched (exploratory).
 * @param handoffs        hand-offs offered, by response, availability and channel, against their triggers' control (exploratory).
 */
public record Report(ReportRange range, long generatedAtMs, Totals totals, List<TriggerFigures> triggers, List<QuestionFigures> questions,
    ForwardTimes forwardTimes, Exposure exposure, List<CatalogVersionSeen> catalogVersions, Headline headline,
    Observation observation, List<Breakdown> breakdowns, Coverage coverage, List<Helpfulness> helpfulness,
    Searches searches, List<HandoffFigures> handoffs)
{
}
