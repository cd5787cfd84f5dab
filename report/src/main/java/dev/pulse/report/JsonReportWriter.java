package dev.pulse.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.pulse.journal.OutcomeGroup;

/**
 * The report as one JSON object, for machines: the same figures as the HTML, unrounded (rates as
 * proportions from 0 to 1, durations in milliseconds, times as ISO instants), a missing rate or
 * interval as null, and a {@code method} object saying how they were computed.
 */
final class JsonReportWriter
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReportWriter()
    {
    }

    static void write(final Report report, final Writer out) throws IOException
    {
        try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter())
        {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("report", "pulse outcomes");
            json.writeStringField("generated_at", Figures.iso(report.generatedAtMs()));
            range(json, report.range());
            coverage(json, report.coverage());
            method(json);
            JsonHeadlineWriter.observation(json, report.observation());
            JsonHeadlineWriter.headline(json, report.headline());
            totals(json, report.totals(), report.exposure(), report.catalogVersions());
            json.writeArrayFieldStart("triggers");
            for (final TriggerFigures trigger : report.triggers())
            {
                trigger(json, trigger);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("questions");
            for (final QuestionFigures question : report.questions())
            {
                JsonQuestionWriter.question(json, question);
            }
            json.writeEndArray();
            JsonHelpfulnessWriter.helpfulness(json, report.helpfulness());
            JsonSearchWriter.searches(json, report.searches());
            JsonHandoffWriter.handoffs(json, report.handoffs());
            JsonBreakdownWriter.breakdowns(json, report.breakdowns());
            JsonQuestionWriter.forwardTimes(json, report.forwardTimes());
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void range(final JsonGenerator json, final ReportRange range) throws IOException
    {
        json.writeObjectFieldStart("range");
        json.writeStringField("from", range.fromMs() == Long.MIN_VALUE ? null : Figures.iso(range.fromMs()));
        json.writeStringField("to_exclusive", range.toMs() == Long.MAX_VALUE ? null : Figures.iso(range.toMs()));
        json.writeEndObject();
    }

    /** Where the journal starts, and the requested days before it (null when every one is covered). */
    private static void coverage(final JsonGenerator json, final Coverage coverage) throws IOException
    {
        json.writeObjectFieldStart("coverage");
        json.writeStringField("journal_starts", coverage.oldestRecordMs() == Long.MAX_VALUE ? null : Figures.iso(coverage.oldestRecordMs()));
        if (coverage.complete())
        {
            json.writeNullField("days_not_covered");
        }
        else
        {
            json.writeObjectFieldStart("days_not_covered");
            json.writeStringField("first", coverage.firstDayNotCovered());
            json.writeStringField("last", coverage.lastDayNotCovered());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void method(final JsonGenerator json) throws IOException
    {
        json.writeObjectFieldStart("method");
        json.writeNumberField("z", ScoreIntervals.Z);
        json.writeStringField("confidence", ReportMethod.CONFIDENCE);
        json.writeStringField("rate_interval", "Wilson score interval");
        json.writeStringField("lift_interval", "Newcombe hybrid score interval (method 10, Newcombe 1998) over a closed range with "
            + "one stratum; stratified normal interval over several; asymptotic confidence sequence (Waudby-Smith et al. 2024) "
            + "on the inverse-propensity-weighted stream when live");
        json.writeNumberField("min_closed_windows", ReportMethod.MIN_CLOSED_WINDOWS);
        json.writeStringField("percentiles", "nearest rank");
        for (final Map.Entry<String, String> sentence : ReportMethod.sentences().entrySet())
        {
            json.writeStringField(sentence.getKey(), sentence.getValue());
        }
        json.writeEndObject();
    }

    private static void totals(final JsonGenerator json, final Totals totals, final Exposure exposure,
        final List<CatalogVersionSeen> versions) throws IOException
    {
        json.writeObjectFieldStart("totals");
        json.writeNumberField("records", totals.records());
        json.writeStringField("first_record", totals.records() == 0 ? null : Figures.iso(totals.firstRecordMs()));
        json.writeStringField("last_record", totals.records() == 0 ? null : Figures.iso(totals.lastRecordMs()));
        json.writeNumberField("sessions", totals.sessions());
        json.writeNumberField("new_sessions", totals.newSessions());
        json.writeNumberField("questions_shown", totals.questionsShown());
        json.writeNumberField("signals", totals.signals());
        json.writeNumberField("signals_decided_after_deferral", totals.decidedAfterDeferral());
        json.writeNumberField("signals_still_deferred", totals.undecidedDeferred());
        json.writeNumberField("answers_to_questions_shown_before_range", totals.answersOutsideRange());
        json.writeNumberField("questions_withdrawn_unseen", totals.questionsUnseen());
        json.writeNumberField("outcome_windows_unmeasured", totals.windowsUnmeasured());
        windows(json, "windows", totals.windows());
        json.writeObjectFieldStart("exposure");
        json.writeNumberField("sessions", exposure.sessions());
        json.writeNumberField("zero", exposure.zero());
        json.writeNumberField("one", exposure.one());
        json.writeNumberField("two", exposure.two());
        json.writeNumberField("three_or_more", exposure.threeOrMore());
        json.writeEndObject();
        json.writeArrayFieldStart("catalog_versions");
        for (final CatalogVersionSeen version : versions)
        {
            json.writeStartObject();
            json.writeStringField("hash", version.hashHex());
            json.writeStringField("version", version.version());
            json.writeStringField("first_seen", Figures.iso(version.firstSeenMs()));
            json.writeStringField("last_seen", Figures.iso(version.lastSeenMs()));
            json.writeNumberField("windows", version.windows());
            json.writeStringField("copy", version.copy().isEmpty() ? null : version.copy());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void trigger(final JsonGenerator json, final TriggerFigures trigger) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("trigger", trigger.trigger());
        json.writeStringField("detector", trigger.detector());
        json.writeNumberField("signals", trigger.signals());
        json.writeObjectFieldStart("verdicts");
        for (final Map.Entry<String, Long> verdict : trigger.verdicts().entrySet())
        {
            json.writeNumberField(verdict.getKey(), verdict.getValue());
        }
        json.writeEndObject();
        json.writeNumberField("shown", trigger.shown());
        json.writeNumberField("holdout", trigger.holdout());
        json.writeNumberField("shadow", trigger.shadow());
        json.writeNumberField("answered", trigger.answered());
        json.writeNumberField("dismissed", trigger.dismissed());
        windows(json, "windows", trigger.windows());
        JsonHeadlineWriter.lift(json, trigger.lift());
        json.writeEndObject();
    }

    private static void windows(final JsonGenerator json, final String name, final GroupWindows windows) throws IOException
    {
        json.writeObjectFieldStart(name);
        for (final OutcomeGroup group : OutcomeGroup.values())
        {
            final WindowCounts counts = windows.of(group);
            json.writeObjectFieldStart(group.wireName());
            json.writeNumberField("closed", counts.closed());
            json.writeNumberField("forward", counts.forward());
            json.writeNumberField("exited", counts.exited());
            json.writeNumberField("stalled", counts.stalled());
            JsonFields.rate(json, counts.forwardRate());
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
