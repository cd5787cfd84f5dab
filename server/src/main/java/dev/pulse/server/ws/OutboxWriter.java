package dev.pulse.server.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.ErrorCode;

/**
 * Encodes and writes the frames an {@link Outbox} holds, in the protocol's order: errors, the
 * refusal of the message, the welcome or the response, then the question. Under
 * {@code fsync_policy: always} the question is handed to the {@link JournalGate}, which holds it
 * until every record of its message, the question's among them, is forced; otherwise it goes out
 * at once, after its record was handed to the journal. Writes only: the caller flushes, closes,
 * acks and arms the timer. Every write takes the channel's void promise: nobody waits for these
 * frames, so Netty makes no promise per write, and a write that fails reaches the connection's
 * {@code exceptionCaught} (a closed or reset socket closes quietly there). One per connection, on
 * its event loop.
 */
final class OutboxWriter
{
    private final Metrics metrics;
    private final JournalGate journalGate;
    /**
     * Under {@code fsync_policy: always} a question waits until its record is forced, so every
     * question a visitor saw is on disk whatever happens next. Under {@code interval} and
     * {@code never} the record is handed to the journal (in order, before the frame is written)
     * and the question goes out at once: those policies already trade the last moments of records
     * for speed, and a wait for the journal thread would put a thread hand-off on every question.
     */
    private final boolean questionsWaitForTheDisk;
    private ChannelHandlerContext ctx;

    OutboxWriter(final Metrics metrics, final JournalGate journalGate, final boolean questionsWaitForTheDisk)
    {
        this.metrics = metrics;
        this.journalGate = journalGate;
        this.questionsWaitForTheDisk = questionsWaitForTheDisk;
    }

    void attach(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    /**
     * Writes the frames of {@code out}.
     *
     * @param startNanos when the message or timer that filled it was taken up, for the event-to-question time.
     */
    void write(final Outbox out, final long startNanos)
    {
        for (int i = 0; i < out.errorCount; i++)
        {
            writeError(out.errors[i], out.errorHasSeq[i], out.errorSeq[i], out.errorDetail[i]);
        }
        if (out.refusal() != null)
        {
            writeError(out.refusal(), true, out.seq, out.refusalDetail());
        }
        if (out.welcome != null)
        {
            ctx.write(out.welcome, ctx.voidPromise());
        }
        if (out.response() != null)
        {
            ctx.write(MessageEncoder.response(ctx.alloc(), out.responseIid(), out.responseChoiceId(), out.response(),
                out.responseTitle(), out.responseBody(), out.responseCtaLabel(), out.responseFeedback(), out.handoff(), out.handoffAvailable()),
                ctx.voidPromise());
        }
        if (out.withdrawHeld)
        {
            journalGate.withdrawHeldQuestion();
        }
        if (out.question() != null)
        {
            final TextWebSocketFrame question = MessageEncoder.question(ctx.alloc(), out.questionIid(), out.question(), out.questionCopy());
            if (questionsWaitForTheDisk)
            {
                journalGate.hold(question, out.recordsPosition, startNanos, out.questionIid(), out.question().id(),
                    out.questionCatalogVersion());
            }
            else
            {
                ctx.write(question, ctx.voidPromise());
                metrics.questionShown(System.nanoTime() - startNanos);
            }
        }
        if (out.carryLength > 0)
        {
            ctx.write(MessageEncoder.carry(ctx.alloc(), out.carry, out.carryLength), ctx.voidPromise());
        }
    }

    private void writeError(final ErrorCode code, final boolean hasSeq, final long seq, final String detail)
    {
        metrics.error(code);
        ctx.write(MessageEncoder.error(ctx.alloc(), code, hasSeq, seq, detail), ctx.voidPromise());
    }
}
