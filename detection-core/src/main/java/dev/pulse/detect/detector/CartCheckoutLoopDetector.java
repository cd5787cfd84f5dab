package dev.pulse.detect.detector;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Cart-checkout round trips: {@code round_trips} (default 2) journeys cart -> checkout -> cart
 * within {@code window} (default 10 min). Pages of other kinds in between do not break a round
 * trip; it completes on the page view that returns to the cart.
 */
public final class CartCheckoutLoopDetector implements Detector
{
    private static final int SEEN_NOTHING = 0;
    private static final int AT_CART = 1;
    private static final int CART_THEN_CHECKOUT = 2;

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
    public boolean detect(final SessionStateFlyweight state, final Event event, final long nowMs, final long spentUntilMs)
    {
        if (event.type() != EventType.PAGE || state.currentPageKind() != cartKind)
        {
            return false;
        }
        final long windowStartMs = nowMs - windowMs;
        int phase = SEEN_NOTHING;
        int trips = 0;
        for (int age = state.pageCount() - 1; age >= 0; age--)
        {
            final long enteredMs = state.pageEnteredMsAt(age);
            if (enteredMs < windowStartMs || enteredMs <= spentUntilMs)
            {
                continue;
            }
            final int kind = state.pageKindAt(age);
            if (kind == cartKind)
            {
                if (phase == CART_THEN_CHECKOUT)
                {
                    trips++;
                }
                phase = AT_CART;
            }
            else if (kind == checkoutKind && phase == AT_CART)
            {
                phase = CART_THEN_CHECKOUT;
            }
        }
        return trips >= roundTrips;
    }
}
