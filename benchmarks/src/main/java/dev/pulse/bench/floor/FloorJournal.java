package dev.pulse.bench.floor;

import java.io.IOException;
import java.nio.file.Path;

import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalHold;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.SessionEndReason;
import dev.pulse.journal.SessionStartKind;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * The floor with Pulse's journal ({@code FloorServer --journal DIR}, with {@code --sessions}): Pulse's
 * own {@link Journal} (its ring, its writer thread, its segments, Pulse's default settings), the
 * records a Pulse session of the load generator's journeys makes (a session start at the hello, a
 * signal and a question shown with the question, an answer and a response shown with the answer, a
 * session end at expiry), and Pulse's promise that an ack means recorded: a connection whose
 * messages made records acks only once the journal has written them, released from the journal
 * thread's wake-up of its loop by Pulse's own {@link JournalHold}, one per loop.
 *
 * <p>Thread-safe: each event loop gets its own proxy and hold; the sweeper its own proxy.
 */
final class FloorJournal implements AutoCloseable
{
    private static final String SITE = "loadtest";
    private static final String TRIGGER = "back_and_forth";
    private static final String QUESTION = "back_and_forth";

    private final Journal journal;
    private final FastThreadLocal<LoopJournal> loops = new FastThreadLocal<>();
    /** The written position acks are let out by, held still ({@link #holdWritten}), or -1: the journal's own. */
    private volatile long heldWritten = -1;

    private FloorJournal(final Journal journal)
    {
        this.journal = journal;
    }

    /** A journal in {@code dir} with Pulse's default settings, built as Pulse builds its own from them. */
    static FloorJournal open(final Path dir) throws IOException
    {
        return new FloorJournal(Journal.open(dir, ServerConfig.defaults().journalConfiguration(), new Metrics()));
    }

    /** The calling event loop's part (made on its first use). */
    LoopJournal loop(final EventLoop eventLoop)
    {
        LoopJournal loop = loops.get();
        if (loop == null)
        {
            loop = new LoopJournal(eventLoop);
            loops.set(loop);
        }
        return loop;
    }

    /** A proxy for a thread of its own (the sweeper's session ends). */
    JournalProxy newProxy()
    {
        return journal.newProxy();
    }

    static boolean sessionEnd(final JournalProxy proxy, final long sidHi, final long sidLo)
    {
        return proxy.sessionEnd(System.currentTimeMillis(), sidHi, sidLo, SessionEndReason.EXPIRED);
    }

    /** How far the journal has written: what an ack waits for. */
    long writtenPosition()
    {
        final long held = heldWritten;
        return held >= 0 ? held : journal.writtenPosition();
    }

    /**
     * Lets acks out as if the journal wrote nothing more from now on, until {@link #releaseWritten}: so a test sees
     * an ack wait for its records, which the journal thread otherwise writes within a millisecond or two.
     */
    void holdWritten()
    {
        heldWritten = journal.writtenPosition();
    }

    void releaseWritten()
    {
        heldWritten = -1;
    }

    @Override
    public void close()
    {
        journal.close();
    }

    /** One event loop's proxy, and its connections waiting for the journal to write their records (Pulse's {@link JournalHold}). */
    final class LoopJournal
    {
        private final JournalProxy proxy = journal.newProxy();
        private final JournalHold hold;

        private LoopJournal(final EventLoop eventLoop)
        {
            this.hold = new JournalHold(journal, eventLoop, FloorJournal.this::writtenPosition);
        }

        /** The hello's record; the position to wait for, or 0 if the journal refused it (its ring full). */
        long sessionStart(final long sidHi, final long sidLo)
        {
            return proxy.sessionStart(System.currentTimeMillis(), sidHi, sidLo, 0, SessionStartKind.NEW, 0, SITE, null, 0)
                ? proxy.lastPosition() : 0;
        }

        /** The question's records, one message as Pulse's: the signal and the question shown. */
        long questionShown(final long sidHi, final long sidLo, final long seq)
        {
            final long nowMs = System.currentTimeMillis();
            proxy.beginMessage(seq);
            proxy.record(JournalRecordType.SIGNAL).timeMs(nowMs).sid(sidHi, sidLo).iid(1).string(TRIGGER).string("back_and_forth")
                .string("show").string(QUESTION).commit();
            proxy.record(JournalRecordType.QUESTION_SHOWN).timeMs(nowMs).sid(sidHi, sidLo).iid(1).string(TRIGGER).string(QUESTION)
                .string("").string("").string("").commit();
            return proxy.endMessage() ? proxy.lastPosition() : 0;
        }

        /** The answer's records, one message: the answer and the response shown. */
        long answered(final long sidHi, final long sidLo, final long seq, final CharSequence choice)
        {
            final long nowMs = System.currentTimeMillis();
            proxy.beginMessage(seq);
            proxy.record(JournalRecordType.ANSWER).timeMs(nowMs).sid(sidHi, sidLo).iid(1).string(QUESTION).string(choice).commit();
            proxy.record(JournalRecordType.RESPONSE_SHOWN).timeMs(nowMs).sid(sidHi, sidLo).iid(1).string(QUESTION).string(choice)
                .string("next_step").string("").commit();
            return proxy.endMessage() ? proxy.lastPosition() : 0;
        }

        /** {@code connection} has an ack waiting for the journal: told after each write until it sends it. */
        void hold(final FloorHandler connection)
        {
            // As Pulse's acks: no wake-up of the journal thread for an ack (acks may be late by contract).
            hold.hold(connection, false);
        }

        void forget(final FloorHandler connection)
        {
            hold.forget(connection);
        }
    }
}
