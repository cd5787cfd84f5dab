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
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The hand-off view with known counts, worked out by hand; every format must print these figures.
 *
 * <pre>
 * response expert-chat (kind handoff), asked by two triggers, one catalog version, the range 2026-11-24 (closed):
 *   checkout-stuck: control 40 holdout windows, 12 forward; search-stuck: control 30 holdout windows, 27 forward
 *   available,   link:    30 shown windows of checkout-stuck, 18 forward; 29 offers on the 24th, the 30th offered at
 *                         00:00:30 on the 25th for a question shown at 23:59 (its window is the 24th's, its offer is not)
 *   unavailable, link:    5 windows of checkout-stuck, 1 forward
 *   available,   webhook: 3 windows of checkout-stuck (3 forward) and 2 of search-stuck (0 forward)
 *   unavailable, link+webhook: shown and offered at 00:00:10 on the 25th (read in the look past the end): no row
 *
 * z = 1.959964; Wilson for x/n: d = 1 + z^2/n, centre = (p + z^2/2n) / d, half = z sqrt(p(1-p)/n + z^2/4n^2) / d
 * available link: treated 18/30 = 0.6, Wilson (0.4232036, 0.7540937); control 12/40 = 0.3, Wilson (0.1807485, 0.4543002)
 *   one stratum, closed: Newcombe d = 0.3, low = d - sqrt((0.6-0.4232036)^2 + (0.4543002-0.3)^2) = 0.0653396,
 *   high = d + sqrt((0.7540937-0.6)^2 + (0.3-0.1807485)^2) = 0.4948482    printed +30.0 pp [+6.5, +49.5]
 * unavailable link: treated 1/5 (0.0362241, 0.6244654); control 12/40: fewer than 30 treated windows: not enough data
 * available webhook: two strata (each trigger's own control): treated 3/5, control 12/40 + 27/30 = 39/70 (each trigger's
 *   control once, never another trigger's): not enough data
 * </pre>
 */
class HandComputedHandoffTest
{
    private static final String CHECKOUT = "checkout-stuck";
    private static final String SEARCH = "search-stuck";
    private static final String RESPONSE = "expert-chat";

    @TempDir
    Path dir;

    private Report report;
    private long sid;

    @BeforeEach
    void writeJournal() throws Exception
    {
        final long start = NOV_24 + 8 * 3_600_000L;
        try (TestJournal journal = TestJournal.open(dir))
        {
            for (int i = 0; i < 40; i++)
            {
                holdout(journal, start + i * 10_000L, CHECKOUT, i < 12);
            }
            for (int i = 0; i < 30; i++)
            {
                holdout(journal, start + i * 10_000L, SEARCH, i < 27);
            }
            final long offers = NOV_24 + 10 * 3_600_000L;
            for (int i = 0; i < 29; i++)
            {
                handoff(journal, offers + i * 10_000L, 1_000, CHECKOUT, true, "link", i < 17);
            }
            // Shown at 23:59, answered and offered at 00:00:30: the window is the range's, the offer the next day's.
            handoff(journal, NOV_24 + 86_340_000L, 90_000, CHECKOUT, true, "link", true);
            // Shown and offered after midnight: nothing of the 24th's, though read in its look past the end.
            handoff(journal, NOV_24 + 86_410_000L, 10_000, CHECKOUT, false, "link+webhook", true);
            for (int i = 0; i < 5; i++)
            {
                handoff(journal, offers + 3_600_000L + i * 10_000L, 1_000, CHECKOUT, false, "link", i == 0);
            }
            for (int i = 0; i < 3; i++)
            {
                handoff(journal, offers + 7_200_000L + i * 10_000L, 1_000, CHECKOUT, true, "webhook", true);
            }
            for (int i = 0; i < 2; i++)
            {
                handoff(journal, offers + 7_300_000L + i * 10_000L, 1_000, SEARCH, true, "webhook", false);
            }
            // The end of observation: past the range's end by more than the longest a window stays open.
            journal.sessionStart(NOV_24 + 86_400_000L + 3_600_000L, 999_999, false);
        }
        report = ReportTesting.read(dir, ReportRange.parse("2026-11-24", "2026-11-24"));
    }

    private void holdout(final TestJournal journal, final long timeMs, final String trigger, final boolean forward)
    {
        final long session = ++sid;
        journal.sessionStart(timeMs, session, false).signal(timeMs, session, trigger, Verdict.HOLDOUT, "need-help")
            .outcome(timeMs + 60_000, session, forward ? OutcomeKind.FORWARD : OutcomeKind.STALLED, OutcomeGroup.HOLDOUT, 0, 60_000, trigger,
                "need-help", "a", null, null);
    }

    /** A question shown at {@code timeMs}, answered "talk" after {@code answerAfterMs} (the hand-off offered then), closed 5 min after. */
    private void handoff(final TestJournal journal, final long timeMs, final long answerAfterMs, final String trigger, final boolean available,
        final String channel, final boolean forward)
    {
        final long session = ++sid;
        journal.sessionStart(timeMs, session, false).signal(timeMs, session, trigger, Verdict.SHOWN, "need-help")
            .shown(timeMs, session, 1, trigger, "need-help", "a").answer(timeMs + answerAfterMs, session, 1, "need-help", "talk", RESPONSE)
            .handoff(timeMs + answerAfterMs, session, 1, "need-help", "talk", RESPONSE, available, channel)
            .outcome(timeMs + 300_000, session, forward ? OutcomeKind.FORWARD : OutcomeKind.STALLED, OutcomeGroup.SHOWN, 1, 300_000,
                trigger, "need-help", "a", "talk", RESPONSE);
    }

    @Test
    void shouldCompareEachOfferWithItsOwnTriggersControlAsByHand()
    {
        assertThat(report.handoffs()).extracting(HandoffFigures::availability, HandoffFigures::channel)
            .containsExactly(tuple("available", "link"), tuple("available", "webhook"),
                tuple("unavailable", "link"));
        final HandoffFigures link = report.handoffs().get(0);
        assertThat(link.response()).isEqualTo(RESPONSE);
        assertThat(link.offered()).as("the 30th offer is the next day's").isEqualTo(29);
        assertThat(link.triggers()).containsExactly(CHECKOUT);
        final Lift lift = link.lift();
        assertThat(lift.shown()).as("its window opened in the range: counted").isEqualTo(new Proportion(18, 30));
        assertThat(lift.holdout()).as("checkout-stuck's control only").isEqualTo(new Proportion(12, 40));
        assertThat(lift.kind()).isEqualTo(IntervalKind.NEWCOMBE);
        assertThat(lift.enoughData()).isTrue();
        assertThat(lift.difference()).isCloseTo(0.3, within(1e-12));
        assertThat(lift.interval().low()).isCloseTo(0.0653396, within(1e-7));
        assertThat(lift.interval().high()).isCloseTo(0.4948482, within(1e-7));

        final HandoffFigures webhook = report.handoffs().get(1);
        assertThat(webhook.triggers()).containsExactly(CHECKOUT, SEARCH);
        assertThat(webhook.offered()).isEqualTo(5);
        assertThat(webhook.lift().shown()).isEqualTo(new Proportion(3, 5));
        assertThat(webhook.lift().holdout()).as("each trigger's control once").isEqualTo(new Proportion(39, 70));
        assertThat(webhook.lift().strata()).as("one stratum per trigger and version").isEqualTo(2);
        assertThat(webhook.lift().kind()).isEqualTo(IntervalKind.STRATIFIED);
        assertThat(webhook.lift().enoughData()).isFalse();

        final HandoffFigures closed = report.handoffs().get(2);
        assertThat(closed.offered()).isEqualTo(5);
        assertThat(closed.lift().shown()).isEqualTo(new Proportion(1, 5));
        assertThat(closed.lift().shown().interval().high()).isCloseTo(0.6244654, within(1e-7));
        assertThat(closed.lift().enoughData()).isFalse();
    }

    @Test
    void shouldNotCountAnOfferOrItsWindowOutsideTheRange() throws Exception
    {
        final Report nextDay = ReportTesting.read(dir, ReportRange.parse("2026-11-25", "2026-11-25"));
        assertThat(nextDay.handoffs()).extracting(HandoffFigures::channel).containsExactly("link", "link+webhook");
        assertThat(nextDay.handoffs().get(0).offered()).as("the offer at 00:00:30 is the 25th's").isEqualTo(1);
        assertThat(nextDay.handoffs().get(0).lift().shown().trials()).as("its window opened on the 24th").isZero();
        assertThat(ReportTesting.read(dir, ReportRange.parse("2026-11-23", "2026-11-23")).handoffs()).isEmpty();
    }

    @Test
    void shouldPrintTheHandComputedDigitsInEveryFormat()
    {
        final String html = ReportTesting.render(report, ReportFormat.HTML);
        assertThat(html).contains("<h2 id=\"handoffs\">Hand-offs to people</h2>");
        assertThat(html).contains("<tr><th scope=\"row\">expert-chat</th><td class=\"text\">available</td><td class=\"text\">link</td>"
            + "<td class=\"text\">checkout-stuck</td><td>29</td><td>18 / 30</td><td>60.0% [42.3, 75.4]</td><td>12 / 40</td>"
            + "<td>30.0% [18.1, 45.4]</td><td>+30.0 pp [+6.5, +49.5]</td></tr>");
        assertThat(html).contains("<tr><th scope=\"row\">expert-chat</th><td class=\"text\">unavailable</td><td class=\"text\">link</td>"
            + "<td class=\"text\">checkout-stuck</td><td>5</td><td>1 / 5</td><td>20.0% [3.6, 62.4]</td><td>12 / 40</td>"
            + "<td>30.0% [18.1, 45.4]</td><td>not enough data</td></tr>");

        final JsonNode json = ReportTesting.json(report).get("handoffs");
        assertThat(json).hasSize(3);
        final JsonNode link = json.get(0);
        assertThat(link.get("response").asText()).isEqualTo(RESPONSE);
        assertThat(link.get("availability").asText()).isEqualTo("available");
        assertThat(link.get("channel").asText()).isEqualTo("link");
        assertThat(link.get("offered").asLong()).isEqualTo(29);
        assertThat(link.get("exploratory").asBoolean()).isTrue();
        assertThat(link.get("triggers").get(0).asText()).isEqualTo(CHECKOUT);
        assertThat(link.get("lift").get("status").asText()).isEqualTo("ok");
        assertThat(link.get("lift").get("kind").asText()).isEqualTo("newcombe");
        assertThat(link.get("lift").get("difference").asDouble()).isCloseTo(0.3, within(1e-12));
        assertThat(link.get("lift").get("ci_low").asDouble()).isCloseTo(0.0653396, within(1e-7));
        assertThat(link.get("lift").get("treated").get("forward").asLong()).isEqualTo(18);
        assertThat(link.get("lift").get("control").get("units").asLong()).isEqualTo(40);
        assertThat(json.get(2).get("lift").get("difference").isNull()).as("not enough data").isTrue();
        assertThat(ReportTesting.json(report).get("method").get("handoffs").asText()).contains("same trigger and catalog version");
        assertThat(html).contains("<dt>Hand-offs (exploratory)</dt>");

        final List<Map<String, String>> csv = ReportTesting.csv(ReportTesting.render(report, ReportFormat.CSV));
        final Map<String, String> lift = csvRow(csv, "section", "handoff", "response", RESPONSE, "choice", "link", "key", "available",
            "metric", "lift");
        assertThat(Double.parseDouble(lift.get("value"))).isCloseTo(0.3, within(1e-12));
        assertThat(Double.parseDouble(lift.get("ci_high"))).isCloseTo(0.4948482, within(1e-7));
        assertThat(csvRow(csv, "section", "handoff", "response", RESPONSE, "choice", "link", "key", "available", "metric", "offered")
            .get("value")).isEqualTo("29");
        assertThat(csvRow(csv, "section", "handoff", "response", RESPONSE, "choice", "webhook", "key", "available", "group", "control",
            "metric", "units").get("value")).isEqualTo("70");
        assertThat(csvRow(csv, "section", "handoff", "response", RESPONSE, "choice", "link", "key", "unavailable", "metric",
            "lift_status").get("value")).isEqualTo("not_enough_data");
    }
}
