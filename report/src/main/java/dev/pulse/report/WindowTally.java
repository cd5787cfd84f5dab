package dev.pulse.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

/**
 * Counts complete outcome windows: per trigger by group and outcome, per (trigger, question) by
 * answer and by copy variant (shown windows only), and the forward durations per group. Which
 * windows are complete is the aggregator's to decide ({@link PendingWindows}); this class reads an
 * OUTCOME record into a {@link ClosedWindow} and counts what it is given.
 *
 * <p>Its memory is bounded by the catalog (counts per trigger, question, answer, variant) and by the
 * questions withdrawn unseen whose outcome is still to come: forward durations go into a histogram
 * ({@link DurationHistogram}), and a withdrawal's mark is dropped at its window's outcome, whether
 * that window is in the range or not, or once the longest a window stays open has passed twice
 * ({@link ExpiringLongMap}). Not thread-safe.
 */
final class WindowTally
{
    private static final int GROUPS = OutcomeGroup.values().length;
    private static final int KINDS = OutcomeKind.values().length;

    private final Map<String, long[]> byTrigger = new HashMap<>();
    private final long[] total = new long[GROUPS * KINDS];
    private final Map<AskedQuestion, Map<Answer, long[]>> byAnswer = new HashMap<>();
    private final Map<AskedQuestion, Map<String, long[]>> byVariant = new HashMap<>();
    private final List<TimeBucket> buckets;
    private final DurationHistogram[] forwardTimes = new DurationHistogram[GROUPS];
    private long unmeasured;
    /** Questions withdrawn unseen, by key(session, iid): their shown window counts for no group. */
    private final ExpiringLongMap unseen = new ExpiringLongMap(0);
    private final ExpiringLongMap.Expired forgotten = (key, value) -> { };

    /** @param buckets the bars of the time-to-forward chart. */
    WindowTally(final List<TimeBucket> buckets)
    {
        this.buckets = List.copyOf(buckets);
        for (int i = 0; i < GROUPS; i++)
        {
            forwardTimes[i] = new DurationHistogram(buckets);
        }
    }

    /**
     * A question_unseen record: always journaled before any outcome of the question's window, which closes at the
     * latest {@code horizonMs} (the longest a window stays open) after it opened.
     */
    void onUnseen(final JournalRecordFlyweight record, final long horizonMs)
    {
        unseen.advance(record.timestampMs(), horizonMs, forgotten);
        unseen.put(unseenKey(record), 1);
    }

    /** An outcome the report does not count (its window opened outside the range): only its withdrawal's mark goes. */
    void forget(final JournalRecordFlyweight record)
    {
        unseen.remove(unseenKey(record));
    }

    /** Marks of withdrawn questions remembered (the state that grows with the last hour or so). */
    int entries()
    {
        return unseen.size();
    }

    /**
     * Reads one OUTCOME record: null if it counts in no rate (a newer writer's outcome or group,
     * unmeasured, or a question withdrawn unseen), else the window, to be {@link #count counted}
     * once it is known to be complete.
     */
    ClosedWindow onOutcome(final JournalRecordFlyweight record, final int stratum, final long visitor)
    {
        final OutcomeKind kind = OutcomeKind.fromOrdinal(record.code());
        final OutcomeGroup group = group(Records.text(record, "group"));
        // The mark goes with the window's outcome, whatever it is: it waits for nothing else.
        final boolean withdrawn = unseen.remove(unseenKey(record)) != 0;
        if (kind == null || group == null)
        {
            return null;
        }
        if (kind == OutcomeKind.UNMEASURED)
        {
            unmeasured++;
            return null;
        }
        if (group == OutcomeGroup.SHOWN && withdrawn)
        {
            // The person never saw the question: the window measures nothing about asking.
            return null;
        }
        return new ClosedWindow(record.timestampMs() - record.value(), record.value(), stratum, visitor, kind, group,
            Records.text(record, "trigger"), Records.text(record, "question"), Records.text(record, "variant"),
            Records.text(record, "choice"), Records.text(record, "response"), ClosedWindow.NONE, ClosedWindow.NONE);
    }

    /** Counts a complete window in every rate. */
    void count(final ClosedWindow window)
    {
        final int slot = window.group().ordinal() * KINDS + window.kind().ordinal();
        total[slot]++;
        byTrigger.computeIfAbsent(window.trigger(), id -> new long[GROUPS * KINDS])[slot]++;
        final boolean forward = window.forward();
        if (forward)
        {
            forwardTimes[window.group().ordinal()].add(window.durationMs());
        }
        if (window.group() == OutcomeGroup.SHOWN)
        {
            final AskedQuestion asked = new AskedQuestion(window.trigger(), window.question());
            final Answer answer = new Answer(window.choice(), window.response());
            count(byAnswer.computeIfAbsent(asked, id -> new HashMap<>()).computeIfAbsent(answer, key -> new long[2]), forward);
            count(byVariant.computeIfAbsent(asked, id -> new HashMap<>()).computeIfAbsent(window.variant(), key -> new long[2]), forward);
        }
    }

    Set<String> triggers()
    {
        return byTrigger.keySet();
    }

    Set<AskedQuestion> questions()
    {
        return byAnswer.keySet();
    }

    GroupWindows windows(final String trigger)
    {
        final long[] counts = byTrigger.get(trigger);
        return counts == null ? GroupWindows.NONE : windows(counts);
    }

    /** Windows that could not be measured (no slot, or their slot given to a live window): in no rate. */
    long unmeasured()
    {
        return unmeasured;
    }

    GroupWindows totalWindows()
    {
        return windows(total);
    }

    /** Forward rate by answer: answered ones most windows first, then "no answer". */
    List<QuestionFigures.AnswerOutcome> answerOutcomes(final AskedQuestion question)
    {
        final List<QuestionFigures.AnswerOutcome> outcomes = new ArrayList<>();
        byAnswer.getOrDefault(question, Map.of()).forEach((answer, counts) ->
            outcomes.add(new QuestionFigures.AnswerOutcome(answer.choice(), answer.response(), new Proportion(counts[0], counts[1]))));
        outcomes.sort(Comparator.comparing((QuestionFigures.AnswerOutcome outcome) -> !outcome.answered())
            .thenComparing(outcome -> -outcome.forward().trials())
            .thenComparing(QuestionFigures.AnswerOutcome::choice)
            .thenComparing(QuestionFigures.AnswerOutcome::response));
        return List.copyOf(outcomes);
    }

    /** Forward rate by copy variant, by variant id. */
    List<QuestionFigures.VariantOutcome> variants(final AskedQuestion question)
    {
        final List<QuestionFigures.VariantOutcome> variants = new ArrayList<>();
        byVariant.getOrDefault(question, Map.of()).forEach((variant, counts) ->
            variants.add(new QuestionFigures.VariantOutcome(variant, new Proportion(counts[0], counts[1]))));
        variants.sort(Comparator.comparing(QuestionFigures.VariantOutcome::variant));
        return List.copyOf(variants);
    }

    ForwardTimes forwardTimes()
    {
        return new ForwardTimes(buckets, forwardTimes[OutcomeGroup.SHOWN.ordinal()].summary(),
            forwardTimes[OutcomeGroup.HOLDOUT.ordinal()].summary(), forwardTimes[OutcomeGroup.SHADOW.ordinal()].summary());
    }

    /** Withdrawals are marked per question: a shown window's iid; holdout and shadow windows (iid 0) have none. */
    private static long unseenKey(final JournalRecordFlyweight record)
    {
        return Records.key(Records.session(record), record.iid());
    }

    private static void count(final long[] forwardAndClosed, final boolean forward)
    {
        forwardAndClosed[0] += forward ? 1 : 0;
        forwardAndClosed[1]++;
    }

    private static GroupWindows windows(final long[] counts)
    {
        return new GroupWindows(group(counts, OutcomeGroup.SHOWN), group(counts, OutcomeGroup.HOLDOUT), group(counts, OutcomeGroup.SHADOW));
    }

    private static WindowCounts group(final long[] counts, final OutcomeGroup group)
    {
        final int base = group.ordinal() * KINDS;
        return new WindowCounts(counts[base + OutcomeKind.FORWARD.ordinal()], counts[base + OutcomeKind.EXITED.ordinal()],
            counts[base + OutcomeKind.STALLED.ordinal()]);
    }

    private static OutcomeGroup group(final String wireName)
    {
        for (final OutcomeGroup group : OutcomeGroup.values())
        {
            if (group.wireName().equals(wireName))
            {
                return group;
            }
        }
        return null;
    }

    /** The answer a shown window closed with ("" and "" when unanswered). */
    private record Answer(String choice, String response)
    {
    }
}
