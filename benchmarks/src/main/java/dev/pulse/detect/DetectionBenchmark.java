package dev.pulse.detect;

import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import dev.pulse.bench.HotPathBenchmark;
import dev.pulse.detect.governor.Governor;
import dev.pulse.detect.governor.GovernorPolicy;
import dev.pulse.detect.trigger.TriggerIndex;

import dev.pulse.detect.process.Decisions;
import dev.pulse.detect.process.EventProcessor;
/**
 * The core's whole per-event path on off-heap state records: a realistic mixed stream over many
 * sessions through history recording, every detector (a catalog's worth of triggers, one per
 * detector plus a shadow one) and the governor. {@link #timerTick} measures the idle-timer path.
 * Goal: at most 100 ns/event and 0 B/event ({@code -prof gc}: gc.alloc.rate.norm).
 */
public class DetectionBenchmark extends HotPathBenchmark
{
    /** 64 records stay in cache (the code's own cost); 4,096 records (6.5 MB) miss it, as a busy server does. */
    @Param({"64", "4096"})
    public int sessions;

    private MixedEventStream stream;
    private TriggerIndex triggers;
    private Governor governor;
    private final EventProcessor processor = new EventProcessor();
    private final Event event = new Event();
    private Decisions decisions;

    @Setup
    public void setUp()
    {
        stream = new MixedEventStream(sessions, 1 << 16, 25, 42);
        triggers = new TriggerIndex(List.of(StandardTriggers.everyDetector()));
        governor = new Governor(GovernorPolicy.DEFAULT);
        decisions = new Decisions(triggers.maxCandidatesPerEvent() + 1);
    }

    /** One event of the mixed stream: record, detect, govern. */
    @Benchmark
    public int onEvent()
    {
        stream.next(event);
        processor.onEvent(stream.state(), event, stream.nowMs(), triggers, governor, decisions);
        return decisions.size();
    }

    /** A timer wheel tick on a session: deferred signals, idle re-check, next deadline. */
    @Benchmark
    public long timerTick()
    {
        stream.next(event);
        processor.onTimer(stream.state(), stream.nowMs(), triggers, governor, decisions);
        return processor.nextDeadlineMs(stream.state(), triggers) + decisions.size();
    }
}
