package dev.pulse.detect.governor;

import dev.pulse.detect.SessionStateFlyweight;

/**
 * The fatigue policy, in one place (the catalog's {@code policy} section sets it).
 *
 * @param cooldownMs             after any question, no other for this long, counted from its display.
 * @param maxQuestionsPerSession at most this many questions asked (shown or held out) per session.
 * @param pageGraceMs            nothing in the first moments of a page view, unless the trigger allows it.
 * @param silentAfterDismiss     after a dismiss, ask nothing more in the session.
 * @param holdoutPerMillion      the share held out (shown nothing), per million: of visitors, or of
 *                               (session, trigger) pairs, as {@code holdoutUnit} says.
 * @param holdoutUnit            whom the holdout is drawn for ({@link HoldoutDraw}).
 */
public record GovernorPolicy(
    long cooldownMs,
    int maxQuestionsPerSession,
    long pageGraceMs,
    boolean silentAfterDismiss,
    int holdoutPerMillion,
    HoldoutUnit holdoutUnit)
{
    public static final long DEFAULT_COOLDOWN_MS = 5 * 60_000;
    public static final int DEFAULT_MAX_QUESTIONS_PER_SESSION = 2;
    public static final long DEFAULT_PAGE_GRACE_MS = 5_000;
    public static final int DEFAULT_HOLDOUT_PER_MILLION = 100_000;
    public static final int PER_MILLION = 1_000_000;

    public static final HoldoutUnit DEFAULT_HOLDOUT_UNIT = HoldoutUnit.VISITOR;

    /** The defaults: 5 min cooldown, 2 per session, 5 s page grace, silent after dismiss, 10% of visitors held out. */
    public static final GovernorPolicy DEFAULT = new GovernorPolicy(
        DEFAULT_COOLDOWN_MS, DEFAULT_MAX_QUESTIONS_PER_SESSION, DEFAULT_PAGE_GRACE_MS, true, DEFAULT_HOLDOUT_PER_MILLION,
        DEFAULT_HOLDOUT_UNIT);

    public GovernorPolicy
    {
        if (cooldownMs < 0 || pageGraceMs < 0)
        {
            throw new IllegalArgumentException("cooldown and page grace must not be negative");
        }
        if (maxQuestionsPerSession < 0 || maxQuestionsPerSession > SessionStateFlyweight.ASKED_CAPACITY)
        {
            throw new IllegalArgumentException(
                "maxQuestionsPerSession must be in [0, " + SessionStateFlyweight.ASKED_CAPACITY + "]: " + maxQuestionsPerSession);
        }
        if (holdoutPerMillion < 0 || holdoutPerMillion > PER_MILLION)
        {
            throw new IllegalArgumentException("holdoutPerMillion must be in [0, 1000000]: " + holdoutPerMillion);
        }
        if (holdoutUnit == null)
        {
            throw new IllegalArgumentException("holdoutUnit is visitor or trigger");
        }
    }

    /** A policy held out per visitor, the default unit. */
    public GovernorPolicy(
        final long cooldownMs, final int maxQuestionsPerSession, final long pageGraceMs, final boolean silentAfterDismiss,
        final int holdoutPerMillion)
    {
        this(cooldownMs, maxQuestionsPerSession, pageGraceMs, silentAfterDismiss, holdoutPerMillion, DEFAULT_HOLDOUT_UNIT);
    }

    public GovernorPolicy withHoldoutPerMillion(final int perMillion)
    {
        return new GovernorPolicy(cooldownMs, maxQuestionsPerSession, pageGraceMs, silentAfterDismiss, perMillion, holdoutUnit);
    }

    public GovernorPolicy withHoldoutUnit(final HoldoutUnit unit)
    {
        return new GovernorPolicy(cooldownMs, maxQuestionsPerSession, pageGraceMs, silentAfterDismiss, holdoutPerMillion, unit);
    }

    public GovernorPolicy withCooldown(final long cooldownMs)
    {
        return new GovernorPolicy(cooldownMs, maxQuestionsPerSession, pageGraceMs, silentAfterDismiss, holdoutPerMillion, holdoutUnit);
    }
}
