package dev.pulse.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import dev.pulse.journal.OutcomeGroup;

/**
 * The report as one tidy CSV table ({@link CsvTable}), the same figures as the HTML, unrounded:
 * rates and lifts as proportions (0.25, not 25.0), durations in milliseconds. Unanswered windows
 * (dismissed or not) are the choice "(dismissed or no answer)"; catalog ids cannot start with "(", so it
 * names no real choice.
 */
final class CsvReportWriter
{
    static final String NOT_ANSWERED = "(dismissed or no answer)";

    private CsvReportWriter()
    {
    }

    static void write(final Report report, final Writer out) throws IOException
    {
        final CsvTable csv = new CsvTable(out);
        final CsvTable.Row method = CsvTable.Row.of("method");
        csv.proportion(method, "z", ScoreIntervals.Z, null);
        csv.count(method, "min_closed_windows", ReportMethod.MIN_CLOSED_WINDOWS);
        csv.text(method, "from", report.range().fromMs() == Long.MIN_VALUE ? "" : Figures.iso(report.range().fromMs()));
        csv.text(method, "to_exclusive", report.range().toMs() == Long.MAX_VALUE ? "" : Figures.iso(report.range().toMs()));
        totals(csv, report);
        headline(csv, report);
        for (final TriggerFigures trigger : report.triggers())
        {
            trigger(csv, trigger);
        }
        for (final QuestionFigures question : report.questions())
        {
            question(csv, question);
        }
        CsvHelpfulnessWriter.write(csv, report.helpfulness());
        CsvSearchWriter.searches(csv, report.searches());
        CsvHandoffWriter.handoffs(csv, report.handoffs());
        CsvBreakdownWriter.write(csv, report.breakdowns());
        forwardTimes(csv, report.forwardTimes());
        out.flush();
    }

    private static void totals(final CsvTable csv, final Report report) throws IOException
    {
        final Totals totals = report.totals();
        final CsvTable.Row row = CsvTable.Row.of("totals");
        csv.count(row, "records", totals.records());
        csv.count(row, "sessions", totals.sessions());
        csv.count(row, "new_sessions", totals.newSessions());
        csv.count(row, "questions_shown", totals.questionsShown());
        csv.count(row, "signals", totals.signals());
        csv.count(row, "signals_decided_after_deferral", totals.decidedAfterDeferral());
        csv.count(row, "signals_still_deferred", totals.undecidedDeferred());
        csv.count(row, "answers_to_questions_shown_before_range", totals.answersOutsideRange());
        csv.count(row, "questions_withdrawn_unseen", totals.questionsUnseen());
        csv.count(row, "outcome_windows_unmeasured", totals.windowsUnmeasured());
        windows(csv, row, totals.windows());
        final CsvTable.Row exposure = CsvTable.Row.of("exposure");
        final long[] counts = report.exposure().counts();
        final String[] names = {"sessions_with_0_questions", "sessions_with_1_question", "sessions_with_2_questions",
            "sessions_with_3_or_more_questions"};
        for (int i = 0; i < counts.length; i++)
        {
            csv.count(exposure, names[i], counts[i]);
        }
        for (final CatalogVersionSeen version : report.catalogVersions())
        {
            final CsvTable.Row catalog = CsvTable.Row.of("catalog_version").key(version.hashHex());
            csv.text(catalog, "version", version.version());
            csv.text(catalog, "first_seen", Figures.iso(version.firstSeenMs()));
            csv.text(catalog, "last_seen", Figures.iso(version.lastSeenMs()));
            csv.count(catalog, "closed_windows", version.windows());
            csv.text(catalog, "copy", version.copy());
        }
    }

    private static void trigger(final CsvTable csv, final TriggerFigures trigger) throws IOException
    {
        final CsvTable.Row row = CsvTable.Row.of("trigger").trigger(trigger.trigger());
        csv.text(row, "detector", trigger.detector());
        csv.count(row, "signals", trigger.signals());
        for (final Map.Entry<String, Long> verdict : trigger.verdicts().entrySet())
        {
            csv.count(row, "signals_" + verdict.getKey(), verdict.getValue());
        }
        csv.count(row, "shown", trigger.shown());
        csv.count(row, "holdout", trigger.holdout());
        csv.count(row, "shadow", trigger.shadow());
        csv.count(row, "answered", trigger.answered());
        csv.count(row, "dismissed", trigger.dismissed());
        windows(csv, row, trigger.windows());
        lift(csv, row, trigger.lift());
    }

    private static void headline(final CsvTable csv, final Report report) throws IOException
    {
        final Observation observation = report.observation();
        final CsvTable.Row row = CsvTable.Row.of("observation");
        csv.text(row, "end", Figures.iso(observation.endMs()));
        csv.text(row, "live", Boolean.toString(observation.live()));
        csv.text(row, "interval_kind", observation.intervalKind().wireName());
        csv.text(row, "multiple_comparisons", observation.comparisons().name().toLowerCase(java.util.Locale.ROOT));
        csv.text(row, "policies_known", Boolean.toString(observation.policiesKnown()));
        csv.count(row, "windows_still_open", observation.windowsOpen());
        final Headline headline = report.headline();
        final CsvTable.Row visitors = CsvTable.Row.of("headline");
        csv.count(visitors, "visitors", headline.visitors());
        csv.count(visitors, "visitors_still_open", headline.visitorsOpen());
        lift(csv, visitors, headline.lift());
        for (final Stratum stratum : headline.strata())
        {
            final CsvTable.Row stratumRow = CsvTable.Row.of("headline_stratum").key(String.format("%016x", stratum.catalogVersion()));
            csv.proportion(stratumRow, "holdout_share", stratum.holdoutShare(), null);
            units(csv, stratumRow, stratum.treated(), stratum.control());
        }
    }

    /** A lift's rows: status and kind, then (with enough data) the lift, relative lift, p-values and call; units per arm. */
    private static void lift(final CsvTable csv, final CsvTable.Row row, final Lift lift) throws IOException
    {
        csv.text(row, "lift_status", lift.enoughData() ? "ok" : "not_enough_data");
        csv.text(row, "lift_kind", lift.kind().wireName());
        csv.text(row, "call", lift.call().wireName());
        if (lift.enoughData())
        {
            csv.proportion(row, "lift", lift.difference(), lift.interval());
            if (!Double.isNaN(lift.relative()))
            {
                csv.proportion(row, "relative_lift", lift.relative(), null);
            }
            csv.proportion(row, "p_value", lift.pValue(), null);
            if (!Double.isNaN(lift.adjustedP()))
            {
                csv.proportion(row, "p_adjusted", lift.adjustedP(), null);
            }
        }
        units(csv, row, lift.shown(), lift.holdout());
    }

    /** Units and forward units of each arm, under the groups "treated" and "control". */
    static void units(final CsvTable csv, final CsvTable.Row row, final Proportion treated, final Proportion control)
        throws IOException
    {
        csv.count(row.group("treated"), "units", treated.trials());
        csv.count(row.group("treated"), "units_forward", treated.successes());
        csv.count(row.group("control"), "units", control.trials());
        csv.count(row.group("control"), "units_forward", control.successes());
    }

    private static void windows(final CsvTable csv, final CsvTable.Row row, final GroupWindows windows) throws IOException
    {
        for (final OutcomeGroup group : OutcomeGroup.values())
        {
            final WindowCounts counts = windows.of(group);
            final CsvTable.Row groupRow = row.group(group.wireName());
            csv.count(groupRow, "closed_windows", counts.closed());
            csv.count(groupRow, "forward", counts.forward());
            csv.count(groupRow, "exited", counts.exited());
            csv.count(groupRow, "stalled", counts.stalled());
            csv.proportion(groupRow, "forward_rate", counts.forwardRate().rate(), counts.forwardRate().interval());
        }
    }

    private static void question(final CsvTable csv, final QuestionFigures question) throws IOException
    {
        final CsvTable.Row row = CsvTable.Row.of("question").trigger(question.triggers().get(0)).question(question.question());
        csv.count(row, "shown", question.shown());
        for (final QuestionFigures.ChoiceCount choice : question.choices())
        {
            final CsvTable.Row choiceRow = row.answer(choice.choice(), "");
            csv.count(choiceRow, "answers", choice.count());
            csv.proportion(choiceRow, "answer_share", question.share(choice.count()).rate(), null);
        }
        csv.count(row, "dismissed", question.dismissed());
        csv.proportion(row, "dismissed_share", question.share(question.dismissed()).rate(), null);
        csv.count(row, "unanswered", question.unanswered());
        csv.proportion(row, "unanswered_share", question.share(question.unanswered()).rate(), null);
        final CsvTable.Row answers = CsvTable.Row.of("answer").trigger(question.triggers().get(0)).question(question.question()).key("exploratory").group(OutcomeGroup.SHOWN.wireName());
        for (final QuestionFigures.AnswerOutcome outcome : question.answerOutcomes())
        {
            final CsvTable.Row answerRow = outcome.answered()
                ? answers.answer(outcome.choice(), outcome.response())
                : answers.answer(NOT_ANSWERED, "");
            forwardRate(csv, answerRow, outcome.forward());
        }
        final CsvTable.Row variants = CsvTable.Row.of("variant").trigger(question.triggers().get(0)).question(question.question()).key("exploratory").group(OutcomeGroup.SHOWN.wireName());
        for (final QuestionFigures.VariantOutcome variant : question.variants())
        {
            forwardRate(csv, variants.variant(variant.variant()), variant.forward());
        }
    }

    /** Closed windows, forward ones, and the forward rate with its interval. */
    static void forwardRate(final CsvTable csv, final CsvTable.Row row, final Proportion forward) throws IOException
    {
        csv.count(row, "closed_windows", forward.trials());
        csv.count(row, "forward", forward.successes());
        csv.proportion(row, "forward_rate", forward.rate(), forward.interval());
    }

    private static void forwardTimes(final CsvTable csv, final ForwardTimes times) throws IOException
    {
        final String[] names = {"p25_ms", "p50_ms", "p75_ms", "p90_ms"};
        for (final OutcomeGroup group : OutcomeGroup.values())
        {
            final ForwardTimes.Durations durations = times.of(group);
            final CsvTable.Row row = CsvTable.Row.of("time_to_forward").group(group.wireName());
            csv.count(row, "forward_windows", durations.count());
            final long[] percentiles = durations.percentilesMs();
            for (int i = 0; i < names.length; i++)
            {
                if (percentiles[i] >= 0)
                {
                    csv.count(row, names[i], percentiles[i]);
                }
            }
            for (int i = 0; i < times.buckets().size(); i++)
            {
                csv.count(row.key(times.buckets().get(i).label()), "forward_windows_in_bucket", durations.bucketCounts().get(i));
            }
        }
    }
}
