package dev.pulse.report;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;
import dev.pulse.journal.RetentionCompactions;

import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code journal_retention_mode: compact} keeps what the report reads: the report of a sample day
 * (with captured page views) has every figure the same before and after its segments are compacted
 * to the report's records (compared as JSON, which carries them all, unrounded), but for the count
 * of journal records read, which drops by exactly the raw events and responses shown removed; and
 * those were there before, so the equality is not that of an untouched journal. The searches, counted
 * from the raw events, go, and the report says so (from 0 days of captured events); the questions
 * searches asked and the hand-offs stay.
 */
class CompactedJournalReportTest
{
    private static final long SESSIONS = 400;

    @TempDir
    Path dir;

    @Test
    void shouldReportTheSameOverTheCompactedJournal() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            SampleJournal.write(journal, NOV_24, (int)SESSIONS, 11);
            // Under the second catalog version, which the journal carries from 13:00 (as the server would write them).
            for (int i = 0; i < 50; i++)
            {
                journal.pageEvent(NOV_24 + 13 * 3_600_000L + 60_000L * (i + 1), 1_000_000L + i, 1, "/pricing?q=secret");
            }
            // The two kept types the sample lacks: a question withdrawn unseen, and an erased session.
            final long t = NOV_24 + 14 * 3_600_000L;
            journal.sessionStart(t, 7, false).signal(t, 7, "hesitant-pricing", Verdict.SHOWN, "pricing-clear")
                .shown(t, 7, 1, "hesitant-pricing", "pricing-clear", "a").unseen(t + 1, 7, 1, "pricing-clear")
                .sessionStart(t, 8, 0x5151L, false).erased(t + 2, 8, 0x5151L);
            // A captured search and the question its signal asked, answered with a hand-off: the search goes, the rest stays.
            journal.sessionStart(t, 10, false).searchEvent(t + 1, 10, 1, "returns", 0)
                .searchSignal(t + 1, 10, "lost-return", DetectorKind.FAILED_SEARCH, Verdict.SHOWN, 1, "return-help", "returns")
                .shown(t + 1, 10, 1, "lost-return", "return-help", "a").answer(t + 2, 10, 1, "return-help", "talk", "expert")
                .handoff(t + 2, 10, 1, "return-help", "talk", "expert", true, "link")
                .outcome(t + 60_000, 10, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, 60_000, "lost-return", "return-help", "a", "talk",
                    "expert");
        }
        final Report before = ReportTesting.read(dir, ReportRange.ALL);
        final Set<JournalRecordType> typesBefore = types();
        final long[] removed = {0};
        forEachRecord(record ->
        {
            if (record.type() == JournalRecordType.RAW_EVENT || record.type() == JournalRecordType.RESPONSE_SHOWN)
            {
                removed[0]++;
            }
        });

        assertThat(RetentionCompactions.compactEverySegment(dir.resolve("journal"))).isPositive();

        final Set<JournalRecordType> typesAfter = types();
        assertThat(typesBefore).contains(JournalRecordType.RAW_EVENT, JournalRecordType.RESPONSE_SHOWN);
        assertThat(typesAfter).doesNotContain(JournalRecordType.RAW_EVENT, JournalRecordType.RESPONSE_SHOWN)
            .as("the sample holds every type compaction keeps, so dropping one the report reads would change the report")
            .isEqualTo(RetentionCompactions.keptTypes());
        final Report after = ReportTesting.read(dir, ReportRange.ALL);
        assertThat(after.totals().records()).as("the count of records read drops by the records removed")
            .isEqualTo(before.totals().records() - removed[0]);
        assertThat(withoutRecordCount(after)).isEqualTo(withoutRecordCount(before));
        assertThat(after.handoffs()).as("hand-offs are kept").isEqualTo(before.handoffs()).isNotEmpty();

        // Searches are counted from captured events, which compaction drops: the report says from how many days.
        assertThat(before.searches().daysCaptured()).isEqualTo(1);
        assertThat(before.searches().intents()).contains(new Searches.Intent("returns", 1, 1, new Proportion(1, 1), 1, new Proportion(1, 1)));
        assertThat(after.searches().daysCaptured()).isZero();
        assertThat(after.searches().daysSpanned()).isEqualTo(before.searches().daysSpanned());
        assertThat(after.searches().intents()).as("the questions searches asked are kept with their signals")
            .contains(new Searches.Intent("returns", 0, 0, new Proportion(0, 0), 1, new Proportion(1, 1)));
    }

    /**
     * The report as JSON (every figure the formats print) without {@code totals.records}, the one count of raw records,
     * and without {@code searches}, counted from raw events (compared on their own).
     */
    private static JsonNode withoutRecordCount(final Report report)
    {
        final JsonNode json = ReportTesting.json(report);
        ((ObjectNode)json.get("totals")).remove("records");
        ((ObjectNode)json).remove("searches");
        return json;
    }

    private Set<JournalRecordType> types() throws Exception
    {
        final Set<JournalRecordType> types = EnumSet.noneOf(JournalRecordType.class);
        forEachRecord(record -> types.add(record.type()));
        return types;
    }

    private void forEachRecord(final Consumer<JournalRecordFlyweight> action) throws Exception
    {
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(dir.resolve("journal")))
        {
            while (reader.next(record))
            {
                action.accept(record);
            }
        }
    }
}
