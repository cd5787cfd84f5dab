package dev.pulse.detect.trigger;

import dev.pulse.detect.detector.Detector;

/**
 * Builds a {@link Trigger} by name rather than by eleven positions, with the defaults a catalog
 * gives a trigger that says nothing more: every page kind, no conditions, live, priority 0, not
 * urgent, no cooldown of its own, respects the page grace, index 0, question {@code q-<id>}.
 *
 * <pre>{@code
 * Trigger trigger = TriggerBuilder.trigger("pricing-faq-loop", DetectorKind.BACK_AND_FORTH.createAtDefaults(site))
 *     .pages(PRICING, FAQ).priority(30).question("hard-to-decide").build();
 * }</pre>
 *
 * <p>A builder makes one trigger at a time; not thread-safe.
 */
public final class TriggerBuilder
{
    private final String id;
    private final Detector detector;
    private long pageKindMask = -1L;
    private TriggerCondition[] conditions = new TriggerCondition[0];
    private int priority;
    private TriggerMode mode = TriggerMode.LIVE;
    private boolean urgent;
    private long cooldownMs;
    private boolean ignoresPageGrace;
    private String questionId;
    private int index;

    private TriggerBuilder(final String id, final Detector detector)
    {
        this.id = id;
        this.detector = detector;
        this.questionId = "q-" + id;
    }

    public static TriggerBuilder trigger(final String id, final Detector detector)
    {
        return new TriggerBuilder(id, detector);
    }

    /** The page kinds (their numbers) the trigger applies to; by default every one. */
    public TriggerBuilder pages(final int... kinds)
    {
        long mask = 0;
        for (final int kind : kinds)
        {
            mask |= 1L << kind;
        }
        pageKindMask = mask;
        return this;
    }

    /** The page kinds the trigger applies to as a mask, bit {@code k} for kind {@code k}. */
    public TriggerBuilder pageKindMask(final long pageKindMask)
    {
        this.pageKindMask = pageKindMask;
        return this;
    }

    public TriggerBuilder when(final TriggerCondition... conditions)
    {
        this.conditions = conditions;
        return this;
    }

    public TriggerBuilder priority(final int priority)
    {
        this.priority = priority;
        return this;
    }

    public TriggerBuilder mode(final TriggerMode mode)
    {
        this.mode = mode;
        return this;
    }

    /** May skip the cross-question cooldown (never the session cap). */
    public TriggerBuilder urgent()
    {
        this.urgent = true;
        return this;
    }

    public TriggerBuilder urgent(final boolean urgent)
    {
        this.urgent = urgent;
        return this;
    }

    public TriggerBuilder cooldownMs(final long cooldownMs)
    {
        this.cooldownMs = cooldownMs;
        return this;
    }

    /** May fire in the first seconds of a page view. */
    public TriggerBuilder early()
    {
        this.ignoresPageGrace = true;
        return this;
    }

    public TriggerBuilder early(final boolean ignoresPageGrace)
    {
        this.ignoresPageGrace = ignoresPageGrace;
        return this;
    }

    public TriggerBuilder question(final String questionId)
    {
        this.questionId = questionId;
        return this;
    }

    /** The trigger's position in its catalog. */
    public TriggerBuilder index(final int index)
    {
        this.index = index;
        return this;
    }

    public Trigger build()
    {
        return new Trigger(id, index, detector, pageKindMask, conditions, priority, mode, urgent, cooldownMs, ignoresPageGrace, questionId);
    }
}
