package dev.pulse.server.ws;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.journal.ErasureSource;
import dev.pulse.journal.FsyncPolicy;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.net.ClientAddress;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;
import dev.pulse.server.timer.TimerTarget;

/**
 * One WebSocket connection: the end of the pipeline, and a dispatcher. Frames in through its
 * {@link FrameIntake} (the rate limit, fragments joined, pings), decode, hand the message to
 * {@link SessionHello} or {@link SessionEvents}, send the {@link Outbox} they and the session machine filled through the
 * {@link OutboxWriter} (a question is held in {@link HeldQuestion} under
 * {@code fsync_policy: always} until its record is forced), ack as {@link AckPolicy} says, close
 * with the exact code ({@link ConnectionCloser}). A client that stops reading meets the
 * {@link WriteStallGuard}; the session's deadlines arm the {@link SessionTimer}; a connection
 * that sends nothing, before its upgrade or after, meets its {@link ReadTimeout}. These are
 * helpers of this handler rather than handlers of their own, so a frame makes no extra hops.
 *
 * <p>Nothing throws out of here: an unexpected exception is counted, logged and closes the
 * connection with 1011; other connections are untouched. Runs on its channel's event loop only.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter implements TimerTarget
{
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final ServerContext server;
    private final Metrics metrics;
    private final ConnectionState connection = new ConnectionState();
    private final ConnectionCloser closer;
    private final WriteStallGuard writeStall;
    private final JournalGate journalGate;
    private final OutboxWriter frames;
    private final SessionTimer timer = new SessionTimer(this);
    private final ReadTimeout readTimeout;
    private final MessageRate rate;
    private final FrameIntake intake;
    private final Runnable resumedElsewhere = () -> closeWith(CloseCode.RESUMED_ELSEWHERE);
    private final ConnectionBackend backend;
    private ChannelHandlerContext ctx;
    private LoopContext loop;
    private boolean upgraded;

    /**
     * @param closer     the connection's closer; attached here.
     * @param writeStall the connection's write stall guard (it closes through {@code closer}); attached here.
     */
    ConnectionHandler(final ServerContext server, final ConnectionCloser closer, final WriteStallGuard writeStall)
    {
        this.server = server;
        this.metrics = server.metrics();
        this.closer = closer;
        this.writeStall = writeStall;
        this.journalGate = new JournalGate(connection, server.journal(), metrics, closer, writeStall);
        this.frames = new OutboxWriter(metrics, journalGate, server.config().fsyncPolicy() == FsyncPolicy.ALWAYS);
        this.backend = new ConnectionBackend(this, connection, closer, server);
        this.readTimeout = new ReadTimeout(server.config().readTimeoutMs(), this::onSilent);
        this.rate = new MessageRate(server.config(), metrics, closer);
        this.intake = new FrameIntake(rate, new FragmentJoiner(server.config().maxMessageBytes(), closer), writeStall, closer, this::onText);
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
        this.loop = server.loop(ctx.channel().eventLoop());
        closer.attach(ctx, connection);
        writeStall.attach(ctx);
        journalGate.attach(ctx, loop);
        frames.attach(ctx);
        timer.attach(loop.timers);
        backend.attach(loop);
        rate.attach(ctx);
        readTimeout.start(loop.timers, loop.clock.monotonicMs());
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
    {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete)
        {
            upgraded = true;
            rate.start(System.nanoTime());
            connection.id = server.connections().register(this);
            metrics.connectionOpened();
            if (LOG.isDebugEnabled())
            {
                // Guarded: the client's description is a new String, and the id a boxed Long, on every connection.
                LOG.debug("connection {} opened from {}", connection.id, ClientAddress.describe(ctx.channel()));
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
            if (closer.isClosing())
            {
                // Read and dropped unhandled: see ConnectionCloser.
                return;
            }
            intake.read(ctx, (WebSocketFrame)message, System.nanoTime());
            writeStall.closeIfOverCap();
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

    private void onText(final ByteBuf text, final long nowNanos)
    {
        final long nowMs = loop.now();
        final DecodedMessage message = loop.decoder.decode(text, loop.message);
        final Outbox out = loop.outbox;
        out.clear();
        if (!connection.helloed)
        {
            if (message.type() == MessageType.HELLO && message.error() != null)
            {
                // A hello that is wrong in a field is told which (a fixed text), then closed.
                out.error(message.error(), false, 0, message.errorDetail());
                out.close = CloseCode.POLICY_VIOLATION;
                deliver(out, nowNanos);
                return;
            }
            if (message.error() != null || message.type() != MessageType.HELLO)
            {
                closer.closeWith(CloseCode.POLICY_VIOLATION, "the first message was not a hello");
                return;
            }
            loop.hello.hello(connection, message, nowMs, out, ctx.alloc());
            journalGate.helloed();
            if (connection.helloed && server.backendPending().has(connection.sidHi, connection.sidLo))
            {
                ctx.executor().execute(backend.applyPending);
            }
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
        else if (message.type() == MessageType.FORGET)
        {
            if (loop.forget.erase(connection, ErasureSource.CLIENT_FORGET, message.seq(), out) == SessionForget.REFUSED)
            {
                out.overloaded(true, message.seq());
            }
        }
        else
        {
            loop.sessionEvents.event(connection, message, nowMs, out);
        }
        deliver(out, nowNanos);
    }

    /** Sends what handling a message or a timer produced, then closes, acks or arms the timer as it says. */
    private void deliver(final Outbox out, final long startNanos)
    {
        frames.write(out, startNanos);
        server.connections().resumedElsewhere(out.previousOwner, connection.id);
        if (out.isRejected() && ++connection.rejected > server.config().maxRejectedMessages())
        {
            closer.closeWith(CloseCode.POLICY_VIOLATION, "more than max_rejected_messages messages rejected");
            return;
        }
        if (out.close != null)
        {
            closeWith(out.close);
            return;
        }
        journalGate.handled(out.recordsPosition, out.ackOwed, out.ackNow);
        if (!closer.isClosing())
        {
            timer.arm(out.nextDeadlineMs);
        }
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        // Any bytes read count as life, even part of a frame: every read batch ends here.
        readTimeout.onRead(loop.clock.monotonicMs());
        journalGate.requestAck();
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        if (upgraded && !closer.isClosing() && writeStall.writabilityChanged())
        {
            // The client reads again: the ack and pong held back meanwhile.
            journalGate.requestAck();
            writeStall.writeHeldBackPong();
            ctx.flush();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void onTimer(final long firedTimerId, final long nowMs)
    {
        final long latenessMs = timer.fired(firedTimerId, nowMs);
        if (latenessMs == SessionTimer.STALE)
        {
            return;
        }
        metrics.timerLatenessNanos(latenessMs * 1_000_000L);
        if (closer.isClosing() || !connection.helloed)
        {
            return;
        }
        try
        {
            final Outbox out = loop.outbox;
            out.clear();
            loop.sessionEvents.timer(connection, loop.now(), out);
            deliverNow(out);
        }
        catch (final RuntimeException ex)
        {
            internalError(ex);
        }
    }

    /** Bytes written and not yet taken by the socket (for the gauge); callable from any thread. */
    long pendingWriteBytes()
    {
        return writeStall.pendingWriteBytes();
    }

    /** Another connection resumed this session: close this one with 4001, on its own loop; callable from any thread. */
    void resumedElsewhereFromAnyThread()
    {
        ctx.executor().execute(resumedElsewhere);
    }

    /**
     * An operator erases this connection's session: done on this loop, as the client's forget is,
     * and the connection closed with 1000 "forgotten"; {@code done} gets what {@link SessionForget#erase}
     * returned. Callable from any thread.
     */
    void eraseFromAnyThread(final ErasureSource source, final CompletableFuture<Long> done)
    {
        ctx.executor().execute(() ->
        {
            try
            {
                if (closer.isClosing())
                {
                    done.complete(SessionForget.NONE);
                    return;
                }
                final Outbox out = loop.outbox;
                out.clear();
                loop.now();
                final long erased = loop.forget.erase(connection, source, 0, out);
                if (erased > 0)
                {
                    deliver(out, System.nanoTime());
                    ctx.flush();
                }
                done.complete(erased);
            }
            catch (final RuntimeException ex)
            {
                done.completeExceptionally(ex);
                internalError(ex);
            }
        });
    }

    /** A backend event for this connection's session, on this loop; {@code done} gets the step. Callable from any thread. */
    void backendFromAnyThread(final BackendEvent event, final Consumer<BackendEvents.Step> done)
    {
        ctx.executor().execute(() -> done.accept(backend.apply(event)));
    }

    /** Sends now what a task outside a read produced (a timer, a backend event). */
    void deliverNow(final Outbox out)
    {
        deliver(out, System.nanoTime());
        ctx.flush();
        writeStall.closeIfOverCap();
    }

    /** Server shutdown: close with 1001 so clients reconnect with backoff; callable from any thread. */
    void goingAwayFromAnyThread()
    {
        ctx.executor().execute(() -> closeWith(CloseCode.GOING_AWAY));
    }

    void closeWith(final CloseCode code)
    {
        closer.closeWith(code);
    }

    /** Silent for {@code read_timeout_ms}: a WebSocket closes with 1000 idle, HTTP unless its answer is pending ({@link AnswerPending}). */
    private void onSilent()
    {
        if (upgraded)
        {
            closeWith(CloseCode.IDLE);
        }
        else if (!AnswerPending.isPending(ctx.channel()))
        {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        readTimeout.cancel();
        intake.release();
        if (upgraded)
        {
            server.connections().unregister(connection.id);
            metrics.connectionClosed();
            timer.cancel();
            journalGate.connectionEnded();
            writeStall.close();
            try
            {
                loop.sessionEvents.disconnected(connection);
            }
            catch (final RuntimeException ex)
            {
                connection.about(LOG.atWarn()).setCause(ex).log("could not release the session of connection {}", connection.id);
            }
        }
        ctx.fireChannelInactive();
    }

    /**
     * An exception from the pipeline, or a failed write: the connection's writes take the void
     * promise, so a write to a socket closed or reset meanwhile ends here. That is told apart
     * first and closed quietly ({@link ConnectionCloser#closedFor}: no log line, no internal error;
     * the close is counted as any close); anything else is an internal error: counted, logged, 1011.
     */
    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (!closer.closedFor(cause))
        {
            internalError(cause);
        }
    }

    void internalError(final Throwable cause)
    {
        metrics.internalError();
        connection.about(LOG.atError()).setCause(cause)
            .log("internal error on connection {} from {}: closing it with 1011", connection.id, ClientAddress.describe(ctx.channel()));
        if (upgraded)
        {
            closeWith(CloseCode.INTERNAL_ERROR);
        }
        else
        {
            ctx.close();
        }
    }
}
