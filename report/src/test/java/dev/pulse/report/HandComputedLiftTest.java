package dev.pulse.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

import static dev.pulse.report.ReportTesting.NOV_24;
import static dev.pulse.report.ReportTesting.csvRow;
import static dev.pulse.report.ReportTesting.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A journal with known counts: trigger pricing-hesitation has 40 closed shown windows of which 30
 * moved forward, and 40 closed holdout windows of which 20 moved forward. The lift and its interval
 * are worked out by hand below; the report must print exactly these digits in every format.
 *
 * <pre>
 * z = 1.959964, z^2 = 3.841459
 *
 * Wilson, shown 30/40: p = 0.75
 *   d      = 1 + z^2/40                          = 1.0960365
 *   centre = (0.75 + z^2/80) / d                 = 0.7980182 / 1.0960365 = 0.7280946
 *   half   = z * sqrt(0.75*0.25/40 + z^2/6400) / d
 *          = 1.959964 * sqrt(0.0046875 + 0.0006002) / 1.0960365
 *          = 1.959964 * 0.0727168 / 1.0960365    = 0.1300342
 *   (l1, u1) = (0.5980604, 0.8581288)             printed 75.0% [59.8, 85.8]
 *
 * Wilson, holdout 20/40: p = 0.5
 *   centre = (0.5 + 0.0480182) / 1.0960365        = 0.5
 *   half   = 1.959964 * sqrt(0.00625 + 0.0006002) / 1.0960365
 *          = 1.959964 * 0.0827663 / 1.0960365    = 0.1480047
 *   (l2, u2) = (0.3519953, 0.6480047)             printed 50.0% [35.2, 64.8]
 *
 * Newcombe (method 10): difference 0.75 - 0.5 = 0.25                printed +25.0 pp
 *   low  = 0.25 - sqrt((0.75 - 0.5980604)^2 + (0.6480047 - 0.5)^2)
 *        = 0.25 - sqrt(0.0230856 + 0.0219054) = 0.25 - 0.2121109 = 0.0378891
 *   high = 0.25 + sqrt((0.8581288 - 0.75)^2 + (0.5 - 0.3519953)^2)
 *        = 0.25 + sqrt(0.0116918 + 0.0219054) = 0.25 + 0.1832955 = 0.4332955
 *                                                                    printed [+3.8, +43.3]
 * </pre>
 *
 * Relative lift: 0.25 / 0.5 = +50.0%.
 * Mantel-Haenszel (one stratum, continuity-corrected): forward 50 of 80 units, expected treated forward 40 * 50 / 80 = 25,
 *   observed 30, |30 - 25| - 0.5 = 4.5; variance 40 * 40 * 50 * 30 / (80^2 * 79) = 4.7468354, sd 2.1787234,
 *   z = 4.5 / 2.1787234 = 2.0654297, two-sided p = 2 * (1 - Phi(2.0654297)) = 0.0388824.
 * Holm over the family: search-dead-ends is not tested, so the family is one and the adjusted p is 0.0389 (printed 0.039).
 *
 * search-dead-ends has 10 shown and 5 holdout windows: under 30, so "not enough data".
 */
class HandComputedLiftTest
{
    private static final String TRIGGER = "pricing-hesitation";
    private static final String SMALL = "search-dead-ends";

    @TempDir
    Path dir;

    private Report report;

    @BeforeEach
    void writeJournal() throws Exception
    {
        final long start = NOV_24 + 9 * 3_600_000L;
        try (TestJournal journal = TestJournal.open(dir))
        {
            for (int i = 0; i < 40; i++)
            {
                // 30 forward, 6 exited, 4 stalled; 16 answered team-size, 8 price, 4 dismissed, 12 unanswered.
                final OutcomeKind kind = i < 30 ? OutcomeKind.FORWARD : i < 36 ? OutcomeKind.EXITED : OutcomeKind.STALLED;
                final String choice = i < 16 ? "team-size" : i < 24 ? "price" : null;
                final long sid = 1 + i;
                ReportTesting.shownWindow(journal, start + i * 1_000L, sid, TRIGGER, i % 2 == 0 ? "a" : "b", choice, kind, 60_000);
                if (i >= 24 && i < 28)
                {
                    journal.dismiss(start + i * 1_000L + 2_000, sid, 1, "q-" + TRIGGER);
                }
            }
            for (int i = 0; i < 40; i++)
            {
                // 20 forward, 12 exited, 8 stalled.
                final OutcomeKind kind = i < 20 ? OutcomeKind.FORWARD : i < 32 ? OutcomeKind.EXITED : OutcomeKind.STALLED;
                ReportTesting.unshownWindow(journal, start + i * 1_000L, 101 + i, TRIGGER, OutcomeGroup.HOLDOUT, kind, 90_000);
            }
            for (int i = 0; i < 10; i++)
            {
                ReportTesting.shownWindow(journal, start + i * 1_000L, 201 + i, SMALL, "a", null,
                    i < 6 ? OutcomeKind.FORWARD : OutcomeKind.EXITED, 30_000);
            }
            for (int i = 0; i < 5; i++)
            {
                ReportTesting.unshownWindow(journal, start + i * 1_000L, 301 + i, SMALL, OutcomeGroup.HOLDOUT,
                    i < 2 ? OutcomeKind.FORWARD : OutcomeKind.STALLED, 30_000);
            }
            // A record at noon: the end of observation, so every window opened before 11:19 (41 minutes earlier) is complete.
            journal.sessionStart(NOV_24 + 12 * 3_600_000L, 999, false);
        }
        // A closed range (the report is made the next morning): the fixed-horizon Newcombe interval, one stratum.
        report = ReportTesting.read(dir, ReportRange.parse("2026-11-24", "2026-11-24"));
    }

    @Test
    void shouldComputeTheLiftAndItsNewcombeIntervalAsByHand()
    {
        final Lift lift = ReportTesting.trigger(report, TRIGGER).lift();

        assertThat(lift.shown()).isEqualTo(new Proportion(30, 40));
        assertThat(lift.holdout()).isEqualTo(new Proportion(20, 40));
        assertThat(lift.enoughData()).isTrue();
        assertThat(lift.kind()).isEqualTo(IntervalKind.NEWCOMBE);
        assertThat(lift.difference()).isEqualTo(0.25);
        assertThat(lift.shown().interval().low()).isCloseTo(0.5980604, within(1e-7));
        assertThat(lift.shown().interval().high()).isCloseTo(0.8581288, within(1e-7));
        assertThat(lift.holdout().interval().low()).isCloseTo(0.3519953, within(1e-7));
        assertThat(lift.holdout().interval().high()).isCloseTo(0.6480047, within(1e-7));
        assertThat(lift.interval().low()).isCloseTo(0.0378891, within(1e-7));
        assertThat(lift.interval().high()).isCloseTo(0.4332955, within(1e-7));
        assertThat(lift.relative()).isEqualTo(0.5);
        assertThat(lift.pValue()).isCloseTo(0.0388824, within(1e-6));
        assertThat(lift.adjustedP()).isEqualTo(lift.pValue());
        assertThat(lift.call()).isEqualTo(LiftCall.UP);
    }

    @Test
    void shouldPrintTheHandComputedDigitsInTheHtml()
    {
        final String html = ReportTesting.render(report, ReportFormat.HTML);

        assertThat(html).contains("<tr><th scope=\"row\">pricing-hesitation</th><td>30 / 40</td><td>75.0% [59.8, 85.8]</td>"
            + "<td>20 / 40</td><td>50.0% [35.2, 64.8]</td><td>+25.0 pp [+3.8, +43.3]</td><td>+50.0%</td><td>up (p 0.039)</td></tr>");
        assertThat(html).contains("<strong>pricing-hesitation</strong>: <span class=\"up\">+25.0 pp [+3.8, +43.3]</span>, "
            + "more people moved forward when asked (adjusted p 0.039)");
        assertThat(html).contains("<tr><th scope=\"row\">search-dead-ends</th><td>6 / 10</td><td>60.0% [",
            "<td>2 / 5</td><td>40.0% [", "<td>not enough data</td><td>-</td><td>not_tested</td></tr>");
        assertThat(html).contains("Not enough data yet for search-dead-ends (each group needs 30 closed windows).");
    }

    @Test
    void shouldCarryTheSameFiguresUnroundedInTheJson()
    {
        final JsonNode trigger = ReportTesting.trigger(ReportTesting.json(report), TRIGGER);
        final JsonNode lift = trigger.get("lift");
        final JsonNode shown = trigger.get("windows").get("shown");
        final JsonNode holdout = trigger.get("windows").get("holdout");

        assertThat(lift.get("status").asText()).isEqualTo("ok");
        assertThat(lift.get("difference").asDouble()).isEqualTo(0.25);
        assertThat(points(lift.get("ci_low").asDouble())).isEqualTo("3.8");
        assertThat(points(lift.get("ci_high").asDouble())).isEqualTo("43.3");
        assertThat(lift.get("ci_low").asDouble()).isCloseTo(0.0378891, within(1e-7));
        assertThat(lift.get("ci_high").asDouble()).isCloseTo(0.4332955, within(1e-7));
        assertThat(shown.get("forward").asLong()).isEqualTo(30);
        assertThat(shown.get("closed").asLong()).isEqualTo(40);
        assertThat(shown.get("rate").asDouble()).isEqualTo(0.75);
        assertThat(points(shown.get("ci_low").asDouble()) + ", " + points(shown.get("ci_high").asDouble())).isEqualTo("59.8, 85.8");
        assertThat(holdout.get("rate").asDouble()).isEqualTo(0.5);
        assertThat(points(holdout.get("ci_low").asDouble()) + ", " + points(holdout.get("ci_high").asDouble())).isEqualTo("35.2, 64.8");

        final JsonNode small = ReportTesting.trigger(ReportTesting.json(report), SMALL).get("lift");
        assertThat(small.get("status").asText()).isEqualTo("not_enough_data");
        assertThat(small.get("difference").isNull()).isTrue();
        assertThat(small.get("ci_low").isNull()).isTrue();
    }

    @Test
    void shouldCarryTheSameFiguresUnroundedInTheCsv()
    {
        final List<Map<String, String>> rows = ReportTesting.csv(ReportTesting.render(report, ReportFormat.CSV));

        final Map<String, String> lift = csvRow(rows, "section", "trigger", "trigger", TRIGGER, "metric", "lift");
        assertThat(lift.get("value")).isEqualTo("0.25");
        assertThat(points(Double.parseDouble(lift.get("ci_low")))).isEqualTo("3.8");
        assertThat(points(Double.parseDouble(lift.get("ci_high")))).isEqualTo("43.3");
        final Map<String, String> shown = csvRow(rows, "section", "trigger", "trigger", TRIGGER, "group", "shown", "metric", "forward_rate");
        assertThat(shown.get("value")).isEqualTo("0.75");
        assertThat(points(Double.parseDouble(shown.get("ci_low")))).isEqualTo("59.8");
        assertThat(points(Double.parseDouble(shown.get("ci_high")))).isEqualTo("85.8");
        assertThat(csvRow(rows, "section", "trigger", "trigger", TRIGGER, "group", "holdout", "metric", "closed_windows").get("value"))
            .isEqualTo("40");
        assertThat(csvRow(rows, "section", "trigger", "trigger", SMALL, "metric", "lift_status").get("value")).isEqualTo("not_enough_data");
        assertThat(rows).noneMatch(row -> SMALL.equals(row.get("trigger")) && "lift".equals(row.get("metric")));
    }

    @Test
    void shouldSplitTheAnswersAndRateEachAnswerAndVariant()
    {
        final QuestionFigures question = ReportTesting.question(report, "q-" + TRIGGER);

        assertThat(question.shown()).isEqualTo(40);
        assertThat(question.choices()).containsExactly(new QuestionFigures.ChoiceCount("team-size", 16),
            new QuestionFigures.ChoiceCount("price", 8));
        assertThat(question.dismissed()).isEqualTo(4);
        assertThat(question.unanswered()).isEqualTo(12);
        assertThat(question.answerOutcomes()).containsExactly(
            new QuestionFigures.AnswerOutcome("team-size", "r-team-size", new Proportion(16, 16)),
            new QuestionFigures.AnswerOutcome("price", "r-price", new Proportion(8, 8)),
            new QuestionFigures.AnswerOutcome("", "", new Proportion(6, 16)));
        // Even i (variant a): forward for i < 30, so 15 of 20; odd likewise.
        assertThat(question.variants()).containsExactly(new QuestionFigures.VariantOutcome("a", new Proportion(15, 20)),
            new QuestionFigures.VariantOutcome("b", new Proportion(15, 20)));
        final String html = ReportTesting.render(report, ReportFormat.HTML);
        // 16/40 = 40.0%, 4/40 = 10.0%, 12/40 = 30.0%; 6/16 forward = 37.5%.
        assertThat(html).contains("<tr><th scope=\"row\">team-size</th><td>16</td><td>40.0%</td></tr>",
            "<tr><th scope=\"row\">(dismissed)</th><td>4</td><td>10.0%</td></tr>",
            "<tr><th scope=\"row\">(no answer)</th><td>12</td><td>30.0%</td></tr>",
            "<tr><th scope=\"row\">(dismissed or no answer)</th><td class=\"text\"></td><td>6 / 16</td><td>37.5% [");
    }
}
