package dev.pulse.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.JournalRecordFlyweight;

/**
 * Counts SIGNAL records per trigger by final verdict. A signal in a page's first seconds is
 * journaled as "deferred" and, once the grace has passed, again with its final verdict (or as
 * "page_grace" when the page view ended first): one stuck moment, two records. The final record
 * is the one counted; the deferral is only remembered, per session and trigger, so that a deferral
 * without a final record in the range can be counted once as "deferred".
 *
 * <p>A deferral is remembered in a primitive map ({@link ExpiringLongMap}) for at least
 * {@link #DEFERRAL_HORIZON_MS}: a grace is at most a minute, so one still undecided after that never
 * will be (its server stopped in between) and is counted as "deferred" then, not kept to the end.
 * Not thread-safe.
 */
final class SignalTally
{
    static final String DEFERRED = Verdict.DEFERRED.reason();
    /** Far longer than the longest page grace a catalog may set (60 s). */
    static final long DEFERRAL_HORIZON_MS = 3_600_000;
    private static final long MISSING = -1;

    private final Map<String, Map<String, Long>> verdictsByTrigger = new TreeMap<>();
    private final Map<String, String> detectorByTrigger = new HashMap<>();
    private final Map<String, Integer> numberByTrigger = new HashMap<>();
    private final List<String> triggerByNumber = new ArrayList<>();
    private final ExpiringLongMap deferrals = new ExpiringLongMap(MISSING);
    private final ExpiringLongMap.Expired onUndecided = this::onUndecided;
    private long[] undecidedByNumber = new long[8];
    private long decidedAfterDeferral;

    void onSignal(final JournalRecordFlyweight record)
    {
        deferrals.advance(record.timestampMs(), DEFERRAL_HORIZON_MS, onUndecided);
        final String trigger = Records.text(record, "trigger");
        final String verdict = Records.text(record, "verdict");
        detectorByTrigger.put(trigger, Records.text(record, "detector"));
        final int number = number(trigger);
        final long key = Records.key(Records.session(record), number);
        if (verdict.equals(DEFERRED))
        {
            // The governor defers one signal per session at a time: a second deferral record for
            // the same key before its decision is the same moment.
            deferrals.put(key, number);
            return;
        }
        if (deferrals.remove(key) != MISSING)
        {
            decidedAfterDeferral++;
        }
        verdictsByTrigger.computeIfAbsent(trigger, id -> new HashMap<>()).merge(verdict, 1L, Long::sum);
    }

    /** Every trigger that signalled. */
    Set<String> triggers()
    {
        final Set<String> triggers = new HashSet<>(verdictsByTrigger.keySet());
        final long[] undecided = undecided();
        for (int i = 0; i < triggerByNumber.size(); i++)
        {
            if (undecided[i] > 0)
            {
                triggers.add(triggerByNumber.get(i));
            }
        }
        return triggers;
    }

    /** The trigger's signals by final verdict in the governor's order, then unknown names, then "deferred" (undecided). */
    Map<String, Long> verdicts(final String trigger)
    {
        final Map<String, Long> counts = verdictsByTrigger.getOrDefault(trigger, Map.of());
        final Map<String, Long> ordered = new LinkedHashMap<>();
        for (final Verdict verdict : Verdict.values())
        {
            final Long count = counts.get(verdict.reason());
            if (count != null && verdict != Verdict.DEFERRED)
            {
                ordered.put(verdict.reason(), count);
            }
        }
        new TreeMap<>(counts).forEach(ordered::putIfAbsent);
        final Integer number = numberByTrigger.get(trigger);
        final long undecided = number == null ? 0 : undecided()[number];
        if (undecided > 0)
        {
            ordered.put(DEFERRED, undecided);
        }
        return ordered;
    }

    String detector(final String trigger)
    {
        return detectorByTrigger.getOrDefault(trigger, "");
    }

    long decidedAfterDeferral()
    {
        return decidedAfterDeferral;
    }

    long undecidedDeferred()
    {
        long total = 0;
        for (final long count : undecided())
        {
            total += count;
        }
        return total;
    }

    /** Deferrals remembered (the state that grows with the signals of the last hour or two). */
    int entries()
    {
        return deferrals.size();
    }

    /** Per trigger number: deferrals that expired undecided, and those still waiting. */
    private long[] undecided()
    {
        final long[] undecided = Arrays.copyOf(undecidedByNumber, triggerByNumber.size());
        deferrals.forEach((key, number) -> undecided[(int)number]++);
        return undecided;
    }

    private void onUndecided(final long key, final long number)
    {
        undecidedByNumber[(int)number]++;
    }

    private int number(final String trigger)
    {
        return numberByTrigger.computeIfAbsent(trigger, id ->
        {
            triggerByNumber.add(id);
            if (undecidedByNumber.length < triggerByNumber.size())
            {
                undecidedByNumber = Arrays.copyOf(undecidedByNumber, undecidedByNumber.length * 2);
            }
            return triggerByNumber.size() - 1;
        });
    }
}
