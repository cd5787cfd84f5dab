package dev.pulse.detect.detector;

import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import dev.pulse.bench.HotPathBenchmark;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.PageKinds;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Each detector on its own, at its default thresholds: {@link Detector#detect} on 1,024 session
 * histories (1.4 MB, beyond L1/L2 for most of them) built from the events that drive it
 * ({@link DrivingSessions}), asked in random order about each history's last event. History
 * recording and the governor are not included: {@code DetectionBenchmark} measures the whole path.
 * Goal: 0 B/op.
 */
public class DetectorBenchmark extends HotPathBenchmark
{
    private static final int SESSIONS = 1_024;
    private static final int SCRIPT = 1 << 14;

    @Param({"IDLE_ON_KEY_PAGE", "BACK_AND_FORTH", "FAILED_SEARCH", "CART_CHECKOUT_LOOP", "EXIT_INTENT", "RAGE_CLICK",
        "REPEATED_FORM_ERRORS", "SEARCH_INTENT", "BACKEND_EVENT"})
    public DetectorKind kind;

    private final SessionStateFlyweight state = new SessionStateFlyweight();
    private DrivingSessions sessions;
    private Detector detector;
    private int[] order;
    private int cursor;

    @Setup
    public void setUp()
    {
        sessions = new DrivingSessions(kind, SESSIONS, 42);
        detector = atDefaults(kind);
        final SplittableRandom random = new SplittableRandom(7);
        order = new int[SCRIPT];
        for (int i = 0; i < SCRIPT; i++)
        {
            order[i] = random.nextInt(SESSIONS);
        }
    }

    /** One history's last event: does it complete the pattern? */
    @Benchmark
    public boolean detect()
    {
        final int i = order[cursor];
        cursor = cursor + 1 == SCRIPT ? 0 : cursor + 1;
        return detector.detect(sessions.state(i, state), sessions.lastEvent(i), sessions.nowMs(i), 0);
    }

    /**
     * The detector as a catalog would configure it with no thresholds given; key pages as in the demo;
     * a backend event's trigger names its event with two field conditions (text and a comparison).
     */
    private static Detector atDefaults(final DetectorKind kind)
    {
        final Detector detector = kind.createAtDefaults(new DetectorSite(PageKinds.KEY_PAGES, PageKinds.CART, PageKinds.CHECKOUT,
            new long[] {Hash64.of("button.qty-step"), Hash64.of("td.calendar-day")}));
        return kind != DetectorKind.BACKEND_EVENT ? detector : ((BackendEventDetector)detector).matching(DrivingSessions.PAYMENT_DECLINED,
            BackendFieldCondition.textEquals(DrivingSessions.REASON, DrivingSessions.CARD_DECLINED),
            BackendFieldCondition.compare(DrivingSessions.AMOUNT, BackendFieldCondition.Operator.GREATER_OR_EQUAL, 20));
    }
}
