package dev.pulse.detect.detector;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.NavType;
import dev.pulse.detect.SessionStateFlyweight;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector on the record's kind runs answers what the rule says on every page view of the
 * session, kept in full (the old page-ring scan without its 16-view limit), whenever the runs in the
 * window fit the kind-run ring, however many page views they span.
 */
class CartCheckoutLoopReferenceTest
{
    private static final int CART = 1;
    private static final int CHECKOUT = 2;
    private static final int VIEWS = 400;

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(SessionStateFlyweight.LENGTH));
    private final SessionStateFlyweight state = new SessionStateFlyweight();
    private final Event event = new Event();
    private final int[] kinds = new int[VIEWS];
    private final long[] enteredMs = new long[VIEWS];

    @Test
    void shouldAnswerLikeAScanOfEveryPageViewInTheWindow()
    {
        final SplittableRandom random = new SplittableRandom(15);
        int compared = 0;
        int longerThanThePageRing = 0;
        for (int session = 0; session < 300; session++)
        {
            final int roundTrips = 1 + random.nextInt(3);
            final long windowMs = 20_000 + random.nextInt(200_000);
            final int otherKinds = random.nextInt(3);
            final CartCheckoutLoopDetector detector = new CartCheckoutLoopDetector(roundTrips, windowMs, CART, CHECKOUT);
            state.wrap(buffer, 0).init(1, session, 3, 0);
            long nowMs = 0;
            long spentUntilMs = 0;
            for (int view = 0; view < VIEWS; view++)
            {
                nowMs += 1 + random.nextInt(8_000);
                final int kind = random.nextInt(10) < 7 ? CART + random.nextInt(2) : 3 + random.nextInt(otherKinds + 1);
                kinds[view] = kind;
                enteredMs[view] = nowMs;
                // As the recorder does: runs are kept of the kinds the detector reads, cart and checkout.
                state.pushPage(view, kind, NavType.NAVIGATE, nowMs, (detector.pageKindRunKinds() & 1L << kind) != 0);
                event.reset(EventType.PAGE).page(view, kind, NavType.NAVIGATE);
                final boolean expected = reference(view, roundTrips, nowMs - windowMs, spentUntilMs);
                final boolean detected = detector.detect(state, event, nowMs, spentUntilMs);
                final int viewsInWindow = viewsInWindow(view, nowMs - windowMs, spentUntilMs);
                if (runsOf(view, viewsInWindow) <= SessionStateFlyweight.KIND_RUN_RING_CAPACITY)
                {
                    assertThat(detected).as("session %d view %d", session, view).isEqualTo(expected);
                    compared++;
                    longerThanThePageRing += viewsInWindow > SessionStateFlyweight.PAGE_RING_CAPACITY ? 1 : 0;
                }
                if (detected)
                {
                    spentUntilMs = nowMs;
                }
            }
        }
        assertThat(compared).as("page views compared").isGreaterThan(VIEWS * 300 / 2);
        assertThat(longerThanThePageRing).as("with more views in the window than the page ring holds").isGreaterThan(1_000);
    }

    private int viewsInWindow(final int newest, final long windowStartMs, final long spentUntilMs)
    {
        int views = 0;
        for (int view = newest; view >= 0 && enteredMs[view] >= windowStartMs && enteredMs[view] > spentUntilMs; view--)
        {
            views++;
        }
        return views;
    }

    /** How many runs of one kind the newest {@code views} page views make. */
    private int runsOf(final int newest, final int views)
    {
        int runs = 0;
        for (int view = newest; view > newest - views; view--)
        {
            runs += view == newest || kinds[view] != kinds[view + 1] ? 1 : 0;
        }
        return runs;
    }

    /** The rule over every page view so far, oldest first, as the detector read its page ring before. */
    private boolean reference(final int newest, final int roundTrips, final long windowStartMs, final long spentUntilMs)
    {
        if (kinds[newest] != CART)
        {
            return false;
        }
        boolean atCart = false;
        boolean checkoutAfterCart = false;
        int trips = 0;
        for (int view = 0; view <= newest; view++)
        {
            if (enteredMs[view] < windowStartMs || enteredMs[view] <= spentUntilMs)
            {
                continue;
            }
            if (kinds[view] == CART)
            {
                trips += checkoutAfterCart ? 1 : 0;
                atCart = true;
                checkoutAfterCart = false;
            }
            else if (kinds[view] == CHECKOUT && atCart)
            {
                checkoutAfterCart = true;
            }
        }
        return trips >= roundTrips;
    }
}
