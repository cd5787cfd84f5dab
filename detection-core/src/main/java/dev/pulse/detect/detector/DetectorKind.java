package dev.pulse.detect.detector;

import java.util.List;

import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionStateFlyweight;

import static dev.pulse.detect.detector.Threshold.Unit.COUNT;
import static dev.pulse.detect.detector.Threshold.Unit.MILLIS;
import static dev.pulse.detect.detector.Threshold.Unit.PIXELS;

/**
 * The stuck-moment patterns Pulse knows: their names in the catalog, the event that can complete
 * each one, how often each may fire, and their thresholds with defaults and sane ranges.
 */
public enum DetectorKind
{
    IDLE_ON_KEY_PAGE("idle_on_key_page", EventType.TIMER, FireLimit.ONCE_PER_PAGE_VIEW,
        new Threshold("idle", MILLIS, 180_000, 1_000, 3_600_000)),
    BACK_AND_FORTH("back_and_forth", EventType.PAGE, FireLimit.PER_PATTERN,
        new Threshold("backs", COUNT, 3, 2, SessionStateFlyweight.BACK_RING_CAPACITY),
        new Threshold("window", MILLIS, 90_000, 1_000, 3_600_000)),
    FAILED_SEARCH("failed_search", EventType.SEARCH, FireLimit.PER_PATTERN,
        new Threshold("searches", COUNT, 2, 1, SessionStateFlyweight.FAILED_SEARCH_RING_CAPACITY),
        new Threshold("window", MILLIS, 120_000, 1_000, 3_600_000)),
    CART_CHECKOUT_LOOP("cart_checkout_loop", EventType.PAGE, FireLimit.PER_PATTERN,
        new Threshold("round_trips", COUNT, 2, 1, (SessionStateFlyweight.PAGE_RING_CAPACITY - 1) / 2),
        new Threshold("window", MILLIS, 600_000, 1_000, 3_600_000)),
    EXIT_INTENT("exit_intent", EventType.EXIT_INTENT, FireLimit.ONCE_PER_SESSION,
        new Threshold("min_dwell", MILLIS, 10_000, 0, 3_600_000)),
    RAGE_CLICK("rage_click", EventType.CLICK, FireLimit.PER_PATTERN,
        new Threshold("clicks", COUNT, 3, 2, SessionStateFlyweight.CLICK_RING_CAPACITY),
        new Threshold("interval", MILLIS, 1_000, 50, 5_000),
        new Threshold("radius", PIXELS, 30, 0, 500)),
    REPEATED_FORM_ERRORS("repeated_form_errors", EventType.FORM_ERROR, FireLimit.PER_PATTERN,
        new Threshold("errors", COUNT, 3, 2, SessionStateFlyweight.FORM_ERROR_RING_CAPACITY),
        new Threshold("window", MILLIS, 60_000, 1_000, 3_600_000));

    /** How often one trigger of a detector may signal. */
    public enum FireLimit
    {
        /** Each time the pattern completes with fresh evidence. */
        PER_PATTERN,
        /** At most once per page view. */
        ONCE_PER_PAGE_VIEW,
        /** At most once per session. */
        ONCE_PER_SESSION
    }

    private static final DetectorKind[] VALUES = values();
    private static final DetectorKind[][] COMPLETED_BY = new DetectorKind[EventType.values().length][];

    static
    {
        for (final EventType type : EventType.values())
        {
            COMPLETED_BY[type.ordinal()] = java.util.Arrays.stream(VALUES)
                .filter(kind -> kind.completedBy == type)
                .toArray(DetectorKind[]::new);
        }
    }

    private final String catalogName;
    private final EventType completedBy;
    private final FireLimit fireLimit;
    private final List<Threshold> thresholds;

    DetectorKind(final String catalogName, final EventType completedBy, final FireLimit fireLimit, final Threshold... thresholds)
    {
        this.catalogName = catalogName;
        this.completedBy = completedBy;
        this.fireLimit = fireLimit;
        this.thresholds = List.of(thresholds);
    }

    /** The name a catalog uses for this detector. */
    public String catalogName()
    {
        return catalogName;
    }

    public EventType completedBy()
    {
        return completedBy;
    }

    public FireLimit fireLimit()
    {
        return fireLimit;
    }

    public List<Threshold> thresholds()
    {
        return thresholds;
    }

    /** The threshold of that name, or null. */
    public Threshold threshold(final String name)
    {
        for (final Threshold threshold : thresholds)
        {
            if (threshold.name().equals(name))
            {
                return threshold;
            }
        }
        return null;
    }

    /** The detector kinds an event of this type can complete (a shared array: do not modify). */
    public static DetectorKind[] completedBy(final EventType type)
    {
        return COMPLETED_BY[type.ordinal()];
    }

    /** The kind with this catalog name, or null. */
    public static DetectorKind fromCatalogName(final String name)
    {
        for (final DetectorKind kind : VALUES)
        {
            if (kind.catalogName.equals(name))
            {
                return kind;
            }
        }
        return null;
    }
}
