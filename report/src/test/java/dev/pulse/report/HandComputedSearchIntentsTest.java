package dev.pulse.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

import static dev.pulse.report.ReportTesting.NOV_24;
import static dev.pulse.report.ReportTesting.csvRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Searches by intent with known counts, worked out by hand; every format must print these figures.
 *
 * <pre>
 * 2026-11-24, events captured (and a page view):
 *   session 1: returns (0 results), returns (3), no intent (0)
 *   session 2: returns (0)          session 3: warranty (5)          session 4: no intent (0), no intent (0)
 * 2026-11-25, no event captured (capture off, or compacted): only signals
 *   searches: returns 3 in 2 sessions, failed 2/3; warranty 1 in 1, failed 0/1; no intent 3 in 2, failed 3/3
 *   from 1 of the 2 days with records
 * signals of the search detectors, the questions shown and their windows:
 *   session 2 (24th)  failed_search shown, returns        forward
 *   session 5 (25th)  search_intent shown, returns        stalled
 *   session 6         failed_search holdout, returns      (not asked; its holdout window is no one's question)
 *   session 7         idle_on_key_page shown              (not a search's)
 *   session 8         failed_search shown, no intent      forward
 *   session 9         failed_search deferred, warranty; then shown on the timer, whose record names no intent: warranty, forward
 *   questions asked: returns 2 (forward 1/2), warranty 1 (1/1), no intent 1 (1/1)
 *
 * z = 1.959964; Wilson for x/n: d = 1 + z^2/n, centre = (p + z^2/2n) / d, half = z sqrt(p(1-p)/n + z^2/4n^2) / d
 * failed 2/3: (0.2076596, 0.9385081) printed 66.7% [20.8, 93.9]; 0/1: (0, 0.7934507) printed 0.0% [0.0, 79.3];
 * 3/3: (0.4385030, 1) printed 100.0% [43.9, 100.0]; forward 1/2: (0.0945312, 0.9054688) printed 50.0% [9.5, 90.5]
 * </pre>
 */
class HandComputedSearchIntentsTest
{
    private static final long DAY = 86_400_000L;

    @TempDir
    Path dir;

    private Report report;

    @BeforeEach
    void writeJournal() throws Exception
    {
        final long t = NOV_24 + 9 * 3_600_000L;
        final long next = t + DAY;
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.sessionStart(t, 1, false).pageEvent(t, 1, 1, "/help").searchEvent(t + 1_000, 1, 2, "returns", 0)
                .searchEvent(t + 2_000, 1, 3, "returns", 3).searchEvent(t + 3_000, 1, 4, null, 0);
            journal.sessionStart(t, 2, false).searchEvent(t + 1_000, 2, 1, "returns", 0);
            asked(journal, t + 1_000, 2, DetectorKind.FAILED_SEARCH, "returns", true);
            journal.sessionStart(t, 3, false).searchEvent(t + 1_000, 3, 1, "warranty", 5);
            journal.sessionStart(t, 4, false).searchEvent(t + 1_000, 4, 1, null, 0).searchEvent(t + 2_000, 4, 2, null, 0);
            journal.sessionStart(next, 5, false);
            asked(journal, next + 1_000, 5, DetectorKind.SEARCH_INTENT, "returns", false);
            journal.sessionStart(next, 6, false).searchSignal(next, 6, "lost-return", DetectorKind.FAILED_SEARCH, Verdict.HOLDOUT, 0,
                "return-help", "returns").outcome(next + 60_000, 6, OutcomeKind.FORWARD, OutcomeGroup.HOLDOUT, 0, 60_000, "lost-return",
                "return-help", "a", null, null);
            journal.sessionStart(next, 7, false).signal(next, 7, "idle", Verdict.SHOWN, "need-help").shown(next, 7, 1, "idle", "need-help", "a")
                .outcome(next + 60_000, 7, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, 60_000, "idle", "need-help", "a", null, null);
            journal.sessionStart(next, 8, false);
            asked(journal, next + 1_000, 8, DetectorKind.FAILED_SEARCH, null, true);
            journal.sessionStart(next, 9, false).searchSignal(next, 9, "lost-return", DetectorKind.FAILED_SEARCH, Verdict.DEFERRED, 0,
                "return-help", "warranty");
            asked(journal, next + 5_000, 9, DetectorKind.FAILED_SEARCH, null, true);
            // The end of observation: past the range's end by more than the longest a window stays open.
            journal.sessionStart(next + DAY, 999, false);
        }
        report = ReportTesting.read(dir, ReportRange.parse("2026-11-24", "2026-11-25"));
    }

    /** A search detector's shown question ({@code intent} null: none named) and its window, closed a minute later. */
    private static void asked(final TestJournal journal, final long timeMs, final long sid, final DetectorKind detector, final String intent,
        final boolean forward)
    {
        journal.searchSignal(timeMs, sid, "lost-return", detector, Verdict.SHOWN, 1, "return-help", intent)
            .shown(timeMs, sid, 1, "lost-return", "return-help", "a")
            .outcome(timeMs + 60_000, sid, forward ? OutcomeKind.FORWARD : OutcomeKind.STALLED, OutcomeGroup.SHOWN, 1, 60_000, "lost-return",
                "return-help", "a", null, null);
    }

    @Test
    void shouldCountSearchesSessionsFailuresAndAskedQuestionsPerIntentAsByHand()
    {
        final Searches searches = report.searches();
        assertThat(searches.daysCaptured()).isEqualTo(1);
        assertThat(searches.daysSpanned()).isEqualTo(2);
        assertThat(searches.intents()).containsExactly(
            new Searches.Intent("returns", 3, 2, new Proportion(2, 3), 2, new Proportion(1, 2)),
            new Searches.Intent("warranty", 1, 1, new Proportion(0, 1), 1, new Proportion(1, 1)),
            new Searches.Intent(Searches.NO_INTENT, 3, 2, new Proportion(3, 3), 1, new Proportion(1, 1)));
        assertThat(searches.intents().get(0).failed().interval().low()).isCloseTo(0.2076596, within(1e-7));
        assertThat(searches.intents().get(0).forward().interval().high()).isCloseTo(0.9054688, within(1e-7));
    }

    @Test
    void shouldSayADayWithoutCapturedEventsCountsNoSearchButItsQuestions() throws Exception
    {
        final Searches day = ReportTesting.read(dir, ReportRange.parse("2026-11-25", "2026-11-25")).searches();
        assertThat(day.daysCaptured()).isZero();
        assertThat(day.daysSpanned()).isEqualTo(1);
        assertThat(day.intents()).containsExactly(
            new Searches.Intent("returns", 0, 0, new Proportion(0, 0), 1, new Proportion(0, 1)),
            new Searches.Intent("warranty", 0, 0, new Proportion(0, 0), 1, new Proportion(1, 1)),
            new Searches.Intent(Searches.NO_INTENT, 0, 0, new Proportion(0, 0), 1, new Proportion(1, 1)));
        final String html = ReportTesting.render(ReportTesting.read(dir, ReportRange.parse("2026-11-25", "2026-11-25")), ReportFormat.HTML);
        assertThat(html).contains("Searches counted from 0 of 1 days with records that hold captured events");
    }

    @Test
    void shouldPrintTheHandComputedDigitsInEveryFormat()
    {
        final String html = ReportTesting.render(report, ReportFormat.HTML);
        assertThat(html).contains("<h2 id=\"searches\">Searches by intent</h2>", "Searches counted from 1 of 2 days");
        assertThat(html).contains("<tr><th scope=\"row\">returns</th><td>3</td><td>2</td><td>2</td><td>66.7% [20.8, 93.9]</td><td>2</td>"
            + "<td>1 / 2</td><td>50.0% [9.5, 90.5]</td></tr>");
        assertThat(html).contains("<tr><th scope=\"row\">warranty</th><td>1</td><td>1</td><td>0</td><td>0.0% [0.0, 79.3]</td><td>1</td>");
        assertThat(html).contains("<tr><th scope=\"row\">(no intent)</th><td>3</td><td>2</td><td>3</td><td>100.0% [43.9, 100.0]</td>");

        final JsonNode json = ReportTesting.json(report).get("searches");
        assertThat(json.get("days_captured").asLong()).isEqualTo(1);
        assertThat(json.get("days_with_records").asLong()).isEqualTo(2);
        final JsonNode returns = json.get("intents").get(0);
        assertThat(returns.get("intent").asText()).isEqualTo("returns");
        assertThat(returns.get("searches").asLong()).isEqualTo(3);
        assertThat(returns.get("sessions").asLong()).isEqualTo(2);
        assertThat(returns.get("failed").get("failed").asLong()).isEqualTo(2);
        assertThat(returns.get("failed").get("ci_high").asDouble()).isCloseTo(0.9385081, within(1e-7));
        assertThat(returns.get("questions_asked").asLong()).isEqualTo(2);
        assertThat(returns.get("forward_rate").get("closed").asLong()).isEqualTo(2);
        assertThat(json.get("intents").get(2).get("intent").asText()).isEqualTo(Searches.NO_INTENT);
        assertThat(ReportTesting.json(report).get("method").get("searches").asText()).contains("captured events").contains("on how many days");
        assertThat(html).contains("<dt>Searches by intent (exploratory)</dt>");

        final List<Map<String, String>> csv = ReportTesting.csv(ReportTesting.render(report, ReportFormat.CSV));
        assertThat(csvRow(csv, "section", "searches", "metric", "days_captured").get("value")).isEqualTo("1");
        final Map<String, String> failed = csvRow(csv, "section", "search_intent", "key", "returns", "metric", "failed_share");
        assertThat(Double.parseDouble(failed.get("value"))).isEqualTo(2.0 / 3);
        assertThat(Double.parseDouble(failed.get("ci_low"))).isCloseTo(0.2076596, within(1e-7));
        assertThat(csvRow(csv, "section", "search_intent", "key", Searches.NO_INTENT, "metric", "sessions").get("value")).isEqualTo("2");
        assertThat(csvRow(csv, "section", "search_intent", "key", "warranty", "metric", "questions_asked").get("value")).isEqualTo("1");
    }
}
