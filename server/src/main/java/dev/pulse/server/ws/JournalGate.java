package dev.pulse.server.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalHold;
import dev.pulse.server.metrics.Metrics;

/**
 * What one connection writes only once the journal has written the records it speaks for: acks
 * (which promise the acked messages' records are taken: written, and forced under
 * {@code fsync_policy: always}), and under {@code always} the question (so no question is shown
 * whose record a crash could lose). {@link AckPolicy} says when to ack and what, {@link HeldQuestion}
 * keeps the question; this writes them when the journal's written position allows, waiting in
 * the loop's {@link JournalHold} meanwhile. Its writes take the void promise (nobody waits for an
 * ack or a question frame); what the journal releases outside a read is flushed once, however
 * many frames it lets out, and what is let out within a read waits for the read batch's flush.
 *
 * <p>Not thread-safe: owned by the connection's event loop.
 */
final class JournalGate implements JournalHold.Waiting
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalGate.class);

    private final ConnectionState connection;
    private final Journal journal;
    private final Metrics metrics;
    private final ConnectionCloser closer;
    private final WriteStallGuard writeStall;
    private final AckPolicy acks = new AckPolicy();
    private final HeldQuestion heldQuestion;
    private ChannelHandlerContext ctx;
    private LoopContext loop;

    JournalGate(final ConnectionState connection, final Journal journal, final Metrics metrics, final ConnectionCloser closer,
        final WriteStallGuard writeStall)
    {
        this.connection = connection;
        this.journal = journal;
        this.metrics = metrics;
        this.closer = closer;
        this.writeStall = writeStall;
        this.heldQuestion = new HeldQuestion(connection);
    }

    /** The context the connection writes through and its loop; set once, when the connection's handler is added. */
    void attach(final ChannelHandlerContext ctx, final LoopContext loop)
    {
        this.ctx = ctx;
        this.loop = loop;
    }

    /**
     * The hello was handled. An ack covers the messages handled before it too, so a resumed
     * session's first ack waits until every record committed so far, on any loop (its last
     * connection's among them), is written. A new session has nothing before its hello.
     */
    void helloed()
    {
        acks.helloed(connection.lastSeq, connection.lastSeq > 0 ? journal.committedPosition() : 0);
    }

    /** A message was handled (see {@link AckPolicy#handled}): acks now if an ack is due before the end of the read batch. */
    void handled(final long recordsPosition, final boolean ackOwed, final boolean ackNow)
    {
        if (acks.handled(recordsPosition, ackOwed, ackNow))
        {
            requestAck();
        }
    }

    /**
     * Acks what was handled, once its records are taken: at once if the journal has written them,
     * else when it has. A client that is not reading gets no ack now: one ack, of the latest seq,
     * when it reads again.
     */
    void requestAck()
    {
        if (!connection.helloed || closer.isClosing() || !acks.isDue(connection.lastSeq) || !ctx.channel().isWritable())
        {
            return;
        }
        final long seq = acks.take(connection.lastSeq, journal.writtenPosition());
        if (seq == AckPolicy.WAIT)
        {
            loop.journalHold.hold(this, false);
        }
        else
        {
            writeAck(seq);
        }
    }

    /**
     * Holds {@code question}, which its message sent at {@code sinceNanos}, until the journal has
     * forced its record at {@code position}; its iid, id and catalog version name it in a
     * question_unseen record should it never be sent.
     */
    void hold(final TextWebSocketFrame question, final long position, final long sinceNanos, final int iid, final String questionId,
        final long catalogVersion)
    {
        if (heldQuestion.isHeld())
        {
            // Never expected (see HeldQuestion); if it happens, it is counted, not silent.
            connection.about(LOG.atError()).log("connection {} asked question {} while {} was still held: dropping the held one",
                connection.id, questionId, connection.heldQuestionId);
            metrics.internalError();
            withdrawHeldQuestion();
        }
        heldQuestion.hold(question, position, sinceNanos, iid, questionId, catalogVersion);
        // Within the handling of a message: its caller flushes (the end of the read batch, or after a timer's delivery).
        writeReleased(journal.writtenPosition());
        if (isWaiting())
        {
            loop.journalHold.hold(this, true);
        }
    }

    /**
     * The journal has written up to {@code writtenPosition} (the loop's {@link JournalHold} calls,
     * outside any read): sends the ack and the question that waited for it, with one flush. True
     * when nothing waits any more.
     */
    @Override
    public boolean onJournalWritten(final long writtenPosition)
    {
        if (writeReleased(writtenPosition))
        {
            ctx.flush();
            writeStall.closeIfOverCap();
        }
        return !isWaiting();
    }

    /** Writes, unflushed, the ack and the question the journal's {@code writtenPosition} lets out; true if it wrote any. */
    private boolean writeReleased(final long writtenPosition)
    {
        boolean wrote = false;
        final long seq = acks.released(writtenPosition);
        if (seq != AckPolicy.NONE && !closer.isClosing() && ctx.channel().isActive())
        {
            writeAck(seq);
            // What was handled while this ack waited gets its own.
            requestAck();
            wrote = true;
        }
        if (heldQuestion.isWritten(writtenPosition))
        {
            if (closer.isClosing() || !ctx.channel().isActive())
            {
                heldQuestion.drop();
                recordUnseen();
            }
            else
            {
                ctx.write(heldQuestion.takeToSend(), ctx.voidPromise());
                metrics.questionShown(System.nanoTime() - heldQuestion.heldSinceNanos());
                wrote = true;
            }
        }
        return wrote;
    }

    private boolean isWaiting()
    {
        return heldQuestion.isHeld() || acks.isWaiting();
    }

    /** The held question was closed before its record was forced: it is never sent (its question_unseen record is taken). */
    void withdrawHeldQuestion()
    {
        if (heldQuestion.withdraw())
        {
            metrics.questionUnseen();
        }
    }

    /** The connection ended: a question still held is recorded unseen, and nothing waits for the journal any more. */
    void connectionEnded()
    {
        if (heldQuestion.drop())
        {
            recordUnseen();
        }
        loop.journalHold.forget(this);
    }

    private void writeAck(final long seq)
    {
        connection.ackedSeq = acks.acked(seq);
        ctx.write(MessageEncoder.ack(ctx.alloc(), seq), ctx.voidPromise());
    }

    /** The connection ended while its question was held: the person never saw it, and the record says so. */
    private void recordUnseen()
    {
        if (connection.heldIid != 0)
        {
            loop.journal.questionUnseen(loop.clock.wallMs(), connection.sidHi, connection.sidLo, connection.heldCatalogVersion,
                connection.heldIid, connection.heldQuestionId);
            metrics.questionUnseen();
            connection.heldIid = 0;
        }
    }
}
