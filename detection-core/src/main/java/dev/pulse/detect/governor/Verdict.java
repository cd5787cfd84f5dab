package dev.pulse.detect.governor;

/**
 * What the governor made of one signal, and why: the value the journal records and the report
 * counts. Exactly one of shown, held out, shadowed, or suppressed by a named rule.
 */
public enum Verdict
{
    /** The question is pushed to the person. */
    SHOWN("shown"),
    /** The session is in the holdout: nothing shown, recorded as "would have asked". */
    HOLDOUT("holdout"),
    /** The trigger runs in shadow mode: recorded, never shown. */
    SHADOW("shadow"),
    /**
     * The page view is too new: the signal waits until the page grace has passed and is then
     * decided again (if the person is still on that page view).
     */
    DEFERRED("deferred"),
    /** A higher-priority trigger acted on the same event. */
    SUPPRESSED_LOWER_PRIORITY("lower_priority"),
    /** The person dismissed a question earlier in the session. */
    SUPPRESSED_AFTER_DISMISS("after_dismiss"),
    /** The session already had its maximum number of questions. */
    SUPPRESSED_SESSION_CAP("session_cap"),
    /** This question was already asked in the session. */
    SUPPRESSED_ALREADY_ASKED("already_asked"),
    /** Another question is open. */
    SUPPRESSED_OPEN_QUESTION("open_question"),
    /** A deferred signal's page view ended before its page grace passed. */
    SUPPRESSED_PAGE_GRACE("page_grace"),
    /** The cooldown after the last question is running. */
    SUPPRESSED_COOLDOWN("cooldown"),
    /** The trigger's own cooldown is running. */
    SUPPRESSED_TRIGGER_COOLDOWN("trigger_cooldown");

    private static final Verdict[] VALUES = values();

    private final String reason;

    Verdict(final String reason)
    {
        this.reason = reason;
    }

    /** A short stable name for journals, metrics and reports. */
    public String reason()
    {
        return reason;
    }

    public boolean suppressed()
    {
        return ordinal() >= SUPPRESSED_LOWER_PRIORITY.ordinal();
    }

    /** Whether the signal counts as asked: shown, or held out in its place. */
    public boolean asked()
    {
        return this == SHOWN || this == HOLDOUT;
    }

    public static Verdict fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
