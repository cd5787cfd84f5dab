package dev.pulse.report;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

import static dev.pulse.report.ReportTesting.DAY_MS;
import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Each breakdown worked out by hand on a small journal of three days (2026-11-24 to 26, closed), every
 * visitor one session and one first window unless said, the catalog (two versions, both kept in the
 * archive) naming the context key {@code tier}:
 *
 * <pre>
 * group  day  version  device   tier  stuck on  treated (forward / units)  control
 * M      24   V1       mobile   pro   pricing   30 / 40                    20 / 40
 * D      26   V2       desktop  free  cart       4 / 6                      1 / 4
 * N      26   V2       (no context sent)        1 / 3 stuck ""             2 / 2 stuck "#1a2b" (a kind no kept catalog knows)
 * plus: treated M visitor 0 again on the 26th, desktop, forward: not its first window, in no cell;
 *       a treated visitor whose first window opened 23:50 on the 26th: still open at the range's end;
 *       a shadow window: never a unit. Nothing on the 25th.
 *
 * day              24: 30/40 vs 20/40, lift +25.0 pp [+3.8, +43.3] (Newcombe, as HandComputedLiftTest)
 *                  25: no units;  26: 5/9 vs 3/6 (not enough data), 1 still open
 * context:device   desktop 4/6 vs 1/4; mobile 30/40 vs 20/40; (not set) 1/3 vs 2/2, 1 still open
 * context:tier     free 4/6 vs 1/4; pro 30/40 vs 20/40; (not set) 1/3 vs 2/2, 1 still open
 * page_kind        cart 4/6 vs 1/4; pricing 30/40 vs 20/40, 1 still open; (not set) 1/3 vs 0/0; (unknown) 0/0 vs 2/2
 * catalog_version  V1 30/40 vs 20/40; V2 5/9 vs 3/6, 1 still open
 * every breakdown adds up to the headline: 35/49 vs 23/46, 1 visitor still open.
 *
 * Wilson (z^2 = 3.841459) for the desktop cell, printed in its HTML row:
 *   4/6: d = 1 + z^2/6 = 1.640243, centre = (0.666667 + z^2/12) / d = 0.986789 / 1.640243 = 0.601611,
 *        half = z * sqrt(0.666667 * 0.333333 / 6 + z^2/144) / d = 1.959964 * 0.252416 / 1.640243 = 0.301619
 *        -> [0.299992, 0.903230], printed 66.7% [30.0, 90.3]
 *   1/4: d = 1 + z^2/4 = 1.960365, centre = (0.25 + z^2/8) / d = 0.730182 / 1.960365 = 0.372473,
 *        half = 1.959964 * sqrt(0.046875 + 0.060023) / d = 1.959964 * 0.326953 / 1.960365 = 0.326886
 *        -> [0.045587, 0.699359], printed 25.0% [4.6, 69.9]
 * </pre>
 */
class BreakdownsTest
{
    private static final long NOV_26 = NOV_24 + 2 * DAY_MS;

    @TempDir
    Path dir;

    private long v1;
    private long v2;

    @BeforeEach
    void writeJournal() throws Exception
    {
        v1 = BreakdownCatalogs.keep(dir, "2026-11-24.1");
        v2 = BreakdownCatalogs.keep(dir, "2026-11-26.1");
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.catalogReload(NOV_24, "2026-11-24.1", v1).catalogVersion(v1);
            final long m = NOV_24 + 9 * 3_600_000L;
            for (int i = 0; i < 40; i++)
            {
                unit(journal, m + i * 1_000L, 1_000 + i, true, i < 30, "pricing", "device", "mobile", "tier", "pro");
                unit(journal, m + i * 1_000L, 2_000 + i, false, i < 20, "pricing", "device", "mobile", "tier", "pro");
            }
            journal.catalogReload(NOV_26, "2026-11-26.1", v2).catalogVersion(v2);
            final long d = NOV_26 + 10 * 3_600_000L;
            for (int i = 0; i < 6; i++)
            {
                unit(journal, d + i * 1_000L, 3_000 + i, true, i < 4, "cart", "device", "desktop", "tier", "free");
            }
            for (int i = 0; i < 4; i++)
            {
                unit(journal, d + i * 1_000L, 3_100 + i, false, i < 1, "cart", "tier", "free", "device", "desktop");
            }
            for (int i = 0; i < 3; i++)
            {
                unit(journal, d + i * 1_000L, 4_000 + i, true, i < 1, "");
            }
            for (int i = 0; i < 2; i++)
            {
                unit(journal, d + i * 1_000L, 4_100 + i, false, true, "#1a2b");
            }
            // Visitor 1000 again, in a new tab on the 26th: not its first window.
            journal.sessionStart(d, 9_001, 1_000, false, "device", "desktop", "tier", "free")
                .outcome(d + 60_000, 9_001, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, 60_000, "t", "decide", "", null, null, "cart");
            // A shadow window never counts.
            journal.sessionStart(d, 9_002, 5_000, false, "device", "tablet")
                .outcome(d + 60_000, 9_002, OutcomeKind.FORWARD, OutcomeGroup.SHADOW, 0, 60_000, "t", "decide", "", null, null, "cart");
            // Opened 23:50 on the 26th, closed forward at 23:55: not complete when observation ends at midnight.
            unit(journal, NOV_26 + DAY_MS - 600_000, 6_000, true, true, "pricing", "device", "mobile");
            // The next day's record at 00:10: observation reaches past the range's end to 00:10, when the 23:50
            // window (complete at 00:31) is still open.
            journal.sessionStart(NOV_26 + DAY_MS + 600_000L, 9_999, false);
        }
    }

    @Test
    void shouldSplitTheHeadlineByDayWithADayWithoutUnits() throws Exception
    {
        final Report report = closed();
        final Breakdown days = breakdown(report, "day");
        assertThat(days.cells()).extracting(Breakdown.Cell::value, this::treated, this::control, Breakdown.Cell::unitsOpen)
            .containsExactly(tuple("2026-11-24", "30/40", "20/40", 0L), tuple("2026-11-25", "0/0", "0/0", 0L),
                tuple("2026-11-26", "5/9", "3/6", 1L));
        final Lift first = days.cells().get(0).lift();
        assertThat(first.kind()).isEqualTo(IntervalKind.NEWCOMBE);
        assertThat(first.enoughData()).isTrue();
        assertThat(first.difference()).isCloseTo(0.25, within(1e-12));
        assertThat(first.interval().low()).isCloseTo(0.0378891, within(1e-6));
        assertThat(first.interval().high()).isCloseTo(0.4332955, within(1e-6));
        assertThat(first.relative()).isCloseTo(0.5, within(1e-12));
        assertThat(days.cells().get(1).lift().enoughData()).as("a day without units").isFalse();
        assertThat(days.cells().get(1).units()).isZero();
        final Lift last = days.cells().get(2).lift();
        assertThat(last.enoughData()).isFalse();
        assertThat(last.shown().rate()).isCloseTo(5 / 9.0, within(1e-12));
        assertThat(last.holdout().rate()).isCloseTo(0.5, within(1e-12));
        assertThat(last.call()).as("exploratory: never called").isEqualTo(LiftCall.NOT_TESTED);
    }

    @Test
    void shouldSplitByDeviceAndByTheContextKeysTheCatalogNamesWithMissingValuesApart() throws Exception
    {
        final Report report = closed();
        assertThat(report.breakdowns()).extracting(Breakdown::name)
            .containsExactly("day", "context:device", "context:tier", "page_kind", "catalog_version");
        assertThat(breakdown(report, "context:device").cells()).extracting(Breakdown.Cell::value, this::treated, this::control,
            Breakdown.Cell::unitsOpen).containsExactly(tuple("desktop", "4/6", "1/4", 0L), tuple("mobile", "30/40", "20/40", 1L),
                tuple("(not set)", "1/3", "2/2", 0L));
        assertThat(breakdown(report, "context:tier").cells()).extracting(Breakdown.Cell::value, this::treated, this::control,
            Breakdown.Cell::unitsOpen).containsExactly(tuple("free", "4/6", "1/4", 0L), tuple("pro", "30/40", "20/40", 0L),
                tuple("(not set)", "1/3", "2/2", 1L));
        final Lift mobile = breakdown(report, "context:device").cells().get(1).lift();
        assertThat(mobile.interval().low()).as("the same units as the 24th: the same interval").isCloseTo(0.0378891, within(1e-6));
    }

    @Test
    void shouldPrintACellsHandComputedRatesInTheHtmlRow() throws Exception
    {
        final Report report = closed();
        final Breakdown.Cell desktop = breakdown(report, "context:device").cells().get(0);
        assertThat(desktop.lift().shown().interval().low()).isCloseTo(0.299992, within(1e-5));
        assertThat(desktop.lift().holdout().interval().high()).isCloseTo(0.699359, within(1e-5));
        assertThat(ReportTesting.render(report, ReportFormat.HTML)).contains("<tr><th scope=\"row\">desktop</th><td>4 / 6</td>"
            + "<td>66.7% [30.0, 90.3]</td><td>1 / 4</td><td>25.0% [4.6, 69.9]</td><td>not enough data</td><td>-</td><td>0</td></tr>",
            "<tr><th scope=\"row\">2026-11-25</th><td>0 / 0</td><td>-</td><td>0 / 0</td><td>-</td><td>no units</td><td>-</td><td>0</td></tr>",
            "<tr><th scope=\"row\">mobile</th><td>30 / 40</td><td>75.0% [59.8, 85.8]</td><td>20 / 40</td><td>50.0% [35.2, 64.8]</td>"
                + "<td>+25.0 pp [+3.8, +43.3]</td><td>+50.0%</td><td>1</td></tr>");
    }

    @Test
    void shouldSplitByPageKindWithAnUnknownKindAndNoneApart() throws Exception
    {
        final Report report = closed();
        assertThat(breakdown(report, "page_kind").cells()).extracting(Breakdown.Cell::value, this::treated, this::control,
            Breakdown.Cell::unitsOpen).containsExactly(tuple("cart", "4/6", "1/4", 0L), tuple("pricing", "30/40", "20/40", 1L),
                tuple("(not set)", "1/3", "0/0", 0L), tuple("(unknown)", "0/0", "2/2", 0L));
    }

    @Test
    void shouldSplitByCatalogVersionNamedByItsReload() throws Exception
    {
        final Report report = closed();
        assertThat(breakdown(report, "catalog_version").cells()).extracting(Breakdown.Cell::value, Breakdown.Cell::label, this::treated,
            this::control, Breakdown.Cell::unitsOpen).containsExactly(
                tuple(String.format("%016x", v1), "2026-11-24.1 (" + String.format("%016x", v1) + ")", "30/40", "20/40", 0L),
                tuple(String.format("%016x", v2), "2026-11-26.1 (" + String.format("%016x", v2) + ")", "5/9", "3/6", 1L));
        assertThat(breakdown(report, "catalog_version").cells().get(0).lift().kind()).isEqualTo(IntervalKind.NEWCOMBE);
    }

    @Test
    void shouldAddUpToTheHeadlineInEveryBreakdown() throws Exception
    {
        final Report report = closed();
        final Headline headline = report.headline();
        assertThat(headline.lift().shown()).isEqualTo(new Proportion(35, 49));
        assertThat(headline.lift().holdout()).isEqualTo(new Proportion(23, 46));
        assertThat(headline.visitorsOpen()).isOne();
        for (final Breakdown breakdown : report.breakdowns())
        {
            assertThat(breakdown.cells().stream().mapToLong(cell -> cell.lift().shown().trials()).sum()).as(breakdown.name()).isEqualTo(49);
            assertThat(breakdown.cells().stream().mapToLong(cell -> cell.lift().shown().successes()).sum()).isEqualTo(35);
            assertThat(breakdown.cells().stream().mapToLong(cell -> cell.lift().holdout().trials()).sum()).isEqualTo(46);
            assertThat(breakdown.cells().stream().mapToLong(cell -> cell.lift().holdout().successes()).sum()).isEqualTo(23);
            assertThat(breakdown.cells().stream().mapToLong(Breakdown.Cell::unitsOpen).sum()).isOne();
        }
    }

    @Test
    void shouldGiveALiveReportsCellsAnytimeIntervals() throws Exception
    {
        // Open at the end: live, whatever the day.
        final Report report = ReportTesting.read(dir, ReportRange.parse("2026-11-24", null));
        assertThat(report.observation().live()).isTrue();
        final Lift first = breakdown(report, "day").cells().get(0).lift();
        assertThat(first.kind()).isEqualTo(IntervalKind.ANYTIME);
        assertThat(first.enoughData()).isTrue();
        assertThat(first.interval().low()).as("wider than the fixed-horizon interval").isLessThan(0.0378891);
        assertThat(first.interval().high()).isGreaterThan(0.4332955);
        assertThat(breakdown(report, "day").cells()).extracting(Breakdown.Cell::value)
            .as("the next day's record is observed: its day is listed, without units")
            .containsExactly("2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27");
    }

    /** The three days, read two days later: a closed range. */
    @Test
    void shouldCountAUnitWhoseFirstWindowClosesPastTheRangesEndInItsCells() throws Exception
    {
        final Path late = dir.resolve("late");
        final long openedMs = NOV_26 + DAY_MS - 30 * 60_000L;
        try (TestJournal journal = TestJournal.open(late))
        {
            // Opened 23:30 on the 26th, closed 00:05 on the 27th (past the range); complete at 00:11, observed until 00:20.
            journal.sessionStart(openedMs, 7_001, 7_001, false, "device", "mobile")
                .outcome(openedMs + 35 * 60_000L, 7_001, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, 35 * 60_000L, "t", "decide", "",
                    null, null, "pricing");
            journal.sessionStart(NOV_26 + DAY_MS + 20 * 60_000L, 7_999, false);
        }
        final Report report = JournalReportReader.read(late.resolve("journal"), ReportRange.parse("2026-11-26", "2026-11-26"),
            NOV_26 + 2 * DAY_MS);

        assertThat(report.headline().lift().shown()).isEqualTo(new Proportion(1, 1));
        assertThat(breakdown(report, "day").cells()).extracting(Breakdown.Cell::value, this::treated, Breakdown.Cell::unitsOpen)
            .as("the range's one day, its unit counted though its window closed the next day")
            .containsExactly(tuple("2026-11-26", "1/1", 0L));
        assertThat(breakdown(report, "context:device").cells()).extracting(Breakdown.Cell::value, this::treated)
            .contains(tuple("mobile", "1/1"));
    }

    private Report closed() throws Exception
    {
        return JournalReportReader.read(dir.resolve("journal"), ReportRange.parse("2026-11-24", "2026-11-26"), NOV_26 + 2 * DAY_MS);
    }

    private static void unit(final TestJournal journal, final long timeMs, final long visitor, final boolean treated, final boolean forward,
        final String stuckKind, final String... context)
    {
        journal.sessionStart(timeMs, visitor, visitor, false, context)
            .outcome(timeMs + 60_000, visitor, forward ? OutcomeKind.FORWARD : OutcomeKind.STALLED,
                treated ? OutcomeGroup.SHOWN : OutcomeGroup.HOLDOUT, treated ? 1 : 0, 60_000, "t", "decide", "", null, null, stuckKind);
    }

    private String treated(final Breakdown.Cell cell)
    {
        return cell.lift().shown().successes() + "/" + cell.lift().shown().trials();
    }

    private String control(final Breakdown.Cell cell)
    {
        return cell.lift().holdout().successes() + "/" + cell.lift().holdout().trials();
    }

    static Breakdown breakdown(final Report report, final String name)
    {
        return report.breakdowns().stream().filter(breakdown -> breakdown.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no breakdown " + name + " in " + report.breakdowns().stream().map(Breakdown::name).toList()));
    }
}
