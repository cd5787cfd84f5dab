package dev.pulse.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

import static dev.pulse.report.ReportTesting.DAY_MS;
import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What a pass remembers ({@link LiveState}) follows what is alive in the journal, and forgetting changes no figure. */
class ReportStateTest
{
    private static final String T = "pricing-hesitation";
    private static final long HOUR_MS = 3_600_000L;
    private static final BiConsumer<ReportAggregator, JournalRecordFlyweight> NOTHING = (pass, record) -> { };

    @TempDir
    Path dir;

    @Test
    void shouldForgetASearchingSessionAtItsExpiryAndALinkAtItsWindowsOutcome() throws Exception
    {
        final long t = NOV_24 + HOUR_MS;
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.sessionStart(t, 1, false).searchEvent(t, 1, 1, "returns", 0).searchEvent(t + 1, 1, 2, null, 3)
                .searchSignal(t + 1, 1, "lost-return", DetectorKind.FAILED_SEARCH, Verdict.SHOWN, 1, "return-help", "returns")
                .shown(t + 1, 1, 1, "lost-return", "return-help", "a").answer(t + 2, 1, 1, "return-help", "talk", "expert")
                .handoff(t + 2, 1, 1, "return-help", "talk", "expert", false, "webhook");
        }
        assertThat(aggregate(ReportRange.ALL, NOTHING).liveState().searchLinks())
            .as("the session that searched (one bit word for both its intents), its question's intent and its hand-off").isEqualTo(3);
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.outcome(t + 60_000, 1, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 1, 60_000, "lost-return", "return-help", "a", "talk",
                "expert").sessionEnd(t + HOUR_MS, 1);
        }
        final ReportAggregator after = aggregate(ReportRange.ALL, NOTHING);
        assertThat(after.liveState().searchLinks()).isZero();
        final Report report = after.report(ReportTesting.GENERATED_AT);
        assertThat(report.searches().intents().get(0).forward()).isEqualTo(new Proportion(1, 1));
        assertThat(report.handoffs().get(0).lift().shown()).isEqualTo(new Proportion(1, 1));
    }

    @Test
    void shouldFollowOpenQuestionsClosedInAnyOrderAndForgetTheRestWithTheirSession() throws Exception
    {
        final long t = NOV_24 + HOUR_MS;
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.sessionStart(t, 1, false).shown(t, 1, 1, T, "q1", "a").shown(t + 1, 1, 2, T, "q2", "a").shown(t + 2, 1, 3, "other", "q3", "a");
            journal.sessionStart(t, 2, false).shown(t, 2, 1, T, "q1", "a").shown(t + 1, 2, 2, T, "q2", "a");
            // Closed from the middle of the list, its tail, then its head; a second answer to one closed is outside.
            journal.answer(t + 10, 1, 2, "q2", "yes", "r-yes").dismiss(t + 11, 1, 3, "q3").answer(t + 12, 1, 1, "q1", "no", "r-no")
                .answer(t + 13, 1, 2, "q2", "no", "r-no");
            // The older of two open questions withdrawn unseen; the newer stays open until its session ends.
            journal.unseen(t + 14, 2, 1, "q1");
        }
        final ReportAggregator during = aggregate(ReportRange.ALL, NOTHING);
        assertThat(during.liveState()).isEqualTo(new LiveState(2, 1, 2, 0, 1, 0, 5, 0));

        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.sessionEnd(t + 1_800_000, 1).sessionEnd(t + 1_800_000, 2);
        }
        final ReportAggregator after = aggregate(ReportRange.ALL, NOTHING);
        final Report report = after.report(ReportTesting.GENERATED_AT);

        assertThat(after.liveState().sessions()).isZero();
        assertThat(after.liveState().openQuestions()).isZero();
        assertThat(after.liveState().sessionVisitors()).isZero();
        assertThat(ReportTesting.question(report, "q2").choices()).containsExactly(new QuestionFigures.ChoiceCount("yes", 1));
        assertThat(ReportTesting.question(report, "q1").choices()).containsExactly(new QuestionFigures.ChoiceCount("no", 1));
        assertThat(ReportTesting.question(report, "q3").dismissed()).isEqualTo(1);
        assertThat(report.totals().answersOutsideRange()).isEqualTo(1);
        assertThat(report.totals().questionsShown()).isEqualTo(4);
        assertThat(report.totals().questionsUnseen()).isEqualTo(1);
        assertThat(report.exposure()).as("session 1 saw three, session 2 one (the other withdrawn)").isEqualTo(new Exposure(0, 1, 0, 1));
    }

    @Test
    void shouldAgreeWithASimpleModelOverRandomSequencesOfQuestionsAnswersAndEnds() throws Exception
    {
        // The per-session lists against a map per session (the model): 30 seeded sequences of shows, answers, dismisses,
        // withdrawals and ends over a few sessions, in every order. Deterministic.
        for (int seed = 0; seed < 30; seed++)
        {
            final Path data = dir.resolve("s" + seed);
            final SplittableRandom random = new SplittableRandom(seed);
            final Map<Long, Map<Integer, String>> open = new HashMap<>();
            final Map<Long, Integer> shownBySession = new HashMap<>();
            final Map<String, Long> answered = new TreeMap<>();
            final long[] exposure = new long[4];
            long outside = 0;
            long nextSid = 1;
            long timeMs = NOV_24;
            try (TestJournal journal = TestJournal.open(data))
            {
                for (int i = 0; i < 200; i++)
                {
                    timeMs += 1_000;
                    if (open.size() < 3 || random.nextInt(10) == 0)
                    {
                        final long sid = nextSid++;
                        journal.sessionStart(timeMs, sid, false);
                        open.put(sid, new HashMap<>());
                        shownBySession.put(sid, 0);
                        continue;
                    }
                    final long sid = List.copyOf(open.keySet()).get(random.nextInt(open.size()));
                    final int iid = 1 + random.nextInt(5);
                    final Map<Integer, String> questions = open.get(sid);
                    switch (random.nextInt(6))
                    {
                        case 0, 1 ->
                        {
                            final String question = "q" + random.nextInt(3);
                            journal.shown(timeMs, sid, iid, T, question, "a");
                            questions.put(iid, question);
                            shownBySession.merge(sid, 1, Integer::sum);
                        }
                        case 2 ->
                        {
                            journal.answer(timeMs, sid, iid, "q", "yes", "r-yes");
                            final String question = questions.remove(iid);
                            outside += question == null ? 1 : 0;
                            answered.merge(question == null ? "outside" : question, 1L, Long::sum);
                        }
                        case 3 ->
                        {
                            journal.dismiss(timeMs, sid, iid, "q");
                            outside += questions.remove(iid) == null ? 1 : 0;
                        }
                        case 4 ->
                        {
                            journal.unseen(timeMs, sid, iid, "q");
                            if (questions.remove(iid) != null)
                            {
                                shownBySession.merge(sid, -1, Integer::sum);
                            }
                        }
                        default ->
                        {
                            journal.sessionEnd(timeMs, sid);
                            open.remove(sid);
                            exposure[Math.min(3, shownBySession.remove(sid))]++;
                        }
                    }
                }
                // Every session ends: nothing of them may stay behind.
                for (final long sid : List.copyOf(open.keySet()))
                {
                    journal.sessionEnd(timeMs, sid);
                }
            }
            shownBySession.values().forEach(shown -> exposure[Math.min(3, shown)]++);

            final ReportAggregator aggregator = aggregate(data, ReportRange.ALL, NOTHING);
            assertThat(aggregator.liveState().openQuestions()).as("seed %d", seed).isZero();
            assertThat(aggregator.liveState().sessions()).as("seed %d", seed).isZero();
            final Report report = aggregator.report(ReportTesting.GENERATED_AT);
            assertThat(report.totals().answersOutsideRange()).as("seed %d", seed).isEqualTo(outside);
            assertThat(report.exposure()).as("seed %d", seed).isEqualTo(new Exposure(exposure[0], exposure[1], exposure[2], exposure[3]));
            for (final String question : List.of("q0", "q1", "q2"))
            {
                final long yes = report.questions().stream().filter(figures -> figures.question().equals(question))
                    .flatMap(figures -> figures.choices().stream()).mapToLong(QuestionFigures.ChoiceCount::count).sum();
                assertThat(yes).as("seed %d, %s", seed, question).isEqualTo(answered.getOrDefault(question, 0L));
            }
        }
    }

    @Test
    void shouldDropTheWithdrawalOfAWindowOpenedBeforeTheRangeAndExpireOneWithoutAnOutcome() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            // Shown and withdrawn on the 23rd, its window closing on the 24th: not the 24th's, and its mark goes.
            journal.sessionStart(NOV_24 - 60_000, 1, false).shown(NOV_24 - 60_000, 1, 1, T, "q", "a").unseen(NOV_24 - 59_000, 1, 1, "q")
                .outcome(NOV_24 + 540_000, 1, OutcomeKind.STALLED, OutcomeGroup.SHOWN, 1, 600_000, T, "q", "a", null, null);
            // Withdrawn with no outcome ever (its server stopped): forgotten after one to two longest open times.
            journal.sessionStart(NOV_24 + HOUR_MS, 2, false).shown(NOV_24 + HOUR_MS, 2, 1, T, "q", "a").unseen(NOV_24 + HOUR_MS, 2, 1, "q");
        }
        final ReportAggregator day = aggregate(ReportRange.parse("2026-11-24", "2026-11-24"), NOTHING);
        assertThat(day.liveState().withdrawals()).as("only the one still waiting").isEqualTo(1);

        try (TestJournal journal = TestJournal.open(dir))
        {
            // Marks live one to two longest open times: at each horizon the older generation goes.
            final long horizonMs = WindowPolicy.DEFAULTS.maxOpenMs();
            for (int sid = 3; sid <= 4; sid++)
            {
                final long later = NOV_24 + HOUR_MS + (sid - 2) * horizonMs;
                journal.sessionStart(later, sid, false).shown(later, sid, 1, T, "q", "a").unseen(later, sid, 1, "q");
            }
        }
        assertThat(aggregate(ReportRange.parse("2026-11-24", "2026-11-24"), NOTHING).liveState().withdrawals())
            .as("two horizons on, the orphan is gone; the two new ones wait").isEqualTo(2);
    }

    @Test
    void shouldCountADeferralNeverDecidedAsDeferredOnceAndForgetIt() throws Exception
    {
        final long t = NOV_24 + HOUR_MS;
        try (TestJournal journal = TestJournal.open(dir))
        {
            journal.signal(t, 1, T, Verdict.DEFERRED, "q");
            journal.signal(t + SignalTally.DEFERRAL_HORIZON_MS, 2, T, Verdict.HOLDOUT, "q");
            journal.signal(t + 2 * SignalTally.DEFERRAL_HORIZON_MS, 3, T, Verdict.HOLDOUT, "q");
            // A decision long after the grace (no server makes one): the deferral was already counted undecided.
            journal.signal(t + 2 * SignalTally.DEFERRAL_HORIZON_MS + 1, 1, T, Verdict.SHOWN, "q");
        }
        final ReportAggregator aggregator = aggregate(ReportRange.ALL, NOTHING);
        final Report report = aggregator.report(ReportTesting.GENERATED_AT);

        assertThat(aggregator.liveState().deferrals()).isZero();
        assertThat(report.totals().undecidedDeferred()).isEqualTo(1);
        assertThat(report.totals().decidedAfterDeferral()).isZero();
        assertThat(ReportTesting.trigger(report, T).verdicts()).containsExactly(entry("shown", 1L), entry("holdout", 2L),
            entry("deferred", 1L));
    }

    @Test
    void shouldKeepStateBoundedBySessionsAliveOverThreeDaysOfTraffic() throws Exception
    {
        // 30 sessions a minute, each alive for about 41 minutes: some 1,250 at once, 130,000 over three days.
        try (TestJournal journal = TestJournal.open(dir))
        {
            SyntheticTraffic.write(journal, 5, NOV_24, 700_000, 5_000, 30);
        }
        final long[] largest = new long[3];
        final long[] records = new long[1];
        final ReportAggregator aggregator = aggregate(ReportRange.ALL, (pass, record) ->
        {
            if (++records[0] % 1_000 == 0)
            {
                final int day = (int)Math.min(2, (record.timestampMs() - NOV_24) / DAY_MS);
                largest[day] = Math.max(largest[day], pass.liveState().total());
            }
        });
        final Report report = aggregator.report(ReportTesting.GENERATED_AT);
        System.out.println("live state, largest per day: " + Arrays.toString(largest) + " over " + report.totals().sessions()
            + " sessions");

        assertThat(report.totals().sessions()).isGreaterThan(100_000);
        // Per session alive at most: its state, its visitor, an open question, a pending window, an opening (5);
        // the bound is by the ~1,300 alive, whatever the day.
        assertThat(largest[0]).isPositive().isLessThan(5 * 1_500);
        assertThat(largest[2]).isLessThan(5 * 1_500);
        assertThat(aggregator.liveState().sessions()).as("every session ended").isZero();
    }

    /** Feeds every record of the journal to a new aggregator over {@code range}, telling {@code after} after each. */
    private ReportAggregator aggregate(final ReportRange range, final BiConsumer<ReportAggregator, JournalRecordFlyweight> after)
        throws IOException
    {
        return aggregate(dir, range, after);
    }

    private static ReportAggregator aggregate(final Path dataDir, final ReportRange range,
        final BiConsumer<ReportAggregator, JournalRecordFlyweight> after) throws IOException
    {
        final ReportAggregator aggregator = new ReportAggregator(range);
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.open(dataDir.resolve("journal")))
        {
            while (reader.next(record))
            {
                aggregator.onRecord(record);
                after.accept(aggregator, record);
            }
        }
        return aggregator;
    }
}
