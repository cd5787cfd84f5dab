package dev.pulse.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

/**
 * Writes one simulated day through a real journal ({@link TestJournal}) from a population with a known
 * truth: eight triggers with their own baseline forward rate and true lift (some zero), the first two
 * asking the same question; visitors with one to three tabs (sessions sharing the visitor id) whose
 * arm is drawn once and kept; a catalog change at noon from a 20% to a 50% holdout while the baseline
 * drifts up 10 points; and visitors arriving until midnight, so the last windows are still open at
 * the range's end. Each tab opens one window: forward within the 10-minute window, stalled at its end,
 * or exited when the session expires 30 minutes later. Records are written in time order.
 */
final class SimulatedJournal
{
    static final int TRIGGERS = 8;
    static final double[] BASELINE = {0.30, 0.26, 0.34, 0.38, 0.22, 0.20, 0.31, 0.28};
    static final double[] LIFT = {0.08, 0.0, 0.03, 0.10, -0.05, 0.0, 0.0, 0.04};
    static final double[] MIX = {0.20, 0.07, 0.16, 0.09, 0.14, 0.02, 0.06, 0.26};
    static final long[] VERSIONS = {0x1111L, 0x2222L};
    static final double[] HOLDOUT = {0.2, 0.5};
    static final double DRIFT = 0.10;
    private static final long DAY_MS = 86_400_000L;
    private static final long TAB_GAP_MS = 300_000;
    private static final long WINDOW_MS = 600_000;
    private static final long EXPIRY_MS = 1_800_000;

    private SimulatedJournal()
    {
    }

    /** The true per-visitor lift of the headline (each visitor's first window falls on a trigger with the chances MIX). */
    static double headlineTruth()
    {
        double truth = 0;
        for (int t = 0; t < TRIGGERS; t++)
        {
            truth += MIX[t] * LIFT[t];
        }
        return truth;
    }

    static String trigger(final int t)
    {
        return "t" + t;
    }

    /** Writes {@code visitors} visitors arriving over the day starting at {@code dayMs}. */
    static void write(final TestJournal journal, final Random random, final long dayMs, final int visitors)
    {
        final List<Event> events = new ArrayList<>();
        long sid = 1;
        for (int v = 1; v <= visitors; v++)
        {
            final long arrivalMs = dayMs + (long)(random.nextDouble() * DAY_MS);
            final int version = arrivalMs < dayMs + DAY_MS / 2 ? 0 : 1;
            final boolean control = random.nextDouble() < HOLDOUT[version];
            final int tabs = 1 + random.nextInt(3);
            for (int tab = 0; tab < tabs; tab++)
            {
                final long openedMs = arrivalMs + tab * TAB_GAP_MS;
                final int t = draw(random);
                final boolean forward = random.nextDouble() < BASELINE[t] + DRIFT * version + (control ? 0 : LIFT[t]);
                final OutcomeKind kind = forward ? OutcomeKind.FORWARD : random.nextBoolean() ? OutcomeKind.STALLED : OutcomeKind.EXITED;
                final long durationMs = forward ? 5_000 + (long)(random.nextDouble() * (WINDOW_MS - 5_000))
                    : kind == OutcomeKind.STALLED ? WINDOW_MS : WINDOW_MS + EXPIRY_MS;
                events.add(new Event(openedMs, version, sid++, v, t, control, kind, durationMs));
            }
        }
        events.sort(Comparator.comparingLong(Event::openedMs));
        // Openings and closes interleaved in time: each event writes its opening, and its close once time reaches it.
        final List<Event> closing = new ArrayList<>(events);
        closing.sort(Comparator.comparingLong(e -> e.openedMs + e.durationMs));
        int next = 0;
        for (final Event e : events)
        {
            while (next < closing.size() && closing.get(next).openedMs + closing.get(next).durationMs <= e.openedMs)
            {
                close(journal, closing.get(next++));
            }
            open(journal, e);
        }
        while (next < closing.size())
        {
            close(journal, closing.get(next++));
        }
    }

    private static void open(final TestJournal journal, final Event e)
    {
        final String trigger = trigger(e.trigger);
        journal.catalogVersion(VERSIONS[e.version]).sessionStart(e.openedMs, e.sid, e.visitor, false)
            .signal(e.openedMs, e.sid, trigger, e.control ? Verdict.HOLDOUT : Verdict.SHOWN, question(e.trigger));
        if (!e.control)
        {
            journal.shown(e.openedMs, e.sid, 1, trigger, question(e.trigger), "a");
        }
    }

    private static void close(final TestJournal journal, final Event e)
    {
        journal.catalogVersion(VERSIONS[e.version]).outcome(e.openedMs + e.durationMs, e.sid, e.kind,
            e.control ? OutcomeGroup.HOLDOUT : OutcomeGroup.SHOWN, e.control ? 0 : 1, e.durationMs, trigger(e.trigger),
            question(e.trigger), "a", null, null);
    }

    /** The first two triggers ask the same question (the demo's two pricing triggers). */
    private static String question(final int t)
    {
        return t < 2 ? "q-pricing" : "q-" + t;
    }

    static int draw(final Random random)
    {
        double u = random.nextDouble();
        for (int t = 0; t < TRIGGERS; t++)
        {
            u -= MIX[t];
            if (u < 0)
            {
                return t;
            }
        }
        return TRIGGERS - 1;
    }

    private record Event(long openedMs, int version, long sid, long visitor, int trigger, boolean control, OutcomeKind kind,
        long durationMs)
    {
    }
}
