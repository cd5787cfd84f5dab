package dev.pulse.report;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.catalog.CatalogLoader;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

import static dev.pulse.report.ReportTesting.DAY_MS;
import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The end of a closed range, by hand: windows opened in it are closed by outcomes read past its end,
 * for as long as their version's windows stay open; nothing else after the end is the range's.
 */
class ReportRangeEndTest
{
    private static final String T = "pricing-hesitation";
    private static final ReportRange NOV_24_ONLY = ReportRange.parse("2026-11-24", "2026-11-24");

    @TempDir
    Path dir;

    @Test
    void shouldCloseWindowsOpenedBeforeTheEndWithOutcomesAfterItButCountNothingElseAfterIt() throws Exception
    {
        // By hand: the 24th ends at midnight. A held-out window opened at 23:55 and exited at 00:05 is the 24th's (its
        // outcome is read in the 41 minutes past the end); one opened at 00:02 is not; the session, signal, question and
        // answer after midnight are not the 24th's either.
        final long midnight = NOV_24 + DAY_MS;
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.sessionStart(midnight - 300_000, 1, false).signal(midnight - 300_000, 1, T, Verdict.HOLDOUT, "q");
            journal.sessionStart(midnight + 120_000, 2, false).signal(midnight + 120_000, 2, T, Verdict.SHOWN, "q")
                .shown(midnight + 120_000, 2, 1, T, "q", "a").answer(midnight + 130_000, 2, 1, "q", "yes", "r-yes");
            journal.outcome(midnight + 180_000, 2, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, 60_000, T, "q", "a", "yes", "r-yes");
            journal.outcome(midnight + 300_000, 1, OutcomeKind.EXITED, OutcomeGroup.HOLDOUT, 0, 600_000, T, "q", "a", null, null);
            journal.sessionStart(midnight + 3_600_000, 3, false);
        }
        // The same journal cut at 00:10: observation ends there, when the window of 23:55 is still open.
        final Path early = Files.createDirectory(dir.resolve("early"));
        try (TestJournal journal = TestJournal.open(early))
        {
            journal.sessionStart(midnight - 300_000, 1, false).signal(midnight - 300_000, 1, T, Verdict.HOLDOUT, "q");
            journal.outcome(midnight + 300_000, 1, OutcomeKind.EXITED, OutcomeGroup.HOLDOUT, 0, 600_000, T, "q", "a", null, null);
            journal.sessionStart(midnight + 600_000, 3, false);
        }

        final Report day = ReportTesting.read(dir, NOV_24_ONLY);
        final Report madeAtTen = ReportTesting.read(early, NOV_24_ONLY);

        final TriggerFigures trigger = ReportTesting.trigger(day, T);
        assertThat(trigger.windows().holdout()).isEqualTo(new WindowCounts(0, 1, 0));
        assertThat(trigger.windows().shown().closed()).isZero();
        assertThat(day.observation().windowsOpen()).isZero();
        assertThat(trigger.verdicts()).containsExactly(entry("holdout", 1L));
        assertThat(trigger.shown()).isZero();
        assertThat(day.totals().sessions()).isEqualTo(1);
        assertThat(day.totals().questionsShown()).isZero();
        assertThat(day.totals().records()).isEqualTo(2);
        assertThat(day.totals().answersOutsideRange()).isZero();
        assertThat(ReportTesting.trigger(madeAtTen, T).windows().holdout().closed()).isZero();
        assertThat(madeAtTen.observation().windowsOpen()).isEqualTo(1);
        assertThat(madeAtTen.observation().endMs()).isEqualTo(midnight + 600_000);
    }

    @Test
    void shouldLookPastTheEndAsLongAsTheVersionsWindowsStayOpen() throws Exception
    {
        // A version whose sessions expire after 2 hours: its windows stay open up to 10 min + 2 h + 1 min. One opened at
        // 23:55 and exited at 02:05 (its window, then the expiry) is the 24th's, read 2 h 5 min past midnight.
        final long version = 0x2_0000L;
        final long midnight = NOV_24 + DAY_MS;
        Files.createDirectories(dir.resolve(CatalogArchive.DIRECTORY));
        try (InputStream demo = CatalogLoader.class.getResourceAsStream(CatalogLoader.DEMO_RESOURCE))
        {
            final String text = new String(demo.readAllBytes(), StandardCharsets.UTF_8).replace("session_expiry: 30m", "session_expiry: 2h");
            Files.writeString(dir.resolve(CatalogArchive.DIRECTORY).resolve(CatalogArchive.fileName(version)), text);
        }
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.catalogVersion(version).sessionStart(midnight - 300_000, 1, false).signal(midnight - 300_000, 1, T, Verdict.HOLDOUT, "q")
                .outcome(midnight + 7_500_000, 1, OutcomeKind.EXITED, OutcomeGroup.HOLDOUT, 0, 7_800_000, T, "q", "a", null, null)
                .sessionStart(midnight + 3 * 3_600_000L, 2, false);
        }

        final Report day = ReportTesting.read(dir, NOV_24_ONLY);

        assertThat(ReportTesting.trigger(day, T).windows().holdout()).isEqualTo(new WindowCounts(0, 1, 0));
        assertThat(day.observation().policiesKnown()).isTrue();
        assertThat(day.observation().windowsOpen()).isZero();
        assertThat(day.observation().endMs()).isEqualTo(midnight + 600_000 + 7_200_000 + WindowPolicy.SWEEP_GRACE_MS);
    }
}
