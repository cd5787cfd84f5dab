package dev.pulse.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * without a final record in the range can be counted once as "deferred". Not thread-safe.
 */
final class SignalTally
{
    static final String DEFERRED = Verdict.DEFERRED.reason();

    private final Map<String, Map<String, Long>> verdictsByTrigger = new TreeMap<>();
    private final Map<String, String> detectorByTrigger = new HashMap<>();
    private final Set<Pending> pending = new HashSet<>();
    private long decidedAfterDeferral;

    void onSignal(final JournalRecordFlyweight record)
    {
        final String trigger = Records.text(record, "trigger");
        final String verdict = Records.text(record, "verdict");
        detectorByTrigger.put(trigger, Records.text(record, "detector"));
        final Pending key = new Pending(record.sidHi(), record.sidLo(), trigger);
        if (verdict.equals(DEFERRED))
        {
            // The governor defers one signal per session at a time: a second deferral record for
            // the same key before its decision is the same moment.
            pending.add(key);
            return;
        }
        if (pending.remove(key))
        {
            decidedAfterDeferral++;
        }
        verdictsByTrigger.computeIfAbsent(trigger, id -> new HashMap<>()).merge(verdict, 1L, Long::sum);
    }

    /** Every trigger that signalled. */
    Set<String> triggers()
    {
        final Set<String> triggers = new HashSet<>(verdictsByTrigger.keySet());
        for (final Pending deferral : pending)
        {
            triggers.add(deferral.trigger());
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
        final long undecided = pending.stream().filter(deferral -> deferral.trigger().equals(trigger)).count();
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
        return pending.size();
    }

    /** A deferral waiting for its decision. */
    private record Pending(long sidHi, long sidLo, String trigger)
    {
    }
}
