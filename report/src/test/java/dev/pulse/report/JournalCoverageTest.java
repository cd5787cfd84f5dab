package dev.pulse.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end through the journal: {@link SimulatedJournal} writes a day with a known truth through a
 * real journal, the real reader ({@link JournalReportReader} into {@link ReportAggregator}) makes the
 * report of the closed day, and its headline interval (stratified: the catalog changes at noon) must
 * cover the true per-visitor lift.
 *
 * <p>Tolerance: 30 experiments (each ~2,400 visitors, ~20,000 records; the in-memory
 * {@link CoverageSimulationTest} has the larger counts). At 95% the expected count is 28.5 with
 * standard deviation sqrt(30 * 0.95 * 0.05) = 1.2; at least 26 is 2 sd below, which a correct method
 * misses with chance under 2% for a given seed, and the seed is fixed, so the test is deterministic.
 */
class JournalCoverageTest
{
    @TempDir
    Path dir;

    @Test
    void shouldCoverTheTrueHeadlineLiftReadBackFromSimulatedJournals() throws Exception
    {
        final Random random = new Random(2026);
        final double truth = SimulatedJournal.headlineTruth();
        final int experiments = 30;
        int covered = 0;
        long stillOpen = 0;
        for (int e = 0; e < experiments; e++)
        {
            final Path data = Files.createDirectory(dir.resolve("e" + e));
            try (TestJournal journal = TestJournal.open(data))
            {
                SimulatedJournal.write(journal, random, NOV_24, 2_400);
            }
            final Report report = ReportTesting.read(data, ReportRange.parse("2026-11-24", "2026-11-24"));
            final Lift lift = report.headline().lift();
            assertThat(lift.kind()).isEqualTo(IntervalKind.STRATIFIED);
            assertThat(lift.enoughData()).isTrue();
            covered += lift.interval().contains(truth) ? 1 : 0;
            stillOpen += report.observation().windowsOpen();
        }
        System.out.println("journal coverage: " + covered + " of " + experiments + "; windows still open " + stillOpen);
        assertThat(covered).isGreaterThanOrEqualTo(26);
        // The day's report reads outcomes up to 41 minutes past midnight; a simulated journal ends with its last close,
        // sometimes before that, and then the windows opened in the day's last minutes are still open: a few, not the
        // ~130 a day (41 minutes of openings) left open when nothing past midnight was read.
        assertThat(stillOpen).as("still open where the journal stops before the look past midnight ends").isPositive()
            .isLessThan(experiments * 20L);
    }
}
