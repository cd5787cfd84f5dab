package dev.pulse.detect.detector;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventRecorder;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.NavType;
import dev.pulse.detect.PageKinds;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Session records, side by side off-heap, each fed (through the real {@link EventRecorder}) a
 * random-length run of the events that drive one detector, mixed with the events that break its
 * pattern; each keeps the last event, the one the detector is then asked about, and its time. So a
 * detector sees many histories at many stages of its pattern, some completing it and most not.
 * Built once, before measuring.
 */
final class DrivingSessions
{
    private static final long T0 = 1_700_000_000_000L;
    private static final long PRICING = Hash64.of("/pricing");
    private static final long FAQ = Hash64.of("/faq");
    private static final long PRODUCT = Hash64.of("/product/1");
    private static final long CART = Hash64.of("/cart");
    private static final long CHECKOUT = Hash64.of("/checkout");
    private static final long BUY = Hash64.of("button#buy");
    private static final long NEXT = Hash64.of("a.next");
    private static final long CHECKOUT_FORM = Hash64.of("checkout");
    private static final long SIGNUP_FORM = Hash64.of("signup");
    static final long PAYMENT_DECLINED = Hash64.of("payment_declined");
    private static final long ORDER_FAILED = Hash64.of("order_failed");
    static final long REASON = Hash64.of("reason");
    static final long CARD_DECLINED = Hash64.of("card_declined");
    private static final long EXPIRED = Hash64.of("expired");
    static final long AMOUNT = Hash64.of("amount");

    /** The kind runs the demo catalog's cart-checkout trigger reads, as its trigger index would ask for them. */
    private static final long PAGE_KIND_RUN_KINDS = 1L << PageKinds.CART | 1L << PageKinds.CHECKOUT;

    private final UnsafeBuffer records;
    private final SessionStateFlyweight state = new SessionStateFlyweight();
    private final EventRecorder recorder = new EventRecorder();
    private final Event[] lastEvents;
    private final long[] nowMs;
    private final SplittableRandom random;
    private long clockMs;

    DrivingSessions(final DetectorKind kind, final int sessions, final long seed)
    {
        records = new UnsafeBuffer(ByteBuffer.allocateDirect(sessions * SessionStateFlyweight.LENGTH));
        lastEvents = new Event[sessions];
        nowMs = new long[sessions];
        random = new SplittableRandom(seed);
        for (int i = 0; i < sessions; i++)
        {
            clockMs = T0;
            state.wrap(records, i * SessionStateFlyweight.LENGTH).init(0x9E37_79B9L * (i + 1), ~i, 42, clockMs);
            lastEvents[i] = new Event();
            final int steps = 1 + random.nextInt(10);
            for (int step = 0; step < steps; step++)
            {
                drive(kind, lastEvents[i]);
            }
            nowMs[i] = clockMs;
            if (kind == DetectorKind.IDLE_ON_KEY_PAGE)
            {
                // Asked by its timer, anywhere from at once to twice the default idle threshold later.
                lastEvents[i].reset(EventType.TIMER);
                nowMs[i] = clockMs + random.nextLong(360_000);
            }
        }
    }

    /** Points {@code into} at session {@code index}'s record. */
    SessionStateFlyweight state(final int index, final SessionStateFlyweight into)
    {
        return into.wrap(records, index * SessionStateFlyweight.LENGTH);
    }

    Event lastEvent(final int index)
    {
        return lastEvents[index];
    }

    long nowMs(final int index)
    {
        return nowMs[index];
    }

    /** One more event of the kind's pattern (or one that breaks it), recorded at a later time. */
    private void drive(final DetectorKind kind, final Event event)
    {
        final int roll = random.nextInt(10);
        switch (kind)
        {
            case BACK_AND_FORTH:
                // Pricing and FAQ, back and forth; now and then somewhere else.
                advance(2_000, 15_000);
                event.reset(EventType.PAGE).page(roll < 8 ? (state.currentPageHash() == PRICING ? FAQ : PRICING) : PRODUCT,
                    PageKinds.PRICING, roll < 6 ? NavType.BACK : NavType.NAVIGATE);
                break;
            case CART_CHECKOUT_LOOP:
                advance(5_000, 60_000);
                if (roll < 8)
                {
                    final boolean toCart = state.currentPageKind() != PageKinds.CART;
                    event.reset(EventType.PAGE).page(toCart ? CART : CHECKOUT, toCart ? PageKinds.CART : PageKinds.CHECKOUT, NavType.NAVIGATE);
                }
                else
                {
                    event.reset(EventType.PAGE).page(PRODUCT, PageKinds.PRODUCT, NavType.NAVIGATE);
                }
                break;
            case FAILED_SEARCH:
                advance(3_000, 40_000);
                event.reset(EventType.SEARCH).resultCount(roll < 7 ? 0 : 1 + roll);
                break;
            case SEARCH_INTENT:
                // Searches of two intents and of none, some finding nothing.
                advance(3_000, 60_000);
                event.reset(EventType.SEARCH).resultCount(roll < 3 ? 0 : roll).searchIntent(roll < 6 ? 1 + (roll & 1) : 0);
                break;
            case RAGE_CLICK:
                advance(80, roll < 8 ? 600 : 3_000);
                event.reset(EventType.CLICK).click(roll < 8 ? BUY : NEXT, 400 + random.nextInt(20), 600 + random.nextInt(20));
                break;
            case REPEATED_FORM_ERRORS:
                advance(2_000, 30_000);
                event.reset(EventType.FORM_ERROR).formError(roll < 8 ? CHECKOUT_FORM : SIGNUP_FORM, Hash64.of("postcode"));
                break;
            case EXIT_INTENT:
                // A page view (a key page or not), then the pointer leaves after some dwell.
                advance(1_000, 5_000);
                event.reset(EventType.PAGE).page(roll < 6 ? CART : PRODUCT, roll < 6 ? PageKinds.CART : PageKinds.PRODUCT, NavType.NAVIGATE);
                recorder.record(state, event, clockMs, PAGE_KIND_RUN_KINDS);
                advance(0, 20_000);
                event.reset(EventType.EXIT_INTENT);
                break;
            case IDLE_ON_KEY_PAGE:
                advance(1_000, 30_000);
                if (roll < 5)
                {
                    event.reset(EventType.PAGE).page(roll < 3 ? PRICING : PRODUCT, roll < 3 ? PageKinds.PRICING : PageKinds.PRODUCT,
                        NavType.NAVIGATE);
                }
                else
                {
                    event.reset(roll < 9 ? EventType.ACTIVE : EventType.VISIBILITY).hidden(roll == 9);
                }
                break;
            case BACKEND_EVENT:
                // Now and then a payment declined (a card declined, of some amount) or another event.
                advance(10_000, 300_000);
                event.reset(EventType.BACKEND).backend(roll < 7 ? PAYMENT_DECLINED : ORDER_FAILED);
                event.backendField(REASON, roll < 5 ? CARD_DECLINED : EXPIRED, Double.NaN, "card_declined");
                event.backendField(AMOUNT, roll, 10.0 * roll, "amount");
                break;
            default:
                throw new IllegalArgumentException("no driving events for " + kind);
        }
        recorder.record(state, event, clockMs, PAGE_KIND_RUN_KINDS);
    }

    private void advance(final long minMs, final long maxMs)
    {
        clockMs += minMs + random.nextLong(maxMs - minMs + 1);
    }
}
