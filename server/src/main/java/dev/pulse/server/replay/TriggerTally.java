package dev.pulse.server.replay;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.pulse.detect.governor.Verdict;

/** Per trigger: signals by verdict, and the sessions asked (shown or held out). Cold path. */
final class TriggerTally
{
    /** One trigger's counts. */
    static final class Counts
    {
        final long[] byVerdict = new long[Verdict.values().length];
        final Set<String> sessionsAsked = new HashSet<>();

        long signals()
        {
            long total = 0;
            for (int i = 0; i < byVerdict.length; i++)
            {
                total += i == Verdict.DEFERRED.ordinal() ? 0 : byVerdict[i];
            }
            return total;
        }

        long verdict(final Verdict verdict)
        {
            return byVerdict[verdict.ordinal()];
        }
    }

    private final Map<String, Counts> byTrigger = new LinkedHashMap<>();
    private final StringBuilder decisions = new StringBuilder();

    void record(final String triggerId, final Verdict verdict, final long sidHi, final long sidLo, final long timeMs)
    {
        final Counts counts = byTrigger.computeIfAbsent(triggerId, id -> new Counts());
        counts.byVerdict[verdict.ordinal()]++;
        if (verdict.asked())
        {
            counts.sessionsAsked.add(Long.toHexString(sidHi) + ':' + Long.toHexString(sidLo));
        }
        decisions.append(timeMs).append(' ').append(Long.toHexString(sidHi)).append(Long.toHexString(sidLo)).append(' ')
            .append(triggerId).append(' ').append(verdict.reason()).append('\n');
    }

    Map<String, Counts> byTrigger()
    {
        return byTrigger;
    }

    /** Every decision in order, one line each: time, session, trigger, verdict. */
    String decisions()
    {
        return decisions.toString();
    }
}
