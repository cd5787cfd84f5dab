package dev.pulse.report;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

import static dev.pulse.report.ReportTesting.DAY_MS;
import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What the report counts, and what it leaves out: one rule per test, on journals written through a real journal. */
class ReportCountingTest
{
    private static final String T = "pricing-hesitation";
    private static final ReportRange NOV_24_ONLY = ReportRange.parse("2026-11-24", "2026-11-24");

    @TempDir
    Path dir;

    @Test
    void shouldCountADeferredSignalOnceUnderItsFinalVerdict() throws Exception
    {
        final long t = NOV_24 + 3_600_000L;
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.signal(t, 1, T, Verdict.DEFERRED, "q").signal(t + 3_000, 1, T, Verdict.SHOWN, "q");
            journal.signal(t, 2, T, Verdict.DEFERRED, "q").signal(t + 1_000, 2, T, Verdict.SUPPRESSED_PAGE_GRACE, "q");
            journal.signal(t, 3, T, Verdict.DEFERRED, "q");
            journal.signal(t, 4, T, Verdict.HOLDOUT, "q");
            journal.signal(t, 5, T, Verdict.DEFERRED, "q").signal(t + 10, 5, T, Verdict.DEFERRED, "q")
                .signal(t + 3_000, 5, T, Verdict.SHOWN, "q");
        }

        final Report report = ReportTesting.read(dir, ReportRange.ALL);

        final TriggerFigures trigger = ReportTesting.trigger(report, T);
        assertThat(trigger.verdicts()).containsExactly(entry("shown", 2L), entry("holdout", 1L), entry("page_grace", 1L),
            entry("deferred", 1L));
        assertThat(trigger.signals()).isEqualTo(5);
        assertThat(trigger.holdout()).isEqualTo(1);
        assertThat(report.totals().signals()).isEqualTo(5);
        assertThat(report.totals().decidedAfterDeferral()).isEqualTo(3);
        assertThat(report.totals().undecidedDeferred()).isEqualTo(1);
        assertThat(ReportTesting.render(report, ReportFormat.HTML)).contains("<th scope=\"col\">still deferred</th>",
            "<tr><th scope=\"row\">pricing-hesitation</th><td>2</td><td>1</td><td>1</td><td>1</td></tr>");
        assertThat(ReportTesting.json(report).get("totals").get("signals_decided_after_deferral").asLong()).isEqualTo(3);
    }

    @Test
    void shouldCountHowManyQuestionsEachSessionOfTheRangeSaw() throws Exception
    {
        final long t = NOV_24 + 3_600_000L;
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.sessionStart(t, 1, false);
            journal.sessionStart(t, 2, false).shown(t, 2, 1, T, "q", "a");
            journal.sessionStart(t, 3, false).shown(t, 3, 1, T, "q", "a").shown(t + 1, 3, 2, "other", "q2", "a");
            journal.sessionStart(t, 4, false).shown(t, 4, 1, T, "q", "a").shown(t, 4, 2, T, "q", "a").shown(t, 4, 3, T, "q", "a");
            journal.sessionStart(t, 5, false);
            for (int iid = 1; iid <= 4; iid++)
            {
                journal.shown(t, 5, iid, T, "q", "a");
            }
            // Started the day before, resumed today (a page load), then shown one: a session of the range.
            journal.sessionStart(t - DAY_MS, 6, false).sessionStart(t, 6, true).sessionStart(t + 60_000, 6, true).shown(t, 6, 1, T, "q", "a");
            // Shown a question today but never started nor resumed today: not a session of the range.
            journal.sessionStart(t - DAY_MS, 7, false).shown(t, 7, 1, T, "q", "a");
            // Expires mid-range: forgotten by the pass, still counted.
            journal.sessionStart(t, 8, false).shown(t, 8, 1, T, "q", "a").shown(t, 8, 2, T, "q", "a").sessionEnd(t + 1_800_000L, 8);
        }

        final Report report = ReportTesting.read(dir, NOV_24_ONLY);

        assertThat(report.exposure()).isEqualTo(new Exposure(1, 2, 2, 2));
        assertThat(report.totals().sessions()).isEqualTo(7);
        assertThat(report.totals().newSessions()).isEqualTo(6);
        assertThat(report.totals().questionsShown()).isEqualTo(14);
        final String html = ReportTesting.render(report, ReportFormat.HTML);
        assertThat(html).contains("<tr><th scope=\"row\">0 questions</th><td>1</td><td>14.3%</td></tr>",
            "<tr><th scope=\"row\">3 or more</th><td>2</td><td>28.6%</td></tr>",
            "<div class=\"value\">85.7%</div><div class=\"label\">of sessions saw a question</div>");
    }

    @Test
    void shouldCountWindowsByTheTimeTheyOpenedWithUtcDayBoundaries() throws Exception
    {
        // A window is complete once it opened at least outcome_window + session_expiry + 1 min (41 min by default) before
        // the end of observation. A day's report reads outcomes up to 41 minutes past midnight, so with the journal going
        // on, every window opened on the 24th is complete; one opened at midnight after is the 25th's.
        final long lastOfTheDay = NOV_24 + DAY_MS - 1;
        try (TestJournal journal = TestJournal.open(dir))
        {
            int sid = 1;
            for (final long openedMs : new long[] {NOV_24 - 1, NOV_24, lastOfTheDay - 60_000, lastOfTheDay, NOV_24 + DAY_MS})
            {
                journal.outcome(openedMs + 1_000, sid++, OutcomeKind.FORWARD, OutcomeGroup.HOLDOUT, 0, 1_000, T, "q", "a", null, null);
            }
            // Deferred the evening before, decided after midnight: one signal of the 24th, under its final verdict.
            journal.signal(NOV_24 - 1_000, 9, T, Verdict.DEFERRED, "q").signal(NOV_24 + 2_000, 9, T, Verdict.SHOWN, "q");
            // Two days on: the end of observation of the open ranges, when every window above is complete.
            journal.sessionStart(NOV_24 + 2 * DAY_MS, 99, false);
        }

        final Report day = ReportTesting.read(dir, NOV_24_ONLY);
        final Report all = ReportTesting.read(dir, ReportRange.ALL);
        final Report instant = ReportTesting.read(dir, ReportRange.parse("2026-11-24T00:00:00Z", "2026-11-24T00:00:00Z"));
        final Report evening = ReportTesting.read(dir, ReportRange.parse("2026-11-24T23:00:00+01:00", null));

        // The 24th: opened at midnight, at 23:58:59.999 and at 23:59:59.999 (closed on the 25th) count; the window of
        // 23:59:59.999 the day before does not, though it closed on the 24th.
        assertThat(ReportTesting.trigger(day, T).windows().holdout().closed()).isEqualTo(3);
        assertThat(day.observation().windowsOpen()).isZero();
        assertThat(day.observation().endMs()).isEqualTo(NOV_24 + DAY_MS + WindowPolicy.DEFAULTS.maxOpenMs());
        assertThat(ReportTesting.trigger(day, T).verdicts()).containsExactly(entry("shown", 1L));
        assertThat(day.totals().undecidedDeferred()).isZero();
        // Records of the 24th by their own time: three outcomes (closed 00:00:00.999 to 23:59:00.999) and the decision.
        assertThat(day.totals().records()).isEqualTo(4);
        assertThat(day.totals().firstRecordMs()).isEqualTo(NOV_24 + 999);
        assertThat(day.totals().lastRecordMs()).isEqualTo(lastOfTheDay - 59_000);
        assertThat(ReportTesting.trigger(all, T).windows().holdout().closed()).isEqualTo(5);
        assertThat(all.observation().windowsOpen()).isZero();
        assertThat(ReportTesting.trigger(all, T).verdicts()).containsExactly(entry("shown", 1L));
        // The instant [00:00:00.000, 00:00:00.001): the window opened in it closed a second later, in the look past its end.
        assertThat(ReportTesting.trigger(instant, T).windows().holdout().closed()).isEqualTo(1);
        assertThat(ReportTesting.trigger(evening, T).windows().holdout().closed()).isEqualTo(3);
        assertThat(ReportTesting.render(day, ReportFormat.HTML)).contains("<title>Pulse outcome report: 2026-11-24 (UTC)</title>",
            "<div class=\"value\">0</div><div class=\"label\">windows still open (in no rate)</div>");
        assertThat(ReportTesting.json(day).get("range").get("to_exclusive").asText()).isEqualTo("2026-11-25T00:00:00Z");
        assertThat(ReportTesting.json(day).get("observation").get("windows_still_open").asLong()).isZero();
    }

    @Test
    void shouldTakeEachSessionOfAnUnknownVisitorForItsOwnVisitorEvenTheAllZeroId() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            ReportTesting.shownWindow(journal, NOV_24 + 3_600_000L, 0, T, "a", null, OutcomeKind.FORWARD, 60_000);
            ReportTesting.shownWindow(journal, NOV_24 + 3_660_000L, 1, T, "a", null, OutcomeKind.STALLED, 60_000);
            journal.sessionStart(NOV_24 + DAY_MS, 99, false);
        }

        final Report report = ReportTesting.read(dir, NOV_24_ONLY);

        assertThat(ReportTesting.trigger(report, T).lift().shown()).as("sessions 0 and 1: two visitors").isEqualTo(new Proportion(1, 2));
        assertThat(report.headline().lift().shown()).isEqualTo(new Proportion(1, 2));
    }

    @Test
    void shouldCountUnmeasuredWindowsApartAndInNoRate() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.outcome(NOV_24 + 1_000, 1, OutcomeKind.FORWARD, OutcomeGroup.SHADOW, 0, 1_000, T, "q", "a", null, null);
            journal.outcome(NOV_24 + 2_000, 2, OutcomeKind.STALLED, OutcomeGroup.SHADOW, 0, 600_000, T, "q", "a", null, null);
            journal.outcome(NOV_24 + 3_000, 3, OutcomeKind.UNMEASURED, OutcomeGroup.SHADOW, 0, 0, T, "q", "a", null, null);
            journal.sessionStart(NOV_24 + DAY_MS, 9, false);
        }
        final Report report = ReportTesting.read(dir, ReportRange.ALL);
        assertThat(ReportTesting.trigger(report, T).windows().shadow().closed()).as("forward and stalled only").isEqualTo(2);
        assertThat(ReportTesting.trigger(report, T).windows().shadow().forward()).isEqualTo(1);
        assertThat(report.totals().windowsUnmeasured()).isEqualTo(1);
        assertThat(ReportTesting.json(report).get("totals").get("outcome_windows_unmeasured").asLong()).isEqualTo(1);
        assertThat(ReportTesting.render(report, ReportFormat.HTML)).contains("outcome windows not measured");
    }

    @Test
    void shouldCountAnswersOnlyForQuestionsShownInTheRange() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.sessionStart(NOV_24 - 10_000, 1, false).shown(NOV_24 - 5_000, 1, 1, T, "q", "a")
                .answer(NOV_24 + 5_000, 1, 1, "q", "yes", "r-yes");
            journal.sessionStart(NOV_24 + 10_000, 2, false).shown(NOV_24 + 10_000, 2, 1, T, "q", "a")
                .answer(NOV_24 + 15_000, 2, 1, "q", "yes", "r-yes").answer(NOV_24 + 16_000, 2, 1, "q", "no", "r-no")
                .dismiss(NOV_24 + 17_000, 2, 1, "q");
        }

        final Report report = ReportTesting.read(dir, NOV_24_ONLY);

        final QuestionFigures question = ReportTesting.question(report, "q");
        assertThat(question.shown()).isEqualTo(1);
        assertThat(question.choices()).containsExactly(new QuestionFigures.ChoiceCount("yes", 1));
        assertThat(question.dismissed()).isZero();
        assertThat(ReportTesting.trigger(report, T).answered()).isEqualTo(1);
        assertThat(report.totals().answersOutsideRange()).isEqualTo(3);
    }

    @Test
    void shouldSayNotEnoughDataBelowTheMinimumOf30ClosedWindowsPerGroup() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            final long t = NOV_24 + 3_600_000L;
            for (int i = 0; i < 30; i++)
            {
                final OutcomeKind kind = i % 3 == 0 ? OutcomeKind.FORWARD : OutcomeKind.STALLED;
                // One visitor (session) per arm: a unit is a visitor, and a visitor is in one arm.
                journal.outcome(t, 100 + i, kind, OutcomeGroup.HOLDOUT, 0, 600_000, "enough", "q", "a", null, null);
                journal.outcome(t, 200 + i, kind, OutcomeGroup.SHOWN, 1, 600_000, "enough", "q", "a", null, null);
                journal.outcome(t, 300 + i, kind, OutcomeGroup.HOLDOUT, 0, 600_000, "short", "q2", "a", null, null);
                if (i < 29)
                {
                    journal.outcome(t, 400 + i, kind, OutcomeGroup.SHOWN, 1, 600_000, "short", "q2", "a", null, null);
                }
            }
            journal.sessionStart(NOV_24 + DAY_MS, 999, false);
        }

        // A closed day, so the fixed-horizon (Newcombe) interval: a live report's anytime interval is far wider at 30 a side.
        final Report report = ReportTesting.read(dir, NOV_24_ONLY);

        assertThat(ReportTesting.trigger(report, "enough").lift().enoughData()).isTrue();
        assertThat(ReportTesting.trigger(report, "short").lift().enoughData()).isFalse();
        final String html = ReportTesting.render(report, ReportFormat.HTML);
        assertThat(html).contains("<tr><th scope=\"row\">enough</th><td>10 / 30</td><td>33.3% [19.2, 51.2]</td><td>10 / 30</td>"
            + "<td>33.3% [19.2, 51.2]</td><td>0.0 pp [-22.", "<tr><th scope=\"row\">short</th><td>10 / 29</td>",
            "<td>not enough data</td><td>-</td><td>not_tested</td></tr>", "not enough data (29 shown, 30 holdout windows; 30 each needed)",
            "A lift is printed only when both arms have at least 30 visitors with a complete window");
    }

    @Test
    void shouldTakeNearestRankPercentilesAndBucketsOfForwardTimesOnly() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            final long t = NOV_24 + 3_600_000L;
            final long[] seconds = {700, 5, 8, 12, 20, 40, 70, 130, 250, 400};
            for (int i = 0; i < seconds.length; i++)
            {
                journal.outcome(t, i, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, seconds[i] * 1_000, T, "q", "a", null, null);
            }
            journal.outcome(t, 99, OutcomeKind.EXITED, OutcomeGroup.SHOWN, 1, 2_000, T, "q", "a", null, null);
            journal.sessionStart(t + DAY_MS, 999, false);
        }

        final ForwardTimes times = ReportTesting.read(dir, ReportRange.ALL).forwardTimes();

        // Sorted: 5 8 12 20 40 70 130 250 400 700 s. Ranks ceil(p * 10 / 100): 3, 5, 8, 9. Quoted from the histogram:
        // the top of the rank's bucket, at most 0.1% above the duration (3 significant digits).
        final long[] exactMs = {12_000, 40_000, 250_000, 400_000};
        for (int i = 0; i < exactMs.length; i++)
        {
            assertThat(times.shown().percentilesMs()[i]).isBetween(exactMs[i], exactMs[i] + exactMs[i] / 1_000);
        }
        assertThat(times.shown().bucketCounts()).containsExactly(2L, 2L, 1L, 1L, 2L, 1L, 1L);
        assertThat(times.holdout().count()).isZero();
        assertThat(times.holdout().percentilesMs()).containsOnly(-1);
        assertThat(ReportTesting.render(ReportTesting.read(dir, ReportRange.ALL), ReportFormat.HTML)).contains(
            "<tr><th scope=\"row\">shown</th><td>10</td><td>12 s</td><td>40 s</td><td>4 min 10 s</td><td>6 min 40 s</td></tr>",
            "<tr><th scope=\"row\">holdout</th><td>0</td><td>-</td><td>-</td><td>-</td><td>-</td></tr>");
    }

    @Test
    void shouldNameCatalogVersionsByReloadsAnywhereInTheJournal() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.catalogReload(NOV_24 - DAY_MS, "2026-11-23.4", 0xabcL);
            journal.catalogVersion(0xabcL).sessionStart(NOV_24 + 1_000, 1, false)
                .outcome(NOV_24 + 9_000, 1, OutcomeKind.STALLED, OutcomeGroup.SHOWN, 1, 600_000, T, "q", "a", null, null);
            journal.catalogVersion(0xdefL).sessionStart(NOV_24 + 5_000, 2, false);
        }

        Files.createDirectories(dir.resolve("catalogs"));
        Files.writeString(dir.resolve("catalogs/0000000000000abc.yaml"), "version: 2026-11-23.4\n");

        final Report report = ReportTesting.read(dir, NOV_24_ONLY);

        assertThat(report.catalogVersions()).containsExactly(
            new CatalogVersionSeen(0xabcL, "2026-11-23.4", NOV_24 + 1_000, NOV_24 + 9_000, 1, "catalogs/0000000000000abc.yaml"),
            new CatalogVersionSeen(0xdefL, "", NOV_24 + 5_000, NOV_24 + 5_000, 0, ""));
        assertThat(ReportTesting.render(report, ReportFormat.HTML)).contains(
            "<tr><th scope=\"row\">2026-11-23.4</th><td class=\"text\">0000000000000abc</td>",
            "<td>catalogs/0000000000000abc.yaml</td></tr>",
            "<tr><th scope=\"row\">(not named in the journal)</th><td class=\"text\">0000000000000def</td>",
            "<td>(no copy)</td></tr>");
        assertThat(ReportTesting.render(report, ReportFormat.JSON)).contains("\"copy\" : \"catalogs/0000000000000abc.yaml\"");
    }

    @Test
    void shouldWriteAnEmptyReportForAnEmptyJournal() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.sessionStart(NOV_24 - DAY_MS, 1, false);
        }

        final Report report = ReportTesting.read(dir, NOV_24_ONLY);

        assertThat(report.totals().records()).isZero();
        assertThat(report.triggers()).isEmpty();
        assertThat(ReportTesting.render(report, ReportFormat.HTML)).contains("No journal records in this period.",
            "No trigger signalled in this period.", "No question was shown in this period.", "No outcome window complete in this period.");
        assertThat(ReportTesting.json(report).get("totals").get("first_record").isNull()).isTrue();
        assertThat(ReportTesting.csv(ReportTesting.render(report, ReportFormat.CSV))).isNotEmpty();
    }
}
