package dev.pulse.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

import static dev.pulse.report.ReportTesting.DAY_MS;
import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The cells' bad cases: values past the cap, a session never seen starting, no catalog copy to name a key. */
class BreakdownCellsTest
{
    private static final long NINE = NOV_24 + 9 * 3_600_000L;

    @TempDir
    Path dir;

    @Test
    void shouldGiveTheFirstValuesOfAKeyTheirOwnCellsAndTheRestOne()
    {
        final CellNames names = new CellNames(2);
        assertThat(names.index("mobile")).isEqualTo(2);
        assertThat(names.index("desktop")).isEqualTo(3);
        assertThat(names.index("mobile")).as("known: its own cell").isEqualTo(2);
        assertThat(names.index("tablet")).as("past the capacity").isEqualTo(CellNames.OTHER_INDEX);
        assertThat(names.index("")).isEqualTo(CellNames.NOT_SET_INDEX);
        assertThat(names.index(null)).isEqualTo(CellNames.NOT_SET_INDEX);
        assertThat(names.name(CellNames.OTHER_INDEX)).isEqualTo("(other values)");
    }

    @Test
    void shouldCountAPageSendingANewValuePerVisitorInBoundedCells() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            for (int i = 0; i < SessionContexts.MAX_VALUES + 6; i++)
            {
                journal.sessionStart(NINE + i, 100 + i, 100 + i, false, "device", String.format("model-%02d", i))
                    .outcome(NINE + i + 60_000, 100 + i, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, 60_000, "t", "q", "", null, null, "cart");
            }
            journal.sessionStart(NOV_24 + DAY_MS + 3_600_000L, 999, false);
        }
        final Breakdown device = BreakdownsTest.breakdown(read(), "context:device");
        assertThat(device.cells()).hasSize(SessionContexts.MAX_VALUES + 1);
        assertThat(device.cells().get(0).value()).isEqualTo("model-00");
        assertThat(device.cells().get(SessionContexts.MAX_VALUES - 1).value()).isEqualTo("model-23");
        assertThat(device.cells().get(SessionContexts.MAX_VALUES)).extracting(Breakdown.Cell::value, Breakdown.Cell::units)
            .containsExactly("(other values)", 6L);
    }

    @Test
    void shouldPutASessionNeverSeenStartingUnderNotSetAndBreakDownByDeviceAloneWithoutACatalogCopy() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            // Session 7 began before the journal: its outcome is the first record of it.
            journal.outcome(NINE + 60_000, 7, OutcomeKind.STALLED, OutcomeGroup.HOLDOUT, 0, 60_000, "t", "q", "", null, null, "cart")
                .sessionStart(NINE, 8, 8, false, "device", "<b>tablet</b>", "tier", "pro")
                .outcome(NINE + 60_000, 8, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, 60_000, "t", "q", "", null, null, "cart")
                .sessionStart(NOV_24 + DAY_MS + 3_600_000L, 999, false);
        }
        final Report report = read();
        assertThat(report.breakdowns()).extracting(Breakdown::name).as("no catalog copy: no key but device")
            .containsExactly("day", "context:device", "page_kind", "catalog_version");
        assertThat(BreakdownsTest.breakdown(report, "context:device").cells())
            .extracting(Breakdown.Cell::value, cell -> cell.lift().shown().trials(), cell -> cell.lift().holdout().trials())
            .containsExactly(tuple("<b>tablet</b>", 1L, 0L), tuple("(not set)", 0L, 1L));
        final String html = ReportTesting.render(report, ReportFormat.HTML);
        assertThat(html).contains("<tr><th scope=\"row\">&lt;b&gt;tablet&lt;/b&gt;</th>").doesNotContain("<b>tablet");
    }

    @Test
    void shouldTakeTheCellsOfTheVisitorsEarliestOpenedWindowWhenALaterOneClosesFirst() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            // Visitor 5 on a phone opens window A at 9:00 (it exits 35 min later); in a desktop tab it opens B at 9:05, forward
            // at 9:06. B's outcome comes first, but A is the visitor's first window: the unit is A's, mobile and not forward.
            journal.sessionStart(NINE, 51, 5, false, "device", "mobile")
                .sessionStart(NINE + 300_000, 52, 5, false, "device", "desktop")
                .outcome(NINE + 360_000, 52, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, 60_000, "t", "q", "", null, null, "cart")
                .outcome(NINE + 2_100_000, 51, OutcomeKind.EXITED, OutcomeGroup.SHOWN, 1, 2_100_000, "t", "q", "", null, null, "pricing")
                .sessionEnd(NINE + 2_100_000, 51)
                .sessionStart(NOV_24 + DAY_MS + 3_600_000L, 999, false);
        }
        final Report report = read();
        assertThat(report.headline().lift().shown()).isEqualTo(new Proportion(0, 1));
        assertThat(BreakdownsTest.breakdown(report, "context:device").cells())
            .extracting(Breakdown.Cell::value, cell -> cell.lift().shown()).containsExactly(tuple("mobile", new Proportion(0, 1)));
        assertThat(BreakdownsTest.breakdown(report, "page_kind").cells()).extracting(Breakdown.Cell::value).containsExactly("pricing");
    }

    @Test
    void shouldKeepTheContextOfASessionsFirstHelloAndTakeAResumedOneForASessionNotSeenStarting() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            // Session 1 starts on a phone; a later page's hello says desktop: the session stays mobile.
            journal.sessionStart(NINE, 1, 1, false, "device", "mobile")
                .sessionStart(NINE + 30_000, 1, 1, true, "device", "desktop")
                .outcome(NINE + 90_000, 1, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, 60_000, "t", "q", "", null, null, "cart")
                // Session 2 began before the journal: its first hello here is a resumed one, and counts.
                .sessionStart(NINE, 2, 2, true, "device", "tablet")
                .outcome(NINE + 60_000, 2, OutcomeKind.STALLED, OutcomeGroup.HOLDOUT, 0, 60_000, "t", "q", "", null, null, "cart")
                .sessionStart(NOV_24 + DAY_MS + 3_600_000L, 999, false);
        }
        assertThat(BreakdownsTest.breakdown(read(), "context:device").cells())
            .extracting(Breakdown.Cell::value, Breakdown.Cell::units).containsExactly(tuple("mobile", 1L), tuple("tablet", 1L));
    }

    @Test
    void shouldSayOnceThatNoVisitorHadAWindowInAnEmptyPeriod() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.sessionStart(NOV_24 - DAY_MS, 1, false);
        }
        final Report report = read();
        assertThat(report.breakdowns()).allSatisfy(breakdown -> assertThat(breakdown.cells()).isEmpty());
        final String html = ReportTesting.render(report, ReportFormat.HTML);
        assertThat(html.split("No visitor with a window in this period.", -1)).hasSize(2);
        assertThat(html).doesNotContain("id=\"chart-trend\"");
        assertThat(ReportTesting.json(report).get("breakdowns")).hasSize(4);
    }

    private Report read() throws Exception
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            assertThat(files.anyMatch(file -> file.toString().contains("catalogs"))).isFalse();
        }
        return JournalReportReader.read(dir.resolve("journal"), ReportRange.parse("2026-11-24", "2026-11-24"), NOV_24 + 2 * DAY_MS);
    }
}
