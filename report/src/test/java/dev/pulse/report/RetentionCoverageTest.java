package dev.pulse.report;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report says which requested days the journal no longer holds (retention deleted them): those
 * before the day of its oldest remaining record, in the JSON and the HTML.
 */
class RetentionCoverageTest
{
    private static final long DAY_MS = 86_400_000L;

    @TempDir
    Path dir;

    /** A journal whose oldest remaining record is on 2026-11-24 at 09:00, and records until the 26th. */
    private void journalFromNov24() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.sessionStart(NOV_24 + 9 * 3_600_000L, 1, false);
            journal.sessionStart(NOV_24 + 2 * DAY_MS, 2, false);
        }
    }

    @Test
    void shouldNameTheRequestedDaysBeforeTheOldestRemainingRecord() throws Exception
    {
        journalFromNov24();

        final Report report = ReportTesting.read(dir, ReportRange.parse("2026-11-20", "2026-11-25"));

        final JsonNode coverage = ReportTesting.json(report).get("coverage");
        assertThat(coverage.get("journal_starts").asText()).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(coverage.get("days_not_covered").get("first").asText()).isEqualTo("2026-11-20");
        assertThat(coverage.get("days_not_covered").get("last").asText()).isEqualTo("2026-11-23");
        assertThat(ReportTesting.render(report, ReportFormat.HTML))
            .contains("Days not covered: 2026-11-20 to 2026-11-23 (UTC)").contains("deleted by journal_retention");
    }

    @Test
    void shouldSayEveryDayIsCoveredWhenTheRangeStartsOnOrAfterTheOldestRecordsDay() throws Exception
    {
        journalFromNov24();

        final Report report = ReportTesting.read(dir, ReportRange.parse("2026-11-24", "2026-11-26"));

        assertThat(ReportTesting.json(report).get("coverage").get("days_not_covered").isNull()).isTrue();
        assertThat(ReportTesting.render(report, ReportFormat.HTML)).doesNotContain("Days not covered");
    }

    @Test
    void shouldNotCoverAWholeRangeThatEndsBeforeTheJournalStarts() throws Exception
    {
        journalFromNov24();

        final Report report = ReportTesting.read(dir, ReportRange.parse("2026-11-01", "2026-11-10"));

        final JsonNode notCovered = ReportTesting.json(report).get("coverage").get("days_not_covered");
        assertThat(notCovered.get("first").asText()).isEqualTo("2026-11-01");
        assertThat(notCovered.get("last").asText()).as("the range's last day, not the day before the journal starts").isEqualTo("2026-11-10");
    }

    @Test
    void shouldClaimNothingForAnOpenStartOrAnEmptyJournal() throws Exception
    {
        journalFromNov24();
        assertThat(ReportTesting.read(dir, ReportRange.ALL).coverage().complete()).isTrue();
        assertThat(Coverage.of(ReportRange.parse("2026-11-01", null), Long.MAX_VALUE).complete()).isTrue();
        assertThat(ReportTesting.json(ReportTesting.read(dir, ReportRange.ALL)).get("coverage").get("journal_starts").asText())
            .isEqualTo("2026-11-24T09:00:00Z");
    }
}
