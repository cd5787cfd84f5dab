package dev.pulse.report;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.ErasedSessions;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erased session is left out of the report as if it had never been journaled: the report of a
 * journal with a session and its SESSION_ERASED record equals, in every format, the report of the
 * same journal without that session's records, wherever the records lie (before the erasure, and
 * after it: a connection still sending while the erasure ran).
 */
class ErasedSessionsReportTest
{
    private static final long ERASED = 9;
    private static final long OTHER = 10;
    private static final long VISITOR = 0x5151_5151L;

    @TempDir
    Path dir;

    @Test
    void shouldReportAnErasedSessionAsIfItsRecordsWereNeverJournaled() throws Exception
    {
        final Report withErased = report(dir.resolve("erased"), true, true);
        final Report without = report(dir.resolve("without"), false, false);
        for (final ReportFormat format : ReportFormat.values())
        {
            assertThat(ReportTesting.render(withErased, format)).as(format.name()).isEqualTo(ReportTesting.render(without, format));
        }
    }

    @Test
    void shouldCountTheSessionWhenItIsNotErased() throws Exception
    {
        // The equality above means something: the extra session does change the report when it is not erased.
        final Report kept = report(dir.resolve("kept"), true, false);
        final Report without = report(dir.resolve("without"), false, false);
        assertThat(ReportTesting.render(kept, ReportFormat.JSON)).isNotEqualTo(ReportTesting.render(without, ReportFormat.JSON));
    }

    @Test
    void shouldCollectEverySidWithAnErasureRecord() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.sessionStart(NOV_24, ERASED, VISITOR, false).erased(NOV_24 + 1, ERASED, VISITOR).sessionStart(NOV_24, OTHER, false);
        }
        final ErasedSessions erased = ErasedSessions.read(dir.resolve("journal"));
        assertThat(erased.size()).isEqualTo(1);
        assertThat(erased.contains(0, ERASED)).isTrue();
        assertThat(erased.contains(0, OTHER)).isFalse();
    }

    /** The sample day, plus (if {@code extra}) a session that is asked, answers and converts; erased if {@code erase}. */
    private static Report report(final Path dataDir, final boolean extra, final boolean erase) throws Exception
    {
        try (TestJournal journal = TestJournal.open(dataDir))
        {
            SampleJournal.write(journal, NOV_24, 400, 11);
            if (extra)
            {
                final long t = NOV_24 + 20 * 3_600_000L;
                journal.sessionStart(t, ERASED, VISITOR, false, "device", "mobile")
                    .signal(t, ERASED, "hesitant-pricing", Verdict.SHOWN, "pricing-clear")
                    .shown(t, ERASED, 1, "hesitant-pricing", "pricing-clear", "a")
                    .answer(t + 1_000, ERASED, 1, "pricing-clear", "no", "thanks");
                if (erase)
                {
                    journal.erased(t + 2_000, ERASED, VISITOR);
                }
                journal.outcome(t + 5_000, ERASED, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, 5_000, "hesitant-pricing",
                    "pricing-clear", "a", "no", "thanks").sessionEnd(t + 30 * 60_000L, ERASED);
            }
        }
        return ReportTesting.read(dataDir, ReportRange.ALL);
    }
}
