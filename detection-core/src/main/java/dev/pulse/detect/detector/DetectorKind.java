package dev.pulse.detect.detector;

import java.util.List;

import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionStateFlyweight;

import static dev.pulse.detect.detector.Threshold.Unit.COUNT;
import static dev.pulse.detect.detector.Threshold.Unit.INTENT;
import static dev.pulse.detect.detector.Threshold.Unit.MILLIS;
import static dev.pulse.detect.detector.Threshold.Unit.PIXELS;

/**
 * The one register of the stuck-moment patterns Pulse knows: for each, its name in the catalog,
 * the event that can complete it, how often it may fire, the pages it can fire on, its thresholds
 * with units, defaults and sane ranges, and how it is built from them. The catalog's reader,
 * validator, compiler and JSON Schema, the benchmarks and the docs read it from here; a new
 * detector is one constant here plus its class.
 */
public enum DetectorKind
{
    IDLE_ON_KEY_PAGE("idle_on_key_page", EventType.TIMER, FireLimit.ONCE_PER_PAGE_VIEW, Pages.KEY_PAGES,
        (values, site) -> new IdleOnKeyPageDetector(values[0], site.keyPageMask()),
        new Threshold("idle", MILLIS, 180_000, 1_000, 3_600_000)),
    BACK_AND_FORTH("back_and_forth", EventType.PAGE, FireLimit.PER_PATTERN, Pages.ANY,
        (values, site) -> new BackAndForthDetector((int)values[0], values[1]),
        new Threshold("backs", COUNT, 3, 2, SessionStateFlyweight.BACK_RING_CAPACITY),
        new Threshold("window", MILLIS, 90_000, 1_000, 3_600_000)),
    FAILED_SEARCH("failed_search", EventType.SEARCH, FireLimit.PER_PATTERN, Pages.ANY,
        (values, site) -> new FailedSearchDetector((int)values[0], values[1], (int)values[2]),
        new Threshold("searches", COUNT, 2, 1, SessionStateFlyweight.FAILED_SEARCH_RING_CAPACITY),
        new Threshold("window", MILLIS, 120_000, 1_000, 3_600_000),
        new Threshold("intent", INTENT, 0, 0, SessionStateFlyweight.MAX_INTENTS)),
    CART_CHECKOUT_LOOP("cart_checkout_loop", EventType.PAGE, FireLimit.PER_PATTERN, Pages.CART_AND_CHECKOUT,
        (values, site) -> new CartCheckoutLoopDetector((int)values[0], values[1], site.cartKind(), site.checkoutKind()),
        // A round trip is four kind changes (cart, checkout, cart, with another kind possible between each step).
        new Threshold("round_trips", COUNT, 2, 1, (SessionStateFlyweight.KIND_RUN_RING_CAPACITY - 1) / 4),
        new Threshold("window", MILLIS, 600_000, 1_000, 3_600_000)),
    EXIT_INTENT("exit_intent", EventType.EXIT_INTENT, FireLimit.ONCE_PER_SESSION, Pages.KEY_PAGES,
        (values, site) -> new ExitIntentDetector(values[0], site.keyPageMask()),
        new Threshold("min_dwell", MILLIS, 10_000, 0, 3_600_000)),
    RAGE_CLICK("rage_click", EventType.CLICK, FireLimit.PER_PATTERN, Pages.ANY,
        (values, site) -> new RageClickDetector((int)values[0], values[1], (int)values[2], site.ignoredClickTargets()),
        new Threshold("clicks", COUNT, 3, 2, SessionStateFlyweight.CLICK_RING_CAPACITY),
        new Threshold("interval", MILLIS, 1_000, 50, 5_000),
        new Threshold("radius", PIXELS, 30, 0, 500)),
    REPEATED_FORM_ERRORS("repeated_form_errors", EventType.FORM_ERROR, FireLimit.PER_PATTERN, Pages.ANY,
        (values, site) -> new RepeatedFormErrorDetector((int)values[0], values[1]),
        new Threshold("errors", COUNT, 3, 2, SessionStateFlyweight.FORM_ERROR_RING_CAPACITY),
        new Threshold("window", MILLIS, 60_000, 1_000, 3_600_000)),
    SEARCH_INTENT("search_intent", EventType.SEARCH, FireLimit.PER_PATTERN, Pages.ANY,
        (values, site) -> new SearchIntentDetector((int)values[0], (int)values[1], values[2]),
        new Threshold("intent", INTENT, 0, 0, SessionStateFlyweight.MAX_INTENTS),
        new Threshold("count", COUNT, 1, 1, SessionStateFlyweight.INTENT_RING_CAPACITY),
        new Threshold("window", MILLIS, 600_000, 1_000, 3_600_000)),
    /** Its event's name and field conditions are the trigger's own: the catalog sets them with {@link BackendEventDetector#matching}. */
    BACKEND_EVENT("backend_event", EventType.BACKEND, FireLimit.PER_PATTERN, Pages.ANY,
        (values, site) -> new BackendEventDetector((int)values[0], values[1]),
        new Threshold("count", COUNT, 1, 1, SessionStateFlyweight.BACKEND_RING_CAPACITY),
        new Threshold("window", MILLIS, 600_000, 1_000, 86_400_000));

    /**
     * Builds a detector from its threshold values, given in the order its thresholds are listed
     * (counts and pixels are narrowed to int; their ranges keep them small).
     */
    @FunctionalInterface
    public interface Factory
    {
        Detector create(long[] values, DetectorSite site);
    }

    /** The pages on which a detector can fire at all, for the catalog validator. */
    public enum Pages
    {
        /** Any page kind. */
        ANY,
        /** Only key pages: a trigger whose pages include none can never match. */
        KEY_PAGES,
        /**
         * Needs page kinds named {@value DetectorSite#CART_PAGE_KIND} and
         * {@value DetectorSite#CHECKOUT_PAGE_KIND}, and completes on the cart page.
         */
        CART_AND_CHECKOUT
    }

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
    private final Pages pages;
    private final Factory factory;
    private final List<Threshold> thresholds;

    DetectorKind(
        final String catalogName,
        final EventType completedBy,
        final FireLimit fireLimit,
        final Pages pages,
        final Factory factory,
        final Threshold... thresholds)
    {
        this.catalogName = catalogName;
        this.completedBy = completedBy;
        this.fireLimit = fireLimit;
        this.pages = pages;
        this.factory = factory;
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

    /** The pages on which this detector can fire at all. */
    public Pages pages()
    {
        return pages;
    }

    /** Its thresholds, in the order {@link #create} takes their values. */
    public List<Threshold> thresholds()
    {
        return thresholds;
    }

    /**
     * A detector of this kind with these threshold values (in the order of {@link #thresholds()}).
     *
     * @throws IllegalArgumentException if the number of values is not the number of thresholds, or a
     *                                  value is outside its threshold's range.
     */
    public Detector create(final long[] values, final DetectorSite site)
    {
        if (values.length != thresholds.size())
        {
            throw new IllegalArgumentException(catalogName + " takes " + thresholds.size() + " threshold values, not " + values.length);
        }
        for (int i = 0; i < values.length; i++)
        {
            final Threshold threshold = thresholds.get(i);
            if (!threshold.accepts(values[i]))
            {
                throw new IllegalArgumentException(catalogName + "." + threshold.name() + " = " + values[i] + " outside [" +
                    threshold.min() + ", " + threshold.max() + "]");
            }
        }
        return factory.create(values.clone(), site);
    }

    /** A detector of this kind at its default thresholds. */
    public Detector createAtDefaults(final DetectorSite site)
    {
        return create(defaults(), site);
    }

    /** The default value of each threshold, in the order of {@link #thresholds()}. */
    public long[] defaults()
    {
        final long[] values = new long[thresholds.size()];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = thresholds.get(i).defaultValue();
        }
        return values;
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
