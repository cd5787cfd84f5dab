package dev.pulse.detect;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * A realistic, repeatable stream of events over many sessions whose records sit side by side in
 * one off-heap buffer, as in the server's session map. The script is generated once up front
 * (so producing an event allocates nothing) and replayed cyclically; the clock moves on with
 * every event, so windows open and close and sessions keep signalling and being governed.
 *
 * <p>Mix: activity 31%, page views 22% (a sixth of them backs), clicks 15% (bursts on one target
 * included), searches 10% (a third find nothing), visibility 6%, form errors 6%, exit intent 3%,
 * goals 3%, backend events 2% (two names, with a text and a numeric field), scrolls back up 2%.
 */
public final class MixedEventStream
{
    private static final String[] PATHS = {"/", "/products", "/product/1", "/product/2", "/pricing", "/faq", "/search", "/cart", "/checkout", "/thanks"};
    private static final int[] KINDS = {1, 4, 4, 4, 2, 3, 7, 5, 6, 8};

    private final int sessions;
    private final UnsafeBuffer records;
    private final SessionStateFlyweight state = new SessionStateFlyweight();
    /** The script, one long per event: type (8 bits) | session (24 bits) | argument (32 bits). */
    private final long[] script;
    private final long[] pathHashes = new long[PATHS.length];
    private final long[] targetHashes = {Hash64.of("#buy"), Hash64.of("#next"), Hash64.of("#ignored"), Hash64.of("a.nav")};
    private final long[] backendNameHashes = {Hash64.of("payment_declined"), Hash64.of("order_failed")};
    private final long[] reasonHashes = {Hash64.of("card_declined"), Hash64.of("insufficient_funds")};
    private final long reasonKeyHash = Hash64.of("reason");
    private final long amountKeyHash = Hash64.of("amount");
    private final long stepMs;
    private int cursor;
    private long nowMs = TestSession.T0;

    /**
     * @param sessions how many session records to spread events over.
     * @param length   how many events the script holds before it repeats.
     * @param stepMs   how far the clock moves per event.
     */
    public MixedEventStream(final int sessions, final int length, final long stepMs, final long seed)
    {
        this.sessions = sessions;
        this.stepMs = stepMs;
        this.records = new UnsafeBuffer(ByteBuffer.allocateDirect(sessions * SessionStateFlyweight.LENGTH));
        this.script = new long[length];
        final PagePath pagePath = new PagePath();
        for (int i = 0; i < PATHS.length; i++)
        {
            pathHashes[i] = pagePath.normalise(PATHS[i]).hash();
        }
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++)
        {
            final int roll = random.nextInt(100);
            final EventType eventType =
                roll < 31 ? EventType.ACTIVE :
                roll < 33 ? EventType.BACKEND :
                roll < 35 ? EventType.SCROLL_BACK :
                roll < 57 ? EventType.PAGE :
                roll < 72 ? EventType.CLICK :
                roll < 82 ? EventType.SEARCH :
                roll < 88 ? EventType.VISIBILITY :
                roll < 94 ? EventType.FORM_ERROR :
                roll < 97 ? EventType.EXIT_INTENT : EventType.GOAL;
            script[i] = ((long)eventType.ordinal() << 56) | ((long)random.nextInt(sessions) << 32) | random.nextInt(1_000);
        }
        for (int i = 0; i < sessions; i++)
        {
            state.wrap(records, i * SessionStateFlyweight.LENGTH).init(0x1234_5678L * (i + 1), ~i, 42, nowMs);
        }
    }

    /** Fills {@code event} with the next event and points {@link #state()} at its session. */
    public Event next(final Event event)
    {
        final long entry = script[cursor];
        cursor = cursor + 1 == script.length ? 0 : cursor + 1;
        nowMs += stepMs;
        state.wrap(records, (int)((entry >>> 32) & 0xFF_FFFF) * SessionStateFlyweight.LENGTH);
        final int a = (int)entry;
        final EventType eventType = EventType.fromOrdinal((int)(entry >>> 56));
        event.reset(eventType);
        switch (eventType)
        {
            case PAGE:
                final int page = a % PATHS.length;
                event.page(pathHashes[page], KINDS[page], a % 6 == 0 ? NavType.BACK : NavType.NAVIGATE);
                break;
            case CLICK:
                event.click(targetHashes[a % targetHashes.length], 100 + a % 7, 200 + a % 5);
                break;
            case SEARCH:
                // Half the searches match one of two intents (issue 19), drawn from the same number.
                event.resultCount(a % 3 == 0 ? 0 : a % 40).searchIntent(a % 4 < 2 ? a % 4 + 1 : 0);
                break;
            case VISIBILITY:
                event.hidden((a & 1) == 0);
                break;
            case FORM_ERROR:
                event.formError(a % 2 == 0 ? 11 : 12, a % 5);
                break;
            case GOAL:
                event.goal(99);
                break;
            case BACKEND:
                event.backend(backendNameHashes[a % 2]);
                event.backendField(reasonKeyHash, reasonHashes[a % 3 == 0 ? 1 : 0], Double.NaN, "card_declined");
                event.backendField(amountKeyHash, a, a % 200, "amount");
                break;
            default:
                break;
        }
        return event;
    }

    /** The session record of the event {@link #next} produced. */
    public SessionStateFlyweight state()
    {
        return state;
    }

    public long nowMs()
    {
        return nowMs;
    }

    public int sessions()
    {
        return sessions;
    }
}
