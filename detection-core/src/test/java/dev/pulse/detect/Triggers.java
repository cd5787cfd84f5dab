package dev.pulse.detect;

import dev.pulse.detect.detector.Detector;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerCondition;
import dev.pulse.detect.trigger.TriggerMode;

/** Builds triggers for tests with readable defaults: live, priority 0, no cooldown, respects page grace. */
public final class Triggers
{
    private final String id;
    private final Detector detector;
    private long pageKindMask = PageKinds.ALL;
    private TriggerCondition[] conditions = new TriggerCondition[0];
    private int priority;
    private TriggerMode mode = TriggerMode.LIVE;
    private boolean urgent;
    private long cooldownMs;
    private boolean ignoresPageGrace;
    private String questionId;
    private int index;

    private Triggers(final String id, final Detector detector)
    {
        this.id = id;
        this.detector = detector;
        this.questionId = "q-" + id;
    }

    public static Triggers trigger(final String id, final Detector detector)
    {
        return new Triggers(id, detector);
    }

    public Triggers pages(final int... kinds)
    {
        pageKindMask = PageKinds.mask(kinds);
        return this;
    }

    public Triggers when(final TriggerCondition... conditions)
    {
        this.conditions = conditions;
        return this;
    }

    public Triggers priority(final int priority)
    {
        this.priority = priority;
        return this;
    }

    public Triggers mode(final TriggerMode mode)
    {
        this.mode = mode;
        return this;
    }

    public Triggers urgent()
    {
        this.urgent = true;
        return this;
    }

    public Triggers cooldownMs(final long cooldownMs)
    {
        this.cooldownMs = cooldownMs;
        return this;
    }

    public Triggers early()
    {
        this.ignoresPageGrace = true;
        return this;
    }

    public Triggers question(final String questionId)
    {
        this.questionId = questionId;
        return this;
    }

    public Triggers index(final int index)
    {
        this.index = index;
        return this;
    }

    public Trigger build()
    {
        return new Trigger(id, index, detector, pageKindMask, conditions, priority, mode, urgent, cooldownMs, ignoresPageGrace, questionId);
    }
}
