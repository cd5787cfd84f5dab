package dev.pulse.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;
import dev.pulse.report.Html;

import static dev.pulse.report.ReportTesting.NOV_24;
import static dev.pulse.report.ReportTesting.csvRow;
import static dev.pulse.report.ReportTesting.points;
import static org.assertj.core.api.Assertions.assertThat;

/** The three formats of one report parse, and print the same figures: JSON and CSV unrounded, HTML rounded from them. */
class ReportFormatsAgreeTest
{
    private static final String HOSTILE = "<script>alert(\"x\")</script>,=HYPERLINK('e')";

    @TempDir
    static Path dir;

    private static Report report;
    private static String html;
    private static JsonNode json;
    private static List<Map<String, String>> csv;

    @BeforeAll
    static void writeJournal() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            SampleJournal.write(journal, NOV_24, 1_500, 7);
            final long t = NOV_24 + 20 * 3_600_000L;
            journal.sessionStart(t, 9, false).signal(t, 9, HOSTILE, Verdict.SHOWN, "q&a").shown(t, 9, 1, HOSTILE, "q&a", "v\"1")
                .answer(t + 1_000, 9, 1, "q&a", "<b>yes</b>", "r,1")
                .outcome(t + 5_000, 9, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, 5_000, HOSTILE, "q&a", "v\"1", "<b>yes</b>", "r,1")
                .feedback(t + 2_000, 9, 1, "q&a", "<b>yes</b>", "r,1", false);
            searchesAndHandoffs(journal, t + 10_000);
        }
        report = ReportTesting.read(dir, ReportRange.ALL);
        html = ReportTesting.render(report, ReportFormat.HTML);
        json = ReportTesting.json(report);
        csv = ReportTesting.csv(ReportTesting.render(report, ReportFormat.CSV));
    }

    @Test
    void shouldPrintEveryTriggersRatesAndLiftAlikeInAllThreeFormats()
    {
        assertThat(json.get("triggers")).hasSize(report.triggers().size()).hasSizeGreaterThan(5);
        for (final JsonNode trigger : json.get("triggers"))
        {
            final String id = trigger.get("trigger").asText();
            final JsonNode shown = trigger.get("windows").get("shown");
            final JsonNode holdout = trigger.get("windows").get("holdout");
            final JsonNode lift = trigger.get("lift");
            if (shown.get("closed").asLong() == 0 && holdout.get("closed").asLong() == 0)
            {
                // Shadow-only: no comparison row, its own row in the shadow table.
                assertThat(html).contains("<tr><th scope=\"row\">" + Html.escape(id) + "</th><td>"
                    + Figures.count(trigger.get("windows").get("shadow").get("forward").asLong()) + " / ");
                continue;
            }
            // The comparison counts units (each visitor's first complete window of the trigger): the lift's arms.
            final boolean ok = lift.get("status").asText().equals("ok");
            final String liftCells = ok
                ? "<td>" + signed(lift.get("difference").asDouble()) + " pp [" + signed(lift.get("ci_low").asDouble()) + ", "
                    + signed(lift.get("ci_high").asDouble()) + "]</td><td>" + relative(lift.get("relative")) + "</td>"
                : "<td>not enough data</td><td>-</td>";
            final String callCell = "<td>" + lift.get("call").asText() + (lift.get("p_adjusted").isNull() ? ""
                : " (p " + Html.escape(Figures.pValue(lift.get("p_adjusted").asDouble())) + ")") + "</td>";
            assertThat(html).as(id).contains("<tr><th scope=\"row\">" + Html.escape(id) + "</th>" + rateCells(lift.get("treated"), "units")
                + rateCells(lift.get("control"), "units") + liftCells + callCell + "</tr>");
            for (final String arm : List.of("treated", "control"))
            {
                final Map<String, String> units = csvRow(csv, "section", "trigger", "trigger", id, "group", arm, "metric", "units");
                assertThat(units.get("value")).as(id + " " + arm).isEqualTo(lift.get(arm).get("units").asText());
                assertThat(csvRow(csv, "section", "trigger", "trigger", id, "group", arm, "metric", "units_forward").get("value"))
                    .isEqualTo(lift.get(arm).get("forward").asText());
            }
            assertThat(csvRow(csv, "section", "trigger", "trigger", id, "metric", "call").get("value")).isEqualTo(lift.get("call").asText());
            for (final String group : List.of("shown", "holdout", "shadow"))
            {
                final JsonNode windows = trigger.get("windows").get(group);
                final Map<String, String> rate = csvRow(csv, "section", "trigger", "trigger", id, "group", group, "metric", "forward_rate");
                assertThat(number(rate.get("value"))).as(id + " " + group).isEqualTo(windows.get("rate").isNull() ? null
                    : windows.get("rate").asDouble());
                assertThat(number(rate.get("ci_low"))).isEqualTo(windows.get("ci_low").isNull() ? null : windows.get("ci_low").asDouble());
                assertThat(csvRow(csv, "section", "trigger", "trigger", id, "group", group, "metric", "closed_windows").get("value"))
                    .isEqualTo(windows.get("closed").asText());
            }
            if (ok)
            {
                final Map<String, String> row = csvRow(csv, "section", "trigger", "trigger", id, "metric", "lift");
                assertThat(Double.parseDouble(row.get("value"))).isEqualTo(lift.get("difference").asDouble());
                assertThat(Double.parseDouble(row.get("ci_high"))).isEqualTo(lift.get("ci_high").asDouble());
                assertThat(Double.parseDouble(csvRow(csv, "section", "trigger", "trigger", id, "metric", "p_adjusted").get("value")))
                    .isEqualTo(lift.get("p_adjusted").asDouble());
            }
        }
    }

    @Test
    void shouldPrintTheHeadlineAndTheObservationAlikeInAllThreeFormats()
    {
        final JsonNode observation = json.get("observation");
        final long open = observation.get("windows_still_open").asLong();
        assertThat(open).isEqualTo(report.observation().windowsOpen());
        assertThat(csvRow(csv, "section", "observation", "metric", "windows_still_open").get("value")).isEqualTo(Long.toString(open));
        assertThat(csvRow(csv, "section", "observation", "metric", "interval_kind").get("value"))
            .isEqualTo(observation.get("interval_kind").asText());
        assertThat(html).contains("<div class=\"value\">" + Figures.count(open) + "</div><div class=\"label\">windows still open");
        final JsonNode headline = json.get("headline");
        final JsonNode lift = headline.get("lift");
        assertThat(lift.get("status").asText()).as("the sample journal has enough visitors").isEqualTo("ok");
        for (final String arm : List.of("treated", "control"))
        {
            assertThat(csvRow(csv, "section", "headline", "group", arm, "metric", "units").get("value"))
                .isEqualTo(lift.get(arm).get("units").asText());
        }
        final Map<String, String> row = csvRow(csv, "section", "headline", "metric", "lift");
        assertThat(Double.parseDouble(row.get("value"))).isEqualTo(lift.get("difference").asDouble());
        assertThat(Double.parseDouble(row.get("ci_low"))).isEqualTo(lift.get("ci_low").asDouble());
        assertThat(html).contains("Per visitor: asking moved " + signed(lift.get("difference").asDouble()) + " pp more people forward "
            + "(95% interval [" + signed(lift.get("ci_low").asDouble()) + ", " + signed(lift.get("ci_high").asDouble()) + "]; relative "
            + relative(lift.get("relative")) + "), " + points(lift.get("treated").get("rate").asDouble()) + "% of "
            + Figures.count(lift.get("treated").get("units").asLong()) + " treated visitors");
    }

    @Test
    void shouldPrintEveryBreakdownCellAlikeInAllThreeFormats()
    {
        final JsonNode breakdowns = json.get("breakdowns");
        assertThat(breakdowns).extracting(node -> node.get("name").asText())
            .containsExactly("day", "context:device", "page_kind", "catalog_version");
        final JsonNode headline = json.get("headline").get("lift");
        for (final JsonNode breakdown : breakdowns)
        {
            final String section = "breakdown:" + breakdown.get("name").asText();
            assertThat(breakdown.get("exploratory").asBoolean()).isTrue();
            assertThat(csvRow(csv, "section", section, "metric", "exploratory").get("value")).isEqualTo("true");
            long treatedUnits = 0;
            for (final JsonNode cell : breakdown.get("cells"))
            {
                final String value = cell.get("value").asText();
                final JsonNode lift = cell.get("lift");
                treatedUnits += lift.get("treated").get("units").asLong();
                for (final String arm : List.of("treated", "control"))
                {
                    assertThat(csvRow(csv, "section", section, "key", value, "group", arm, "metric", "units").get("value"))
                        .as(section + " " + value + " " + arm).isEqualTo(lift.get(arm).get("units").asText());
                    assertThat(csvRow(csv, "section", section, "key", value, "group", arm, "metric", "units_forward").get("value"))
                        .isEqualTo(lift.get(arm).get("forward").asText());
                    assertThat(number(csvRow(csv, "section", section, "key", value, "group", arm, "metric", "forward_rate").get("ci_high")))
                        .isEqualTo(lift.get(arm).get("ci_high").isNull() ? null : lift.get(arm).get("ci_high").asDouble());
                }
                assertThat(csvRow(csv, "section", section, "key", value, "metric", "units_still_open").get("value"))
                    .isEqualTo(cell.get("units_still_open").asText());
                // The whole journal, read before its end: live, so every cell's interval is anytime-valid like the headline's.
                assertThat(lift.get("kind").asText()).isEqualTo(json.get("observation").get("interval_kind").asText()).isEqualTo("anytime");
                final boolean ok = lift.get("status").asText().equals("ok");
                if (ok)
                {
                    final Map<String, String> row = csvRow(csv, "section", section, "key", value, "metric", "lift");
                    assertThat(Double.parseDouble(row.get("value"))).isEqualTo(lift.get("difference").asDouble());
                    assertThat(Double.parseDouble(row.get("ci_low"))).isEqualTo(lift.get("ci_low").asDouble());
                }
                final String liftCell = ok ? signed(lift.get("difference").asDouble()) + " pp [" + signed(lift.get("ci_low").asDouble())
                    + ", " + signed(lift.get("ci_high").asDouble()) + "]" : cell.get("units").asLong() == 0 ? "no units" : "not enough data";
                assertThat(html).as(section + " " + value).contains("<tr><th scope=\"row\">" + Html.escape(cell.get("label").asText())
                    + "</th>" + rateCells(lift.get("treated"), "units") + rateCells(lift.get("control"), "units") + "<td>" + liftCell
                    + "</td><td>" + (ok ? relative(lift.get("relative")) : "-") + "</td><td>"
                    + Figures.count(cell.get("units_still_open").asLong()) + "</td></tr>");
            }
            assertThat(treatedUnits).as(section + " adds up to the headline").isEqualTo(headline.get("treated").get("units").asLong());
        }
        assertThat(html).contains("<h2 id=\"breakdowns\">Breakdowns (exploratory)</h2>", "<h3>By device</h3>", "id=\"chart-trend\"");
        assertThat(json.get("method").get("breakdowns").asText()).contains("exploratory").contains("not in the family");
    }

    @Test
    void shouldPrintEveryResponsesHelpfulnessAlikeInAllThreeFormats()
    {
        final JsonNode responses = json.get("helpfulness");
        assertThat(responses).hasSize(report.helpfulness().size()).hasSizeGreaterThan(10);
        for (final JsonNode response : responses)
        {
            final String id = response.get("response").asText();
            final Map<String, String> rate = csvRow(csv, "section", "helpfulness", "response", id, "metric", "yes_rate");
            assertThat(Double.parseDouble(rate.get("value"))).as(id).isEqualTo(response.get("rate").asDouble());
            assertThat(Double.parseDouble(rate.get("ci_low"))).isEqualTo(response.get("ci_low").asDouble());
            assertThat(Double.parseDouble(rate.get("ci_high"))).isEqualTo(response.get("ci_high").asDouble());
            assertThat(csvRow(csv, "section", "helpfulness", "response", id, "metric", "yes").get("value")).isEqualTo(response.get("yes").asText());
            assertThat(csvRow(csv, "section", "helpfulness", "response", id, "metric", "no").get("value")).isEqualTo(response.get("no").asText());
            assertThat(csvRow(csv, "section", "helpfulness", "response", id, "metric", "flagged").get("value"))
                .isEqualTo(response.get("flagged").asBoolean() ? "1" : "0");
            final JsonNode forward = response.get("forward_rate");
            assertThat(csvRow(csv, "section", "helpfulness", "response", id, "metric", "closed_windows").get("value"))
                .isEqualTo(forward.get("closed").asText());
            assertThat(html).as(id).contains("<tr><th scope=\"row\">" + Html.escape(id) + "</th><td class=\"text\">"
                + (response.get("flagged").asBoolean() ? HelpfulnessSection.FLAG : "") + "</td><td>" + response.get("yes").asText()
                + "</td><td>" + response.get("no").asText() + "</td><td>" + points(response.get("rate").asDouble()) + "% ["
                + points(response.get("ci_low").asDouble()) + ", " + points(response.get("ci_high").asDouble()) + "]</td>"
                + rateCells(forward, "closed") + "</tr>");
            for (final JsonNode answer : response.get("answers"))
            {
                assertThat(csvRow(csv, "section", "helpfulness_answer", "question", answer.get("question").asText(), "choice",
                    answer.get("choice").asText(), "response", id, "metric", "yes").get("value")).isEqualTo(answer.get("yes").asText());
            }
        }
        final JsonNode team = responses.findParents("response").stream().filter(r -> r.get("response").asText().equals("plan-by-team-size"))
            .findFirst().orElseThrow();
        assertThat(team.get("forward_rate").get("closed").asLong()).as("beside the answer's forward rate").isPositive();
        assertThat(team.get("answers")).hasSize(1);
        assertThat(responses).anyMatch(r -> r.get("flagged").asBoolean()).anyMatch(r -> !r.get("flagged").asBoolean());
    }

    /**
     * In session 9 (so the sample's totals stand): captured searches of two intents and none, a search signal's question,
     * and hand-offs of two kinds on a trigger with a control, enough on one for a lift.
     */
    private static void searchesAndHandoffs(final TestJournal journal, final long t)
    {
        for (int i = 0; i < 6; i++)
        {
            journal.searchEvent(t + i, 9, 100 + i, i % 3 == 0 ? "returns" : i % 3 == 1 ? HOSTILE : null, i % 2);
        }
        journal.searchSignal(t + 10, 9, "lost-return", DetectorKind.FAILED_SEARCH, Verdict.SHOWN, 2, "return-help", "returns")
            .shown(t + 10, 9, 2, "lost-return", "return-help", "a")
            .outcome(t + 60_000, 9, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 2, 60_000, "lost-return", "return-help", "a", null, null);
        for (int i = 0; i < 40; i++)
        {
            journal.outcome(t + 60_000 + i, 9, i % 3 == 0 ? OutcomeKind.FORWARD : OutcomeKind.STALLED, OutcomeGroup.HOLDOUT, 0, 60_000,
                "human-help", "talk-to-us", "a", null, null);
        }
        for (int i = 0; i < 40; i++)
        {
            final int iid = 10 + i;
            final boolean available = i < 34;
            final String response = available ? "expert" : HOSTILE;
            journal.shown(t + 100 + i, 9, iid, "human-help", "talk-to-us", "a").answer(t + 200 + i, 9, iid, "talk-to-us", "yes", response)
                .handoff(t + 200 + i, 9, iid, "talk-to-us", "yes", response, available, available ? "link" : "link+webhook")
                .outcome(t + 60_000 + i, 9, i % 2 == 0 ? OutcomeKind.FORWARD : OutcomeKind.EXITED, OutcomeGroup.SHOWN, iid, 60_000,
                    "human-help", "talk-to-us", "a", "yes", response);
        }
    }

    @Test
    void shouldPrintEverySearchIntentAlikeInAllThreeFormats()
    {
        final JsonNode searches = json.get("searches");
        assertThat(searches.get("days_captured").asLong()).isEqualTo(report.searches().daysCaptured()).isPositive();
        assertThat(csvRow(csv, "section", "searches", "metric", "days_captured").get("value")).isEqualTo(searches.get("days_captured").asText());
        assertThat(csvRow(csv, "section", "searches", "metric", "days_with_records").get("value"))
            .isEqualTo(searches.get("days_with_records").asText());
        assertThat(html).contains(Html.escape(SearchSection.captured(report.searches())));
        assertThat(searches.get("intents")).extracting(node -> node.get("intent").asText())
            .containsExactly(HOSTILE, "returns", Searches.NO_INTENT);
        for (final JsonNode intent : searches.get("intents"))
        {
            final String name = intent.get("intent").asText();
            final JsonNode failed = intent.get("failed");
            for (final String metric : List.of("searches", "sessions", "questions_asked"))
            {
                assertThat(csvRow(csv, "section", "search_intent", "key", name, "metric", metric).get("value")).as(name + " " + metric)
                    .isEqualTo(intent.get(metric).asText());
            }
            assertThat(csvRow(csv, "section", "search_intent", "key", name, "metric", "failed").get("value")).isEqualTo(failed.get("failed").asText());
            final Map<String, String> share = csvRow(csv, "section", "search_intent", "key", name, "metric", "failed_share");
            assertThat(number(share.get("value"))).isEqualTo(failed.get("rate").isNull() ? null : failed.get("rate").asDouble());
            assertThat(number(share.get("ci_low"))).isEqualTo(failed.get("ci_low").isNull() ? null : failed.get("ci_low").asDouble());
            final JsonNode forward = intent.get("forward_rate");
            assertThat(csvRow(csv, "section", "search_intent", "key", name, "metric", "closed_windows").get("value"))
                .isEqualTo(forward.get("closed").asText());
            assertThat(html).as(name).contains("<tr><th scope=\"row\">" + Html.escape(name) + "</th><td>" + intent.get("searches").asText()
                + "</td><td>" + intent.get("sessions").asText() + "</td><td>" + failed.get("failed").asText() + "</td>" + rateCell(failed)
                + "<td>" + intent.get("questions_asked").asText() + "</td>" + rateCells(forward, "closed") + "</tr>");
        }
    }

    @Test
    void shouldPrintEveryHandoffAlikeInAllThreeFormats()
    {
        final JsonNode handoffs = json.get("handoffs");
        assertThat(handoffs).hasSize(2);
        assertThat(handoffs).anyMatch(handoff -> handoff.get("lift").get("status").asText().equals("ok"));
        for (final JsonNode handoff : handoffs)
        {
            final String response = handoff.get("response").asText();
            final String availability = handoff.get("availability").asText();
            final String channel = handoff.get("channel").asText();
            final JsonNode lift = handoff.get("lift");
            assertThat(lift.get("kind").asText()).as("live, like the report").isEqualTo("anytime");
            assertThat(csvRow(csv, "section", "handoff", "response", response, "choice", channel, "key", availability, "metric", "offered")
                .get("value")).isEqualTo(handoff.get("offered").asText());
            for (final String arm : List.of("treated", "control"))
            {
                assertThat(csvRow(csv, "section", "handoff", "response", response, "choice", channel, "key", availability, "group", arm,
                    "metric", "units").get("value")).as(response + " " + arm).isEqualTo(lift.get(arm).get("units").asText());
            }
            final boolean ok = lift.get("status").asText().equals("ok");
            if (ok)
            {
                final Map<String, String> row = csvRow(csv, "section", "handoff", "response", response, "choice", channel, "key",
                    availability, "metric", "lift");
                assertThat(Double.parseDouble(row.get("value"))).isEqualTo(lift.get("difference").asDouble());
                assertThat(Double.parseDouble(row.get("ci_low"))).isEqualTo(lift.get("ci_low").asDouble());
            }
            final String liftCell = ok ? signed(lift.get("difference").asDouble()) + " pp [" + signed(lift.get("ci_low").asDouble()) + ", "
                + signed(lift.get("ci_high").asDouble()) + "]" : "not enough data";
            assertThat(html).as(response).contains("<tr><th scope=\"row\">" + Html.escape(response) + "</th><td class=\"text\">"
                + availability + "</td><td class=\"text\">" + Html.escape(channel) + "</td><td class=\"text\">human-help</td><td>"
                + handoff.get("offered").asText() + "</td>" + rateCells(lift.get("treated"), "units") + rateCells(lift.get("control"), "units")
                + "<td>" + liftCell + "</td></tr>");
        }
    }

    private static String relative(final JsonNode ratio)
    {
        return ratio.isNull() ? "-" : signed(ratio.asDouble()) + "%";
    }

    @Test
    void shouldAgreeOnTotalsExposureAndTimes()
    {
        final JsonNode totals = json.get("totals");
        assertThat(totals.get("sessions").asLong()).isEqualTo(1_501).isEqualTo(report.exposure().sessions());
        assertThat(csvRow(csv, "section", "totals", "metric", "sessions").get("value")).isEqualTo("1501");
        assertThat(html).contains("<div class=\"value\">1,501</div><div class=\"label\">sessions</div>");
        final JsonNode exposure = totals.get("exposure");
        assertThat(html).contains("<tr><th scope=\"row\">1 question</th><td>" + Figures.count(exposure.get("one").asLong()) + "</td>");
        assertThat(csvRow(csv, "section", "exposure", "metric", "sessions_with_1_question").get("value"))
            .isEqualTo(exposure.get("one").asText());
        final JsonNode shownTimes = json.get("time_to_forward").get("shown");
        assertThat(csvRow(csv, "section", "time_to_forward", "group", "shown", "metric", "p50_ms").get("value"))
            .isEqualTo(shownTimes.get("p50_ms").asText());
        assertThat(html).contains("<tr><th scope=\"row\">shown</th><td>" + Figures.count(shownTimes.get("count").asLong()) + "</td><td>"
            + Figures.duration(shownTimes.get("p25_ms").asLong()) + "</td><td>" + Figures.duration(shownTimes.get("p50_ms").asLong()));
        assertThat(json.get("method").get("min_closed_windows").asInt()).isEqualTo(30);
        assertThat(json.get("method").get("z").asDouble()).isEqualTo(1.959964);
        assertThat(totals.get("catalog_versions")).hasSize(2);
        assertThat(totals.get("catalog_versions").get(0).get("version").asText()).isEqualTo("2026-11-24.1");
    }

    @Test
    void shouldKeepEveryCsvRowTidy()
    {
        assertThat(csv).allSatisfy(row ->
        {
            assertThat(row).hasSize(12);
            assertThat(row.get("section")).isNotEmpty();
            assertThat(row.get("metric")).isNotEmpty();
        });
    }

    @Test
    void shouldEscapeJournalTextInHtmlAndGuardItInCsv()
    {
        assertThat(html).doesNotContain("<script>", "<b>yes</b>", "v\"1")
            .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,=HYPERLINK(&#39;e&#39;)", "q&amp;a", "&lt;b&gt;yes&lt;/b&gt;");
        assertThat(html).doesNotContainPattern("(?i)<script|<link|@import|url\\(|src=");
        assertThat(ReportTesting.trigger(json, HOSTILE).get("trigger").asText()).isEqualTo(HOSTILE);
        assertThat(csvRow(csv, "section", "trigger", "trigger", HOSTILE, "metric", "shown").get("value")).isEqualTo("1");
        assertThat(csvRow(csv, "section", "answer", "question", "q&a", "metric", "forward_rate").get("choice")).isEqualTo("<b>yes</b>");
        assertThat(ReportTesting.render(report, ReportFormat.CSV)).contains("\"<script>alert(\"\"x\"\")</script>,=HYPERLINK('e')\"");
        assertThat(CsvTable.field("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvTable.field("-3")).isEqualTo("'-3");
    }

    /** A rate with its interval as the HTML prints it, from the JSON's {@code rate}, {@code ci_low}, {@code ci_high}. */
    private static String rateCell(final JsonNode rate)
    {
        return rate.get("rate").isNull() ? "<td>-</td>" : "<td>" + points(rate.get("rate").asDouble()) + "% ["
            + points(rate.get("ci_low").asDouble()) + ", " + points(rate.get("ci_high").asDouble()) + "]</td>";
    }

    private static String rateCells(final JsonNode windows, final String trials)
    {
        final String fraction = Figures.count(windows.get("forward").asLong()) + " / " + Figures.count(windows.get(trials).asLong());
        if (windows.get("rate").isNull())
        {
            return "<td>" + fraction + "</td><td>-</td>";
        }
        return "<td>" + fraction + "</td><td>" + points(windows.get("rate").asDouble()) + "% [" + points(windows.get("ci_low").asDouble())
            + ", " + points(windows.get("ci_high").asDouble()) + "]</td>";
    }

    private static String signed(final double difference)
    {
        final String points = points(difference);
        return points.startsWith("-") || points.equals("0.0") ? points : "+" + points;
    }

    private static Double number(final String text)
    {
        return text.isEmpty() ? null : Double.parseDouble(text);
    }
}
