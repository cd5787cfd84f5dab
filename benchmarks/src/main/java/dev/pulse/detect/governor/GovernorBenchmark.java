package dev.pulse.detect.governor;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import dev.pulse.bench.HotPathBenchmark;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.NavType;
import dev.pulse.detect.PageKinds;
import dev.pulse.detect.SessionStateDescriptor;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.detector.BackAndForthDetector;
import dev.pulse.detect.detector.CartCheckoutLoopDetector;
import dev.pulse.detect.detector.FailedSearchDetector;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerMode;

import static dev.pulse.detect.trigger.TriggerBuilder.trigger;

/**
 * The governor's decision on one signal, at the default policy (10% holdout), per outcome:
 * {@code shown} (a fresh session past the page grace: shown, or held out by the draw), {@code
 * deferred} (inside the page grace), {@code open_question}, {@code cooldown}, {@code session_cap},
 * {@code shadow}. 1,024 sessions with different ids, decided in turn.
 *
 * <p>A decision writes to the session record (asked list, cooldowns, the open question), so before
 * each one the record's first 376 bytes (clocks, identity, asked list, trigger memory) are copied
 * back from a template, in every scenario alike; {@link #restoreOnly} measures that copy alone,
 * to subtract. Goal: 0 B/op.
 */
public class GovernorBenchmark extends HotPathBenchmark
{
    private static final int SESSIONS = 1_024;
    private static final int RESTORED_BYTES = SessionStateDescriptor.CONTEXT_OFFSET;
    private static final long T0 = 1_700_000_000_000L;
    private static final long ON_PAGE_MS = 30_000;
    /** The pricing page view on which every signal is decided: an hour into the session. */
    private static final long ENTERED_MS = T0 + 120 * ON_PAGE_MS;
    private static final long PRICING = Hash64.of("/pricing");
    private static final long SEARCH = Hash64.of("/search");
    private static final long CART = Hash64.of("/cart");

    @Param({"shown", "deferred", "open_question", "cooldown", "session_cap", "shadow"})
    public String scenario;

    private final Governor governor = new Governor(GovernorPolicy.DEFAULT);
    private final SessionStateFlyweight state = new SessionStateFlyweight();
    private final UnsafeBuffer records = new UnsafeBuffer(ByteBuffer.allocateDirect(SESSIONS * SessionStateFlyweight.LENGTH));
    private final UnsafeBuffer templates = new UnsafeBuffer(ByteBuffer.allocateDirect(SESSIONS * SessionStateFlyweight.LENGTH));
    private final Trigger backAndForth = trigger("pricing-faq-loop", new BackAndForthDetector(3, 90_000)).priority(30).build();
    private final Trigger shadow = trigger("shadow-loop", new BackAndForthDetector(2, 90_000)).mode(TriggerMode.SHADOW).build();
    private final Trigger earlier = trigger("search-dead-ends", new FailedSearchDetector(2, 120_000)).priority(10)
        .question("cant-find").build();
    private final Trigger cartLoop = trigger("cart-checkout-loop", new CartCheckoutLoopDetector(2, 600_000, PageKinds.CART,
        PageKinds.CHECKOUT)).priority(40).question("checkout-doubt").build();
    private Trigger decided;
    private long nowMs;
    private int cursor;

    @Setup
    public void setUp()
    {
        final Governor preparing = new Governor(GovernorPolicy.DEFAULT.withHoldoutPerMillion(0));
        decided = "shadow".equals(scenario) ? shadow : backAndForth;
        nowMs = ENTERED_MS + ("deferred".equals(scenario) ? 1_000 : ON_PAGE_MS);
        for (int i = 0; i < SESSIONS; i++)
        {
            state.wrap(records, i * SessionStateFlyweight.LENGTH).init(0x9E37_79B9_7F4A_7C15L * (i + 1), i, 42, T0);
            prepare(preparing);
            templates.putBytes(i * SessionStateFlyweight.LENGTH, records, i * SessionStateFlyweight.LENGTH, SessionStateFlyweight.LENGTH);
        }
        checkVerdicts();
    }

    /** The session's past, through the governor (no holdout, so every question asked was shown), ending on pricing. */
    private void prepare(final Governor preparing)
    {
        switch (scenario)
        {
            case "open_question":
                state.pushPage(PRICING, PageKinds.PRICING, NavType.NAVIGATE, ENTERED_MS, true);
                preparing.decide(state, earlier, ENTERED_MS + ON_PAGE_MS / 2, false);
                return;
            case "cooldown":
                state.pushPage(SEARCH, PageKinds.SEARCH, NavType.NAVIGATE, ENTERED_MS - 2 * ON_PAGE_MS, true);
                preparing.decide(state, earlier, ENTERED_MS - ON_PAGE_MS, false);
                preparing.onPageView(state);
                break;
            case "session_cap":
                state.pushPage(SEARCH, PageKinds.SEARCH, NavType.NAVIGATE, T0, true);
                preparing.decide(state, earlier, T0 + ON_PAGE_MS, false);
                preparing.onPageView(state);
                state.pushPage(CART, PageKinds.CART, NavType.NAVIGATE, T0 + 20 * ON_PAGE_MS, true);
                preparing.decide(state, cartLoop, T0 + 21 * ON_PAGE_MS, false);
                preparing.onPageView(state);
                break;
            default:
                break;
        }
        state.pushPage(PRICING, PageKinds.PRICING, NavType.NAVIGATE, ENTERED_MS, true);
    }

    /** Guards the scenario: most decisions must come out as named (the draw holds out about 10%). */
    private void checkVerdicts()
    {
        final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (int i = 0; i < SESSIONS; i++)
        {
            verdicts.merge(decideNext(), 1, Integer::sum);
        }
        final Verdict expected = switch (scenario)
        {
            case "shown" -> Verdict.SHOWN;
            case "deferred" -> Verdict.DEFERRED;
            case "open_question" -> Verdict.SUPPRESSED_OPEN_QUESTION;
            case "cooldown" -> Verdict.SUPPRESSED_COOLDOWN;
            case "session_cap" -> Verdict.SUPPRESSED_SESSION_CAP;
            case "shadow" -> Verdict.SHADOW;
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        if (verdicts.getOrDefault(expected, 0) < SESSIONS * 8 / 10)
        {
            throw new IllegalStateException("scenario " + scenario + " decided " + verdicts);
        }
    }

    /** Restore the next session's record, then decide the signal. */
    @Benchmark
    public Verdict decide()
    {
        return decideNext();
    }

    /** The restore alone: subtract it from {@link #decide}. */
    @Benchmark
    public int restoreOnly()
    {
        return restoreNext().questions().openIid();
    }

    private Verdict decideNext()
    {
        return governor.decide(restoreNext(), decided, nowMs, false);
    }

    private SessionStateFlyweight restoreNext()
    {
        final int offset = cursor * SessionStateFlyweight.LENGTH;
        cursor = cursor + 1 == SESSIONS ? 0 : cursor + 1;
        records.putBytes(offset, templates, offset, RESTORED_BYTES);
        return state.wrap(records, offset);
    }
}
