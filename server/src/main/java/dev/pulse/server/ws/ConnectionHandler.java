package dev.pulse.server.ws;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.detect.detector.Detector;
import dev.pulse.server.config.FsyncPolicy;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;
import dev.pulse.server.timer.TimerTarget;

/**
 * One WebSocket connection: the end of the pipeline. Frames in, rate limit, decode, hand the
 * message to {@link SessionEvents}, write what it produced: errors, the welcome or response,
 * the question once journaled, acks coalesced per read batch (at once after an answer, or at 64
 * unacknowledged) and sent only once the journal has written the acked messages' records (forced,
 * under {@code fsync_policy: always}), closes with their exact codes. It also owns the
 * connection's one timer.
 *
 * <p>Nothing throws out of here: an unexpected exception is counted, logged and closes the
 * connection with 1011; other connections are untouched. Runs on its channel's event loop only.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter implements TimerTarget
{
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
    private static final long NO_TIMER = -1;
    private static final int ACK_AT_UNACKED = 64;
    private static final long CLOSE_GRACE_MS = 2_000;

    /**
     * After the close frame: a FIN rather than a close. Closing a socket with unread input (a
     * client still sending) resets it, and the reset makes the client's kernel drop the close
     * frame it has not read yet. The client's own close, or the close grace, then ends the channel.
     */
    private static final ChannelFutureListener END_OUTPUT = written ->
    {
        if (written.isSuccess() && written.channel() instanceof DuplexChannel)
        {
            ((DuplexChannel)written.channel()).shutdownOutput();
        }
        else
        {
            written.channel().close();
        }
    };

    private final ServerContext server;
    private final Metrics metrics;
    /**
     * Under {@code fsync_policy: always} a question waits until its record is forced, so every
     * question a visitor saw is on disk whatever happens next. Under {@code interval} and
     * {@code never} the record is handed to the journal (in order, before the frame is written)
     * and the question goes out at once: those policies already trade the last moments of records
     * for speed, and a wait for the journal thread would put a thread hand-off on every question.
     */
    private final boolean questionsWaitForTheDisk;
    private final ConnectionState connection = new ConnectionState();
    private ChannelHandlerContext ctx;
    private LoopContext loop;
    private RateLimiter rateLimiter;
    private boolean upgraded;
    private boolean closing;
    private long timerId = NO_TIMER;
    private long armedDeadlineMs = Detector.NO_DEADLINE;
    private long ackedSeq;
    private int unacked;
    /** A duplicate arrived since the last ack: an ack is owed even if the seq did not move. */
    private boolean ackOwed;
    /** Journal position that covers the records of every message handled on this connection so far. */
    private long handledPosition;
    /** The ack waiting for the journal to reach {@link #ackWaitPosition}; 0 if none waits. */
    private long ackWaitSeq;
    private long ackWaitPosition;
    private TextWebSocketFrame heldQuestion;
    private long heldPosition;
    private long heldSinceNanos;
    /** The payload of the latest ping not yet answered because the client is not reading; null if none. */
    private ByteBuf unansweredPing;
    private ScheduledFuture<?> writeStallCheck;
    private final Runnable onWriteStall = this::onWriteStall;

    ConnectionHandler(final ServerContext server)
    {
        this.server = server;
        this.metrics = server.metrics();
        this.questionsWaitForTheDisk = server.config().fsyncPolicy() == FsyncPolicy.ALWAYS;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
        this.loop = server.loop(ctx.channel().eventLoop());
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
    {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete)
        {
            upgraded = true;
            connection.id = server.connections().register(this);
            metrics.connectionOpened();
            rateLimiter = new RateLimiter(server.config().messagesPerSecond(), server.config().messageBurst(),
                server.config().rateLimitCloseMs(), System.nanoTime());
        }
        else if (event instanceof IdleStateEvent)
        {
            if (upgraded)
            {
                closeWith(CloseCode.IDLE);
            }
            else
            {
                ctx.close();
            }
        }
        else
        {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message)
    {
        if (!(message instanceof WebSocketFrame))
        {
            ctx.fireChannelRead(message);
            return;
        }
        try
        {
            if (closing)
            {
                return;
            }
            if (message instanceof TextWebSocketFrame)
            {
                onText((TextWebSocketFrame)message);
            }
            else if (message instanceof PingWebSocketFrame)
            {
                onPing((PingWebSocketFrame)message);
            }
            else if (message instanceof BinaryWebSocketFrame)
            {
                closeWith(CloseCode.UNSUPPORTED_DATA);
            }
            if (!closing && pendingWritesOverCap())
            {
                closeSlowConsumer();
            }
        }
        catch (final RuntimeException ex)
        {
            internalError(ex);
        }
        finally
        {
            ReferenceCountUtil.release(message);
        }
    }

    private void onText(final TextWebSocketFrame frame)
    {
        final long nowNanos = System.nanoTime();
        final long nowMs = loop.now();
        if (!rateLimiter.tryAcquire(nowNanos))
        {
            onRateLimited(nowNanos);
            return;
        }
        final DecodedMessage message = loop.decoder.decode(frame.content(), loop.message);
        final Outbox out = loop.outbox;
        out.clear();
        if (!connection.helloed)
        {
            if (message.error() != null || message.type() != MessageType.HELLO)
            {
                closeWith(CloseCode.POLICY_VIOLATION);
                return;
            }
            loop.sessionEvents.hello(connection, message, nowMs, out, ctx.alloc());
            ackedSeq = connection.lastSeq;
            // The welcome's seq is not an ack. An ack here covers the messages handled before it too, so
            // a resumed session's first ack waits until every record committed so far, on any loop (its
            // last connection's among them), is written. A new session has nothing before its hello.
            handledPosition = connection.lastSeq > 0 ? server.journal().committedPosition() : 0;
        }
        else if (message.error() != null)
        {
            loop.sessionEvents.rejected(connection, message, out);
        }
        else if (message.type() == MessageType.HELLO)
        {
            out.error(ErrorCode.BAD_MESSAGE, false, 0, "a connection has one hello");
            out.rejected = true;
        }
        else
        {
            loop.sessionEvents.event(connection, message, nowMs, out, ctx.alloc());
        }
        deliver(out, nowNanos);
    }

    private void onRateLimited(final long nowNanos)
    {
        if (rateLimiter.sustained(nowNanos))
        {
            closeWith(CloseCode.POLICY_VIOLATION);
        }
        else if (rateLimiter.shouldReportDrop(nowNanos))
        {
            metrics.error(ErrorCode.RATE_LIMITED);
            ctx.write(MessageEncoder.error(ctx.alloc(), ErrorCode.RATE_LIMITED, false, 0, "over the message rate: messages dropped"));
        }
    }

    /**
     * A ping takes a token like a message. While the client is not reading, only its latest ping
     * is kept, to be answered once it reads again.
     */
    private void onPing(final PingWebSocketFrame ping)
    {
        final long nowNanos = System.nanoTime();
        if (!rateLimiter.tryAcquire(nowNanos))
        {
            onRateLimited(nowNanos);
            return;
        }
        if (unansweredPing != null)
        {
            unansweredPing.release();
            unansweredPing = null;
        }
        if (ctx.channel().isWritable())
        {
            ctx.write(new PongWebSocketFrame(ping.content().retain()));
        }
        else
        {
            unansweredPing = ping.content().retain();
        }
    }

    /** Writes what handling a message or a timer produced. */
    private void deliver(final Outbox out, final long startNanos)
    {
        for (int i = 0; i < out.errorCount; i++)
        {
            metrics.error(out.errors[i]);
            ctx.write(MessageEncoder.error(ctx.alloc(), out.errors[i], out.errorHasSeq[i], out.errorSeq[i], out.errorDetail[i]));
        }
        if (out.reply != null)
        {
            ctx.write(out.reply);
        }
        if (out.withdrawHeld)
        {
            withdrawHeldQuestion();
        }
        if (out.question != null)
        {
            if (questionsWaitForTheDisk)
            {
                hold(out.question, out.questionPosition, startNanos, out);
            }
            else
            {
                ctx.write(out.question);
                metrics.questionShown(System.nanoTime() - startNanos);
            }
        }
        if (out.previousOwner != 0 && out.previousOwner != connection.id)
        {
            final ConnectionHandler previous = server.connections().get(out.previousOwner);
            if (previous != null)
            {
                previous.ctx.executor().execute(previous::resumedElsewhere);
            }
        }
        if (out.rejected && ++connection.rejected > server.config().maxRejectedMessages())
        {
            closeWith(CloseCode.POLICY_VIOLATION);
            return;
        }
        if (out.close != null)
        {
            closeWith(out.close);
            return;
        }
        handledPosition = Math.max(handledPosition, out.recordsPosition);
        ackOwed |= out.ackOwed;
        if (out.ackNow || ++unacked >= ACK_AT_UNACKED)
        {
            requestAck();
        }
        arm(out.nextDeadlineMs);
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        requestAck();
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    /**
     * The client stopped or started taking what is written (the channel's pending bytes crossed
     * its high or low water mark). Stopped: the write stall check looks again after the timeout.
     * Started: it gets the ack and pong held back meanwhile. A check is not called off when the
     * channel turns writable: the kernel may take a little now and then from a client that does
     * not read at all (its buffers grow), and that must not put off the check for ever.
     */
    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        if (upgraded && !closing)
        {
            if (!ctx.channel().isWritable())
            {
                if (writeStallCheck == null)
                {
                    writeStallCheck = ctx.executor().schedule(onWriteStall, server.config().writeStallTimeoutMs(), TimeUnit.MILLISECONDS);
                }
            }
            else
            {
                writeHeldBack();
            }
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void writeHeldBack()
    {
        requestAck();
        if (unansweredPing != null)
        {
            ctx.write(new PongWebSocketFrame(unansweredPing));
            unansweredPing = null;
        }
        ctx.flush();
    }

    /** Closes the connection if its writes are still backed up the write stall timeout after they backed up. */
    private void onWriteStall()
    {
        writeStallCheck = null;
        if (!closing && ctx.channel().isActive() && !ctx.channel().isWritable())
        {
            closeSlowConsumer();
        }
    }

    private void cancelWriteStallCheck()
    {
        if (writeStallCheck != null)
        {
            writeStallCheck.cancel(false);
            writeStallCheck = null;
        }
    }

    /** Whether more is waiting to be written than a client may leave unread; cheap while writable. */
    private boolean pendingWritesOverCap()
    {
        return !ctx.channel().isWritable() && pendingWriteBytes() > server.config().maxPendingWriteBytes();
    }

    /** Bytes written and not yet taken by the socket; callable from any thread (for the gauge). */
    long pendingWriteBytes()
    {
        final ChannelOutboundBuffer pending = ctx.channel().unsafe().outboundBuffer();
        return pending == null ? 0 : pending.totalPendingWriteBytes();
    }

    /**
     * Closes a client that does not read. The close frame reaches it if it reads again within the
     * close grace. Meanwhile what it sends is still read, and dropped unhandled (see channelRead):
     * closing a socket with unread input would reset it and lose the close frame on the way.
     */
    private void closeSlowConsumer()
    {
        closeWith(CloseCode.SLOW_CONSUMER);
    }

    /**
     * Acks what was handled, once its records are taken: at once if the journal has written them,
     * else when it has (one ack waits at a time; what is handled meanwhile gets the next one). A
     * client that is not reading gets no ack now: one ack, of the latest seq, when it reads again.
     */
    private void requestAck()
    {
        if (!connection.helloed || closing || ackWaitSeq != 0 || (connection.lastSeq <= ackedSeq && !ackOwed) ||
            !ctx.channel().isWritable())
        {
            return;
        }
        unacked = 0;
        ackOwed = false;
        if (server.journal().writtenPosition() >= handledPosition)
        {
            writeAck(connection.lastSeq);
            return;
        }
        ackWaitSeq = Math.max(1, connection.lastSeq);
        ackWaitPosition = handledPosition;
        loop.journalHold.hold(this, false);
    }

    private void writeAck(final long seq)
    {
        ackedSeq = Math.max(ackedSeq, seq);
        connection.ackedSeq = ackedSeq;
        ctx.write(MessageEncoder.ack(ctx.alloc(), seq));
    }

    /**
     * Holds a question until the journal has forced its record. A question is only ever asked once
     * the one before it is closed, and closing a held question withdraws it first (its
     * question_unseen record goes with the message that closed it), so at most one is held.
     */
    private void hold(final TextWebSocketFrame question, final long position, final long sinceNanos, final Outbox out)
    {
        if (heldQuestion != null)
        {
            // Never expected (see above); if it happens, it is counted, not silent.
            LOG.error("connection {} asked question {} while {} was still held: dropping the held one", connection.id,
                out.questionId, connection.heldQuestionId);
            metrics.internalError();
            withdrawHeldQuestion();
        }
        connection.heldIid = out.questionIid;
        connection.heldQuestionId = out.questionId;
        connection.heldCatalogVersion = out.questionCatalogVersion;
        heldQuestion = question;
        heldPosition = position;
        heldSinceNanos = sinceNanos;
        if (!onJournalWritten(server.journal().writtenPosition()))
        {
            loop.journalHold.hold(this, true);
        }
    }

    /**
     * The journal has written up to {@code writtenPosition}: sends the ack and the question that
     * waited for it. True when nothing waits any more.
     */
    boolean onJournalWritten(final long writtenPosition)
    {
        if (ackWaitSeq != 0 && writtenPosition >= ackWaitPosition)
        {
            final long seq = ackWaitSeq;
            ackWaitSeq = 0;
            if (!closing && ctx.channel().isActive())
            {
                writeAck(seq);
                // What was handled while this ack waited gets its own.
                requestAck();
                ctx.flush();
            }
        }
        final boolean questionWaits = !releaseHeldQuestion(writtenPosition);
        return !questionWaits && ackWaitSeq == 0;
    }

    /** Sends the held question if the journal has written its record; true when no question is held any more. */
    private boolean releaseHeldQuestion(final long writtenPosition)
    {
        if (heldQuestion == null)
        {
            return true;
        }
        if (writtenPosition < heldPosition)
        {
            return false;
        }
        final TextWebSocketFrame question = heldQuestion;
        heldQuestion = null;
        if (closing || !ctx.channel().isActive())
        {
            question.release();
            recordUnseen();
            return true;
        }
        connection.heldIid = 0;
        ctx.writeAndFlush(question);
        metrics.questionShown(System.nanoTime() - heldSinceNanos);
        if (pendingWritesOverCap())
        {
            closeSlowConsumer();
        }
        return true;
    }

    /** The held question was closed before its record was forced: it is never sent (its question_unseen record is taken). */
    private void withdrawHeldQuestion()
    {
        if (heldQuestion != null)
        {
            heldQuestion.release();
            heldQuestion = null;
            metrics.questionUnseen();
        }
        connection.heldIid = 0;
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

    /** Keeps at most one timer armed: an earlier one fires, re-checks and re-arms (a timer is a hint). */
    private void arm(final long deadlineMs)
    {
        if (deadlineMs == Detector.NO_DEADLINE || closing || (timerId != NO_TIMER && armedDeadlineMs <= deadlineMs))
        {
            return;
        }
        if (timerId != NO_TIMER)
        {
            loop.timers.cancel(timerId);
        }
        armedDeadlineMs = deadlineMs;
        timerId = loop.timers.schedule(this, deadlineMs);
    }

    @Override
    public void onTimer(final long firedTimerId, final long nowMs)
    {
        if (firedTimerId != timerId)
        {
            return;
        }
        timerId = NO_TIMER;
        metrics.timerLatenessNanos(Math.max(0, nowMs - armedDeadlineMs) * 1_000_000L);
        armedDeadlineMs = Detector.NO_DEADLINE;
        if (closing || !connection.helloed)
        {
            return;
        }
        try
        {
            final Outbox out = loop.outbox;
            out.clear();
            loop.sessionEvents.timer(connection, loop.now(), out, ctx.alloc());
            deliver(out, System.nanoTime());
            ctx.flush();
            if (!closing && pendingWritesOverCap())
            {
                closeSlowConsumer();
            }
        }
        catch (final RuntimeException ex)
        {
            internalError(ex);
        }
    }

    /** Another connection resumed this session: close this one with 4001. Runs on this connection's loop. */
    private void resumedElsewhere()
    {
        closeWith(CloseCode.RESUMED_ELSEWHERE);
    }

    /** Server shutdown: close with 1001 so clients reconnect with backoff; callable from any thread. */
    void goingAwayFromAnyThread()
    {
        ctx.executor().execute(() -> closeWith(CloseCode.GOING_AWAY));
    }

    void closeWith(final CloseCode code)
    {
        if (closing)
        {
            return;
        }
        closing = true;
        metrics.closed(code);
        ctx.writeAndFlush(new CloseWebSocketFrame(code.code(), code.reason())).addListener(END_OUTPUT);
        // A peer that does not read would keep the close frame (and the channel) forever.
        ctx.executor().schedule(() -> ctx.channel().close(), CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (upgraded)
        {
            server.connections().unregister(connection.id);
            metrics.connectionClosed();
            if (timerId != NO_TIMER)
            {
                loop.timers.cancel(timerId);
                timerId = NO_TIMER;
            }
            if (heldQuestion != null)
            {
                heldQuestion.release();
                heldQuestion = null;
                recordUnseen();
            }
            if (unansweredPing != null)
            {
                unansweredPing.release();
                unansweredPing = null;
            }
            cancelWriteStallCheck();
            loop.journalHold.forget(this);
            try
            {
                loop.sessionEvents.disconnected(connection);
            }
            catch (final RuntimeException ex)
            {
                LOG.warn("could not release the session of connection {}", connection.id, ex);
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (cause instanceof CorruptedWebSocketFrameException)
        {
            // Netty's decoder has already sent its close frame (1002, 1007 or 1009).
            closing = true;
            metrics.closed(closeCodeOf(((CorruptedWebSocketFrameException)cause).closeStatus().code()));
            ctx.close();
            return;
        }
        if (cause instanceof java.io.IOException || cause instanceof PrematureChannelClosureException)
        {
            // The peer went away, perhaps in the middle of a fragmented message: not our error.
            ctx.close();
            return;
        }
        internalError(cause);
    }

    private void internalError(final Throwable cause)
    {
        metrics.internalError();
        LOG.error("internal error on connection {}: closing it with 1011", connection.id, cause);
        if (upgraded)
        {
            closeWith(CloseCode.INTERNAL_ERROR);
        }
        else
        {
            ctx.close();
        }
    }

    private static CloseCode closeCodeOf(final int code)
    {
        switch (code)
        {
            case 1007:
                return CloseCode.INVALID_PAYLOAD;
            case 1009:
                return CloseCode.MESSAGE_TOO_BIG;
            default:
                return CloseCode.PROTOCOL_ERROR;
        }
    }
}
