package dev.pulse.report;

import java.util.PriorityQueue;
import java.util.Random;

import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

/**
 * Writes a long journal (millions of records) through a real journal ({@link TestJournal}), in time
 * order and with memory bounded by the sessions alive, for the report's memory and throughput tests.
 * The population is {@link SimulatedJournal}'s (eight triggers, their baselines, lifts and mix);
 * visitors come back (a visitor is drawn from a fixed population, its arm sticky: one in ten is
 * control), so the distinct visitors stay fixed while the journal grows. A session: its start; a
 * signal, one in ten deferred first; a question for treated visitors (one in a hundred withdrawn
 * unseen, three in ten answered with a response shown, one in ten dismissed); the outcome (forward
 * within the 10-minute window, stalled at its end, or exited at expiry 30 minutes later); and its
 * end, when the sweeper expires it. Sessions arrive at a steady rate; deterministic for a seed.
 */
final class SyntheticTraffic
{
    private static final long WINDOW_MS = 600_000;
    private static final long EXPIRY_MS = 1_800_000;
    private static final long SIGNAL_AFTER_MS = 20_000;
    private static final long GRACE_MS = 3_000;

    private final TestJournal journal;
    private final Random random;
    private final int visitors;
    private final double meanGapMs;
    private final PriorityQueue<Visit> alive = new PriorityQueue<>((a, b) -> Long.compare(a.nextMs, b.nextMs));
    private long written;
    private long sessions;

    private SyntheticTraffic(final TestJournal journal, final long seed, final int visitors, final int sessionsPerMinute)
    {
        this.journal = journal;
        this.random = new Random(seed);
        this.visitors = visitors;
        this.meanGapMs = 60_000.0 / sessionsPerMinute;
    }

    /**
     * Writes sessions arriving from {@code startMs} until at least {@code records} records are written, then lets the
     * sessions alive finish; returns the number of records written.
     */
    static long write(final TestJournal journal, final long seed, final long startMs, final long records, final int visitors,
        final int sessionsPerMinute)
    {
        final SyntheticTraffic traffic = new SyntheticTraffic(journal, seed, visitors, sessionsPerMinute);
        double arrivalMs = startMs;
        while (traffic.written < records || !traffic.alive.isEmpty())
        {
            final boolean arrive = traffic.written < records && (traffic.alive.isEmpty() || (long)arrivalMs <= traffic.alive.peek().nextMs);
            if (arrive)
            {
                traffic.alive.add(traffic.new Visit((long)arrivalMs));
                arrivalMs += -Math.log(1 - traffic.random.nextDouble()) * traffic.meanGapMs;
                continue;
            }
            final Visit visit = traffic.alive.poll();
            if (visit.step())
            {
                traffic.alive.add(visit);
            }
        }
        return traffic.written;
    }

    /** One session, written a step at a time in time order: start, signal (deferred first or not), question, answer, outcome, end. */
    private final class Visit
    {
        private final long sid;
        private final long visitor;
        private final int trigger;
        private final boolean control;
        private int step;
        private long nextMs;
        private long openedMs;
        private long durationMs;
        private OutcomeKind kind;

        Visit(final long startMs)
        {
            this.sid = ++sessions;
            this.visitor = 1 + random.nextInt(visitors);
            // Sticky per visitor: its id decides its arm, as a visitor-level control draws once.
            this.control = visitor % 10 == 0;
            this.trigger = SimulatedJournal.draw(random);
            this.nextMs = startMs;
        }

        /** Writes this step's records and sets the time of the next; false when the session has ended. */
        boolean step()
        {
            final long nowMs = nextMs;
            final String id = SimulatedJournal.trigger(trigger);
            final String question = "q-" + trigger;
            switch (step++)
            {
                case 0 ->
                {
                    record(journal.sessionStart(nowMs, sid, visitor, false));
                    nextMs = nowMs + SIGNAL_AFTER_MS;
                }
                case 1 ->
                {
                    // One stuck moment in ten falls in a page's first seconds: deferred, decided after the grace.
                    if (random.nextInt(10) == 0)
                    {
                        record(journal.signal(nowMs, sid, id, Verdict.DEFERRED, question));
                        nextMs = nowMs + GRACE_MS;
                    }
                }
                case 2 ->
                {
                    record(journal.signal(nowMs, sid, id, control ? Verdict.HOLDOUT : Verdict.SHOWN, question));
                    if (!control)
                    {
                        record(journal.shown(nowMs, sid, 1, id, question, "a"));
                    }
                    openedMs = nowMs;
                    draw();
                    nextMs = nowMs + 10_000;
                }
                case 3 ->
                {
                    answer(nowMs, question);
                    nextMs = openedMs + durationMs;
                }
                case 4 ->
                {
                    record(journal.outcome(nowMs, sid, kind, control ? OutcomeGroup.HOLDOUT : OutcomeGroup.SHOWN, control ? 0 : 1,
                        durationMs, id, question, "a", null, null));
                    // The sweeper expires the session after its last window.
                    nextMs = openedMs + WINDOW_MS + EXPIRY_MS + 1_000;
                }
                default ->
                {
                    record(journal.sessionEnd(nowMs, sid));
                    return false;
                }
            }
            return true;
        }

        private void answer(final long nowMs, final String question)
        {
            if (control)
            {
                return;
            }
            final int draw = random.nextInt(100);
            if (draw == 0)
            {
                record(journal.unseen(nowMs, sid, 1, question));
            }
            else if (draw < 31)
            {
                record(journal.answer(nowMs, sid, 1, question, "yes", "r-yes"));
                written++;
            }
            else if (draw < 41)
            {
                record(journal.dismiss(nowMs, sid, 1, question));
            }
        }

        /** The window's outcome: forward within it with the trigger's rate (and lift when treated), else stalled or exited. */
        private void draw()
        {
            final boolean forward = random.nextDouble() < SimulatedJournal.BASELINE[trigger] + (control ? 0 : SimulatedJournal.LIFT[trigger]);
            kind = forward ? OutcomeKind.FORWARD : random.nextBoolean() ? OutcomeKind.STALLED : OutcomeKind.EXITED;
            durationMs = switch (kind)
            {
                case FORWARD -> 15_000 + (long)(random.nextDouble() * (WINDOW_MS - 15_000));
                case STALLED -> WINDOW_MS;
                default -> WINDOW_MS + EXPIRY_MS;
            };
        }

        private void record(final TestJournal unused)
        {
            written++;
        }
    }
}
