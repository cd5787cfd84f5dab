package dev.pulse.report;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The unit is the visitor and the calls are adjusted for the family, worked out by hand on a small
 * journal (a closed day, every window complete by the noon record):
 *
 * <pre>
 * trigger a: 40 treated visitors, 30 forward on their first window; 40 control visitors, 20 forward.
 *            Visitors 30-39 of the treated (not forward) open a second tab 10 min later and go forward
 *            there: 50 shown windows, 40 forward, but still 30 / 40 units (each visitor's first window).
 * trigger b: 40 treated visitors, 24 forward; 40 control, 20 forward. Control visitor 39 (not forward)
 *            has a second tab held out again, forward: 41 holdout windows, still 20 / 40 units.
 *
 * Mantel-Haenszel, one stratum, continuity-corrected (see HandComputedLiftTest for a):
 *   a: z = 4.5 / sqrt(4.7468354) = 2.0654297, p = 0.0388824
 *   b: forward 44 of 80, expected 40 * 44 / 80 = 22, |24 - 22| - 0.5 = 1.5,
 *      variance 40 * 40 * 44 * 36 / (80^2 * 79) = 5.0126582, z = 1.5 / 2.2388967 = 0.6699729, p = 0.5028751
 * Holm over two triggers: sorted 0.0388824, 0.5028751; a: 2 * 0.0388824 = 0.0777647 (over 0.05: unclear,
 *   though alone it would be called up); b: max(0.0777647, 1 * 0.5028751) = 0.5028751.
 *
 * Headline (every visitor's first window, a and b are distinct visitors): treated 54 / 80, control 40 / 80,
 *   lift 0.675 - 0.5 = 0.175; Mantel-Haenszel: forward 94 of 160, expected 80 * 94 / 160 = 47,
 *   |54 - 47| - 0.5 = 6.5, variance 80 * 80 * 94 * 66 / (160^2 * 159) = 9.7547170, z = 6.5 / 3.1232542 = 2.0811626,
 *   p = 0.0374190.
 * </pre>
 */
class VisitorUnitsTest
{
    private static final long START = NOV_24 + 9 * 3_600_000L;

    @TempDir
    Path dir;

    private Report report;

    @BeforeEach
    void writeJournal() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            for (int i = 0; i < 40; i++)
            {
                final long t = START + i * 1_000L;
                window(journal, t, 1 + i, 1_000 + i, "a", OutcomeGroup.SHOWN, i < 30);
                window(journal, t, 101 + i, 2_000 + i, "a", OutcomeGroup.HOLDOUT, i < 20);
                window(journal, t, 201 + i, 3_000 + i, "b", OutcomeGroup.SHOWN, i < 24);
                window(journal, t, 301 + i, 4_000 + i, "b", OutcomeGroup.HOLDOUT, i < 20);
                if (i >= 30)
                {
                    // The same visitor in another tab (a new session), later: forward, but not its first window.
                    window(journal, t + 600_000, 401 + i, 1_000 + i, "a", OutcomeGroup.SHOWN, true);
                }
            }
            window(journal, START + 300_000, 501, 4_039, "b", OutcomeGroup.HOLDOUT, true);
            journal.sessionStart(NOV_24 + 12 * 3_600_000L, 999, false);
        }
        report = ReportTesting.read(dir, ReportRange.parse("2026-11-24", "2026-11-24"));
    }

    @Test
    void shouldCountEachVisitorsFirstWindowOncePerTrigger()
    {
        final TriggerFigures a = ReportTesting.trigger(report, "a");
        assertThat(a.windows().shown().closed()).as("every window").isEqualTo(50);
        assertThat(a.windows().shown().forward()).isEqualTo(40);
        assertThat(a.lift().shown()).as("one unit per visitor").isEqualTo(new Proportion(30, 40));
        assertThat(a.lift().holdout()).isEqualTo(new Proportion(20, 40));
        final TriggerFigures b = ReportTesting.trigger(report, "b");
        assertThat(b.windows().holdout().closed()).isEqualTo(41);
        assertThat(b.lift().shown()).isEqualTo(new Proportion(24, 40));
        assertThat(b.lift().holdout()).isEqualTo(new Proportion(20, 40));
        // Both triggers ask "q": their answers and variants are kept apart, one entry per (trigger, question).
        assertThat(report.questions()).extracting(QuestionFigures::question, QuestionFigures::triggers)
            .containsExactly(tuple("q", List.of("a")), tuple("q", List.of("b")));
        assertThat(report.questions()).extracting(QuestionFigures::shown).containsExactly(50L, 40L);
    }

    @Test
    void shouldAdjustTheCallsForTheFamilyByHolm()
    {
        final Lift a = ReportTesting.trigger(report, "a").lift();
        final Lift b = ReportTesting.trigger(report, "b").lift();
        assertThat(a.pValue()).isCloseTo(0.0388824, within(1e-6));
        assertThat(b.pValue()).isCloseTo(0.5028751, within(1e-6));
        assertThat(a.adjustedP()).isCloseTo(0.0777647, within(1e-6));
        assertThat(b.adjustedP()).isCloseTo(0.5028751, within(1e-6));
        assertThat(a.call()).as("significant alone, not in a family of two").isEqualTo(LiftCall.UNCLEAR);
        assertThat(a.interval().low()).as("its own interval still excludes 0: the call is what a reader may conclude").isPositive();
        assertThat(b.call()).isEqualTo(LiftCall.UNCLEAR);
        assertThat(ReportTesting.render(report, ReportFormat.HTML)).contains("<td>+50.0%</td><td>unclear (p 0.078)</td></tr>");
    }

    @Test
    void shouldTakeEveryVisitorsFirstWindowForTheHeadline()
    {
        final Headline headline = report.headline();
        assertThat(headline.lift().shown()).isEqualTo(new Proportion(54, 80));
        assertThat(headline.lift().holdout()).isEqualTo(new Proportion(40, 80));
        assertThat(headline.lift().kind()).isEqualTo(IntervalKind.NEWCOMBE);
        assertThat(headline.lift().difference()).isCloseTo(0.175, within(1e-12));
        assertThat(headline.lift().pValue()).isCloseTo(0.0374190, within(1e-6));
        assertThat(headline.visitors()).isEqualTo(160);
        assertThat(headline.visitorsOpen()).isZero();
        assertThat(report.observation().windowsOpen()).isZero();
    }

    /** One complete window of a visitor's session, 60 s long: shown or held out, forward or stalled. */
    private static void window(final TestJournal journal, final long timeMs, final long sid, final long visitor, final String trigger,
        final OutcomeGroup group, final boolean forward)
    {
        final boolean shown = group == OutcomeGroup.SHOWN;
        journal.sessionStart(timeMs, sid, visitor, false).signal(timeMs, sid, trigger, shown ? Verdict.SHOWN : Verdict.HOLDOUT, "q");
        if (shown)
        {
            journal.shown(timeMs, sid, 1, trigger, "q", "v");
        }
        journal.outcome(timeMs + 60_000, sid, forward ? OutcomeKind.FORWARD : OutcomeKind.STALLED, group, shown ? 1 : 0, 60_000, trigger, "q",
            "v", null, null);
    }
}
