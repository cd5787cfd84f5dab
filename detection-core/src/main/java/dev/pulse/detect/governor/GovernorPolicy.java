package dev.pulse.detect.governor;

import dev.pulse.detect.SessionStateFlyweight;

/**
 * The fatigue policy, in one place (the catalog's {@code policy} section sets it).
 *
 * @param cooldownMs             after any question, no other for this long, counted from its display.
 * @param maxQuestionsPerSession at most this many questions asked (shown or held out) per session.
 * @param pageGraceMs            nothing in the first moments of a page view, unless the trigger allows it.
 * @param silentAfterDismiss     after a dismiss, ask nothing more in the session.
 * @param holdoutPerMillion      the share of triggered sessions held out (shown nothing), per million.
 */
public record GovernorPolicy(
    long cooldownMs,
    int maxQuestionsPerSession,
    long pageGraceMs,
    boolean silentAfterDismiss,
    int holdoutPerMillion)
{
    public static final long DEFAULT_COOLDOWN_MS = 5 * 60_000;
    public static final int DEFAULT_MAX_QUESTIONS_PER_SESSION = 2;
    public static final long DEFAULT_PAGE_GRACE_MS = 5_000;
    public static final int DEFAULT_HOLDOUT_PER_MILLION = 100_000;
    public static final int PER_MILLION = 1_000_000;

    /** The defaults: 5 min cooldown, 2 per session, 5 s page grace, silent after dismiss, 10% holdout. */
    public static final GovernorPolicy DEFAULT = new GovernorPolicy(
        DEFAULT_COOLDOWN_MS, DEFAULT_MAX_QUESTIONS_PER_SESSION, DEFAULT_PAGE_GRACE_MS, true, DEFAULT_HOLDOUT_PER_MILLION);

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
    }

    public GovernorPolicy withHoldoutPerMillion(final int perMillion)
    {
        return new GovernorPolicy(cooldownMs, maxQuestionsPerSession, pageGraceMs, silentAfterDismiss, perMillion);
    }

    public GovernorPolicy withCooldown(final long cooldownMs)
    {
        return new GovernorPolicy(cooldownMs, maxQuestionsPerSession, pageGraceMs, silentAfterDismiss, holdoutPerMillion);
    }
}
