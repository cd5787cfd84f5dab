package dev.pulse.detect.detector;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionHistoryFlyweight;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Cart-checkout round trips: {@code round_trips} (default 2) journeys cart -> checkout -> cart
 * within {@code window} (default 10 min). Pages of other kinds in between do not break a round
 * trip; it completes on the page view that returns to the cart.
 *
 * <p>It reads the session's page-kind runs rather than its page views: repeated views of one kind
 * change nothing in the cart -> checkout -> cart sequence, and a run counts when any of its views is
 * in the window (its newest is), so a loop is seen however many page views it spans, as long as its
 * kind changes fit {@link SessionStateFlyweight#KIND_RUN_RING_CAPACITY}. The history keeps runs of
 * the cart and checkout kinds only ({@link #pageKindRunKinds}): a page of another kind between two
 * cart views joins them into one run, which the walk reads as it would read the two (a cart after
 * a cart completes nothing), and since run times only fall with age, a run out of the window ends
 * the walk at the same place either way.
 */
public final class CartCheckoutLoopDetector implements Detector
{
    private static final int SEEN_NOTHING = 0;
    /** A cart run, newer than the runs still to read. */
    private static final int SEEN_CART = 1;
    /** A checkout run before that cart run: the next older cart run completes a round trip. */
    private static final int SEEN_CHECKOUT_BEFORE_IT = 2;

    private final int roundTrips;
    private final long windowMs;
    private final int cartKind;
    private final int checkoutKind;

    /**
     * @param cartKind     the catalog's page kind of the cart.
     * @param checkoutKind the catalog's page kind of the checkout.
     */
    public CartCheckoutLoopDetector(final int roundTrips, final long windowMs, final int cartKind, final int checkoutKind)
    {
        this.roundTrips = roundTrips;
        this.windowMs = windowMs;
        this.cartKind = cartKind;
        this.checkoutKind = checkoutKind;
    }

    @Override
    public DetectorKind kind()
    {
        return DetectorKind.CART_CHECKOUT_LOOP;
    }

    @Override
    public long pageKindRunKinds()
    {
        return 1L << cartKind | 1L << checkoutKind;
    }

    @Override
    public boolean detect(final SessionStateFlyweight state, final Event event, final long nowMs, final long spentUntilMs)
    {
        final SessionHistoryFlyweight history = state.history();
        if (event.type() != EventType.PAGE || state.currentPageKind() != cartKind)
        {
            return false;
        }
        // Newest first: a round trip is a checkout run with a cart run after it and one before it,
        // which reads the same backwards, so the walk stops at the first run out of the window or
        // spent, or as soon as enough trips are counted.
        final long windowStartMs = nowMs - windowMs;
        int phase = SEEN_NOTHING;
        int trips = 0;
        for (int age = 0, count = history.kindRunCount(); age < count; age++)
        {
            final long enteredMs = history.pageKindRunLastEnteredMsAt(age);
            if (enteredMs < windowStartMs || enteredMs <= spentUntilMs)
            {
                break;
            }
            final int kind = history.pageKindRunKindAt(age);
            if (kind == cartKind)
            {
                if (phase == SEEN_CHECKOUT_BEFORE_IT && ++trips >= roundTrips)
                {
                    return true;
                }
                phase = SEEN_CART;
            }
            else if (kind == checkoutKind && phase == SEEN_CART)
            {
                phase = SEEN_CHECKOUT_BEFORE_IT;
            }
        }
        return false;
    }
}
