package dev.pulse.server.replay;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.detect.trigger.Trigger;

/** The comparison a team reads before going live: per trigger, what the live catalog did and what the candidate would do. */
final class ReplayReport
{
    private final TriggerTally live;
    private final TriggerTally replayed;
    private final long rawEvents;
    private final CompiledCatalog candidate;

    ReplayReport(final TriggerTally live, final TriggerTally replayed, final long rawEvents, final CompiledCatalog candidate)
    {
        this.live = live;
        this.replayed = replayed;
        this.rawEvents = rawEvents;
        this.candidate = candidate;
    }

    String text()
    {
        final StringBuilder out = new StringBuilder();
        out.append("Replayed ").append(rawEvents).append(" captured events through ").append(candidate.sourceName())
            .append(" (version ").append(candidate.version()).append(", hash ").append(candidate.versionHashHex()).append(").\n");
        if (rawEvents == 0)
        {
            out.append("The journal has no captured events: turn on capture_events in the site section of the catalog first.\n");
        }
        out.append(String.format("%-28s %21s   %21s%n", "", "sessions asked", "signals (shown/holdout/shadow)"));
        out.append(String.format("%-28s %10s %10s   %10s %10s%n", "trigger", "live", "candidate", "live", "candidate"));
        final Set<String> triggers = new LinkedHashSet<>();
        for (final Trigger trigger : candidate.triggers().all())
        {
            triggers.add(trigger.id());
        }
        triggers.addAll(live.byTrigger().keySet());
        triggers.addAll(replayed.byTrigger().keySet());
        for (final String trigger : triggers)
        {
            final TriggerTally.Counts was = live.byTrigger().getOrDefault(trigger, new TriggerTally.Counts());
            final TriggerTally.Counts would = replayed.byTrigger().getOrDefault(trigger, new TriggerTally.Counts());
            out.append(String.format("%-28s %10d %10d   %10s %10s%n", trigger, was.sessionsAsked.size(), would.sessionsAsked.size(),
                split(was), split(would)));
        }
        return out.toString();
    }

    private static String split(final TriggerTally.Counts counts)
    {
        return counts.verdict(Verdict.SHOWN) + "/" + counts.verdict(Verdict.HOLDOUT) + "/" + counts.verdict(Verdict.SHADOW);
    }
}
