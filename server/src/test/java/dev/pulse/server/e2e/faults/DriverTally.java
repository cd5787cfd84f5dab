package dev.pulse.server.e2e.faults;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The load driver's running counts over all its sessions, for the test's assertions and output. */
final class DriverTally
{
    final LongAdder sent = new LongAdder();
    final LongAdder welcomes = new LongAdder();
    final LongAdder questions = new LongAdder();
    final LongAdder answers = new LongAdder();
    final LongAdder responses = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder closes = new LongAdder();
    final LongAdder connectFailures = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    final LongAdder resumeAttempts = new LongAdder();
    final LongAdder resumed = new LongAdder();
    final LongAdder notResumed = new LongAdder();
    final LongAdder seqMismatches = new LongAdder();
    /** Error codes and close codes (as "close NNNN") with how often each came. */
    final Map<String, LongAdder> kinds = new ConcurrentHashMap<>();

    void kind(final String kind)
    {
        kinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    @Override
    public String toString()
    {
        return "sent=" + sent.sum() + " welcomes=" + welcomes.sum() + " questions=" + questions.sum() + " answers=" + answers.sum()
            + " responses=" + responses.sum() + " errors=" + errors.sum() + " closes=" + closes.sum()
            + " connectFailures=" + connectFailures.sum() + " reconnects=" + reconnects.sum()
            + " resumeAttempts=" + resumeAttempts.sum() + " resumed=" + resumed.sum() + " notResumed=" + notResumed.sum()
            + " seqMismatches=" + seqMismatches.sum() + " errorsAndCloses=" + kinds;
    }
}
