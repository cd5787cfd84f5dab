package dev.pulse.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

import static dev.pulse.report.ReportTesting.NOV_24;
import static dev.pulse.report.ReportTesting.csvRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * "Did this help?" with known counts, worked out by hand; every format must print these figures.
 *
 * <pre>
 * response plan-by-team-size, reached by two answers:
 *   hard-to-decide / team-size: 1 yes, 11 no; 4 shown windows closed with it, 1 forward
 *   plan-fit / size:            1 yes,  2 no; 2 shown windows closed with it, 2 forward
 *   all: 2 yes, 13 no (15 answers); forward 3 / 6
 * response pricing-value (hard-to-decide / price): 4 yes, 11 no (15 answers); no window closed with it
 * response take-your-time (cant-find / gift):      0 yes,  9 no (9 answers)
 *
 * z = 1.959964, z^2 = 3.841459; Wilson for x/n: d = 1 + z^2/n, centre = (p + z^2/2n) / d, half = z sqrt(p(1-p)/n + z^2/4n^2) / d
 *
 * plan-by-team-size yes 2/15: p = 0.1333333, d = 1.2560973, centre = 0.2080905, half = 0.1707293
 *   (0.0373613, 0.3788198)           printed 13.3% [3.7, 37.9]
 *   no 13/15 = its complement: (0.6211802, 0.9626387); low 0.62 > 0.5 with 15 >= 10 answers: FLAGGED
 * pricing-value yes 4/15: centre = 0.3142394, half = 0.2052649: (0.1089745, 0.5195043)   printed 26.7% [10.9, 52.0]
 *   no 11/15: (0.4804957, 0.8910255); low 0.48 is not above 0.5: not flagged, though 73% said no
 * take-your-time yes 0/9: (0, 0.2991451); no 9/9: (0.7008549, 1); low above 0.5 but 9 < 10 answers: not flagged
 * hard-to-decide / team-size yes 1/12: d = 1.3201216, centre = 0.1843725, half = 0.1695074: (0.0148651, 0.3538799)
 * plan-fit / size yes 1/3: d = 2.2804863, centre = 0.4269162, half = 0.3654242: (0.0614919, 0.7923404)
 * forward, plan-by-team-size 3/6: centre 0.5, half 0.3123837: (0.1876163, 0.8123837)   printed 50.0% [18.8, 81.2]
 * forward, team-size 1/4: (0.0455873, 0.6993582); size 2/2: (0.3423802, 1)
 * </pre>
 */
class HandComputedHelpfulnessTest
{
    private static final String TEAM = "plan-by-team-size";

    @TempDir
    Path dir;

    private Report report;

    @BeforeEach
    void writeJournal() throws Exception
    {
        final long start = NOV_24 + 9 * 3_600_000L;
        try (TestJournal journal = TestJournal.open(dir))
        {
            long sid = 1;
            for (int i = 0; i < 4; i++)
            {
                window(journal, start + sid * 1_000, sid++, "loop", "hard-to-decide", "team-size", TEAM, i == 0);
            }
            for (int i = 0; i < 2; i++)
            {
                window(journal, start + sid * 1_000, sid++, "fit", "plan-fit", "size", TEAM, true);
            }
            sid = feedback(journal, start, sid, "hard-to-decide", "team-size", TEAM, 1, 11);
            sid = feedback(journal, start, sid, "plan-fit", "size", TEAM, 1, 2);
            sid = feedback(journal, start, sid, "hard-to-decide", "price", "pricing-value", 4, 11);
            feedback(journal, start, sid, "cant-find", "gift", "take-your-time", 0, 9);
            // A record at noon: the end of observation, so every window opened before is complete.
            journal.sessionStart(NOV_24 + 12 * 3_600_000L, 999, false);
        }
        report = ReportTesting.read(dir, ReportRange.parse("2026-11-24", "2026-11-24"));
    }

    /** A shown window answered with {@code choice} (routed to {@code response}), closed forward or stalled after a minute. */
    private static void window(final TestJournal journal, final long timeMs, final long sid, final String trigger, final String question,
        final String choice, final String response, final boolean forward)
    {
        journal.sessionStart(timeMs, sid, false).signal(timeMs, sid, trigger, Verdict.SHOWN, question).shown(timeMs, sid, 1, trigger, question, "a")
            .answer(timeMs + 1_000, sid, 1, question, choice, response)
            .outcome(timeMs + 60_000, sid, forward ? OutcomeKind.FORWARD : OutcomeKind.STALLED, OutcomeGroup.SHOWN, 1, 60_000, trigger, question,
                "a", choice, response);
    }

    /** {@code yes} then {@code no} feedbacks, one session each; the next free session number. */
    private static long feedback(final TestJournal journal, final long start, final long firstSid, final String question,
        final String choice, final String response, final int yes, final int no)
    {
        long sid = firstSid;
        for (int i = 0; i < yes + no; i++)
        {
            final long t = start + 600_000 + sid * 1_000;
            journal.sessionStart(t, sid, false).feedback(t + 500, sid, 1, question, choice, response, i < yes);
            sid++;
        }
        return sid;
    }

    private Helpfulness response(final String id)
    {
        return report.helpfulness().stream().filter(h -> h.response().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldCountYesAndNoPerResponseAndPerAnswerWithWilsonIntervalsAsByHand()
    {
        assertThat(report.helpfulness()).extracting(Helpfulness::response).containsExactly(TEAM, "pricing-value", "take-your-time");
        final Helpfulness team = response(TEAM);
        assertThat(team.helpful()).isEqualTo(new Proportion(2, 15));
        assertThat(team.unhelpful()).isEqualTo(new Proportion(13, 15));
        assertThat(team.helpful().interval().low()).isCloseTo(0.0373613, within(1e-7));
        assertThat(team.helpful().interval().high()).isCloseTo(0.3788198, within(1e-7));
        assertThat(team.unhelpful().interval().low()).isCloseTo(0.6211802, within(1e-7));
        assertThat(team.forward()).isEqualTo(new Proportion(3, 6));
        assertThat(team.forward().interval().low()).isCloseTo(0.1876163, within(1e-7));
        assertThat(team.answers()).containsExactly(
            new Helpfulness.Answer("hard-to-decide", "team-size", new Proportion(1, 12), new Proportion(1, 4)),
            new Helpfulness.Answer("plan-fit", "size", new Proportion(1, 3), new Proportion(2, 2)));
        assertThat(team.answers().get(0).helpful().interval().high()).isCloseTo(0.3538799, within(1e-7));
        assertThat(team.answers().get(1).helpful().interval().low()).isCloseTo(0.0614919, within(1e-7));

        final Helpfulness price = response("pricing-value");
        assertThat(price.helpful()).isEqualTo(new Proportion(4, 15));
        assertThat(price.helpful().interval().high()).isCloseTo(0.5195043, within(1e-7));
        assertThat(price.forward().isEmpty()).as("no window closed with this answer").isTrue();
    }

    @Test
    void shouldFlagOnlyAResponseWhoseNoRateIsAboveHalfWithEnoughAnswers()
    {
        assertThat(response(TEAM).flagged()).as("13/15 no: interval low 0.62").isTrue();
        assertThat(response("pricing-value").flagged()).as("11/15 no: interval low 0.48, not above 0.5").isFalse();
        assertThat(response("pricing-value").unhelpful().interval().low()).isCloseTo(0.4804957, within(1e-7));
        assertThat(response("take-your-time").flagged()).as("9/9 no, but fewer than 10 answers").isFalse();
        assertThat(response("take-your-time").unhelpful().interval().low()).isCloseTo(0.7008549, within(1e-7));
        assertThat(Helpfulness.flags(new Proportion(0, 10))).as("10/10 no").isTrue();
        assertThat(Helpfulness.flags(new Proportion(0, 0))).isFalse();
    }

    @Test
    void shouldCountAFeedbackByItsOwnTimeInTheRangeOnly() throws Exception
    {
        assertThat(ReportTesting.read(dir, ReportRange.parse("2026-11-25", "2026-11-25")).helpfulness()).as("the day after").isEmpty();
        assertThat(ReportTesting.read(dir, ReportRange.parse("2026-11-23", "2026-11-23")).helpfulness()).as("the day before").isEmpty();
        assertThat(ReportTesting.read(dir, ReportRange.ALL).helpfulness()).isEqualTo(report.helpfulness());
    }

    @Test
    void shouldPrintTheHandComputedDigitsInEveryFormat()
    {
        final String html = ReportTesting.render(report, ReportFormat.HTML);
        assertThat(html).contains("<tr><th scope=\"row\">plan-by-team-size</th><td class=\"text\">mostly not helpful</td><td>2</td><td>13</td>"
            + "<td>13.3% [3.7, 37.9]</td><td>3 / 6</td><td>50.0% [18.8, 81.2]</td></tr>");
        assertThat(html).contains("<tr><th scope=\"row\">pricing-value</th><td class=\"text\"></td><td>4</td><td>11</td>"
            + "<td>26.7% [10.9, 52.0]</td><td>0 / 0</td><td>-</td></tr>");
        assertThat(html).contains("<tr><th scope=\"row\">plan-by-team-size</th><td class=\"text\">plan-fit</td><td class=\"text\">size</td>"
            + "<td>1</td><td>2</td><td>33.3% [6.1, 79.2]</td><td>2 / 2</td><td>100.0% [34.2, 100.0]</td></tr>");

        final JsonNode json = ReportTesting.json(report);
        final JsonNode team = json.get("helpfulness").get(0);
        assertThat(team.get("response").asText()).isEqualTo(TEAM);
        assertThat(team.get("yes").asLong()).isEqualTo(2);
        assertThat(team.get("no").asLong()).isEqualTo(13);
        assertThat(team.get("rate").asDouble()).isEqualTo(2.0 / 15);
        assertThat(team.get("ci_low").asDouble()).isCloseTo(0.0373613, within(1e-7));
        assertThat(team.get("flagged").asBoolean()).isTrue();
        assertThat(team.get("forward_rate").get("forward").asLong()).isEqualTo(3);
        assertThat(team.get("forward_rate").get("closed").asLong()).isEqualTo(6);
        assertThat(team.get("answers").get(1).get("question").asText()).isEqualTo("plan-fit");
        assertThat(team.get("answers").get(1).get("no").asLong()).isEqualTo(2);
        assertThat(json.get("helpfulness").get(1).get("forward_rate").get("rate").isNull()).isTrue();
        assertThat(json.get("method").get("helpfulness").asText()).contains("at least 10").contains("above 50%");

        final List<Map<String, String>> csv = ReportTesting.csv(ReportTesting.render(report, ReportFormat.CSV));
        final Map<String, String> rate = csvRow(csv, "section", "helpfulness", "response", TEAM, "metric", "yes_rate");
        assertThat(Double.parseDouble(rate.get("value"))).isEqualTo(2.0 / 15);
        assertThat(Double.parseDouble(rate.get("ci_high"))).isCloseTo(0.3788198, within(1e-7));
        assertThat(csvRow(csv, "section", "helpfulness", "response", TEAM, "metric", "flagged").get("value")).isEqualTo("1");
        assertThat(csvRow(csv, "section", "helpfulness", "response", "pricing-value", "metric", "flagged").get("value")).isEqualTo("0");
        assertThat(csvRow(csv, "section", "helpfulness_answer", "question", "hard-to-decide", "choice", "team-size", "metric", "no")
            .get("value")).isEqualTo("11");
    }
}
