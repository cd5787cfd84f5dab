package dev.pulse.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thread's parties waiting for the journal's written position: each is told the position after every write until it
 * says nothing waits any more, a forgotten one is not told, and the journal thread's write wakes the owner.
 */
class JournalHoldTest
{
    @TempDir
    Path dir;

    /** Waits until the written position reaches {@code target}, recording each position it is told. */
    private static final class Party implements JournalHold.Waiting
    {
        final long target;
        final List<Long> told = new ArrayList<>();

        Party(final long target)
        {
            this.target = target;
        }

        @Override
        public boolean onJournalWritten(final long writtenPosition)
        {
            told.add(writtenPosition);
            return writtenPosition >= target;
        }
    }

    @Test
    void shouldTellEachPartyTheWrittenPositionUntilItIsDoneAndNeverAForgottenOne() throws Exception
    {
        final ConcurrentLinkedQueue<Runnable> wakeUps = new ConcurrentLinkedQueue<>();
        final AtomicLong written = new AtomicLong(5);
        try (Journal journal = Journal.open(dir, JournalConfiguration.defaults(), new RecordingJournalMetrics()))
        {
            final JournalHold hold = new JournalHold(journal, wakeUps::add, written::get);
            final Party waits = new Party(10);
            final Party forgotten = new Party(0);
            hold.hold(waits, false);
            hold.hold(waits, false);
            hold.hold(forgotten, false);
            hold.forget(forgotten);

            hold.release();
            assertThat(waits.told).as("told once though held twice, and still waiting").containsExactly(5L);
            written.set(10);
            hold.release();
            hold.release();
            assertThat(waits.told).as("done at 10, then no longer told").containsExactly(5L, 10L);
            assertThat(forgotten.told).isEmpty();
        }
    }

    @Test
    void shouldWakeTheOwnerOnceTheJournalHasWrittenTheRecordsAPartyWaitsFor() throws Exception
    {
        final ConcurrentLinkedQueue<Runnable> wakeUps = new ConcurrentLinkedQueue<>();
        try (Journal journal = Journal.open(dir, JournalConfiguration.defaults(), new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            assertThat(proxy.sessionEnd(1, 1, 2, SessionEndReason.EXPIRED)).isTrue();
            final Party party = new Party(proxy.lastPosition());
            final JournalHold hold = new JournalHold(journal, wakeUps::add);
            hold.hold(party, true);

            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (party.told.isEmpty() || party.told.get(party.told.size() - 1) < party.target)
            {
                assertThat(System.nanoTime()).as("the journal thread's wake-up within 30 s").isLessThan(deadline);
                final Runnable wakeUp = wakeUps.poll();
                if (wakeUp == null)
                {
                    TimeUnit.MILLISECONDS.sleep(1);
                }
                else
                {
                    wakeUp.run();
                }
            }
            assertThat(journal.writtenPosition()).isGreaterThanOrEqualTo(party.target);
        }
    }
}
