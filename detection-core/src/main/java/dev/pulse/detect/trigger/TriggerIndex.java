package dev.pulse.detect.trigger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.detector.DetectorKind;

/**
 * The triggers of a catalog, indexed so that "which triggers can the event just completed fire,
 * on this kind of page?" is one array read. Each candidate array is in priority order (higher
 * first, then catalog order). Triggers that are {@link TriggerMode#OFF} are left out. Immutable.
 */
public final class TriggerIndex
{
    private static final Trigger[] NONE = new Trigger[0];
    private static final int PAGE_KINDS = SessionStateFlyweight.MAX_PAGE_KINDS;

    private final Trigger[] all;
    private final Trigger[][] byDetectorAndPageKind = new Trigger[DetectorKind.values().length * PAGE_KINDS][];
    private final int maxCandidatesPerEvent;
    private final long pageKindRunKinds;

    public TriggerIndex(final List<Trigger> triggers)
    {
        final List<Trigger> active = new ArrayList<>();
        for (final Trigger trigger : triggers)
        {
            if (trigger.mode() != TriggerMode.OFF)
            {
                active.add(trigger);
            }
        }
        active.sort(Comparator.comparingInt(Trigger::priority).reversed().thenComparingInt(Trigger::index));
        all = active.toArray(NONE);
        long runKinds = 0;
        for (final Trigger trigger : all)
        {
            runKinds |= trigger.detector().pageKindRunKinds();
        }
        pageKindRunKinds = runKinds;

        for (final DetectorKind kind : DetectorKind.values())
        {
            for (int pageKind = 0; pageKind < PAGE_KINDS; pageKind++)
            {
                final List<Trigger> candidates = new ArrayList<>();
                for (final Trigger trigger : all)
                {
                    if (trigger.detectorKind() == kind && trigger.appliesTo(pageKind))
                    {
                        candidates.add(trigger);
                    }
                }
                byDetectorAndPageKind[kind.ordinal() * PAGE_KINDS + pageKind] = candidates.isEmpty() ? NONE : candidates.toArray(NONE);
            }
        }

        int maxCandidates = 0;
        for (final EventType type : EventType.values())
        {
            for (int pageKind = 0; pageKind < PAGE_KINDS; pageKind++)
            {
                int candidates = 0;
                for (final DetectorKind kind : DetectorKind.completedBy(type))
                {
                    candidates += candidates(kind, pageKind).length;
                }
                maxCandidates = Math.max(maxCandidates, candidates);
            }
        }
        maxCandidatesPerEvent = maxCandidates;
    }

    /** The triggers of {@code kind} that apply to {@code pageKind}, highest priority first. Do not modify. */
    public Trigger[] candidates(final DetectorKind kind, final int pageKind)
    {
        return byDetectorAndPageKind[kind.ordinal() * PAGE_KINDS + pageKind];
    }

    /** The trigger with this {@link Trigger#key()}, or null if this catalog has none (a linear scan: not per event). */
    public Trigger byKey(final int key)
    {
        for (final Trigger trigger : all)
        {
            if (trigger.key() == key)
            {
                return trigger;
            }
        }
        return null;
    }

    /** Every trigger that is not off, highest priority first. Do not modify. */
    public Trigger[] all()
    {
        return all;
    }

    /** The most triggers that one event can fire, over every event type and page kind. */
    public int maxCandidatesPerEvent()
    {
        return maxCandidatesPerEvent;
    }

    /** The page kinds whose runs some trigger's detector reads: the only runs the history keeps (bit {@code k} for kind {@code k}). */
    public long pageKindRunKinds()
    {
        return pageKindRunKinds;
    }
}
