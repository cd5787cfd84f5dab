package dev.pulse.server.ws;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;

/**
 * Backpressure for one connection whose client stops reading: the pending-bytes cap, the write
 * stall check and the pong held back meanwhile. A client is a slow consumer, and {@code onStalled}
 * runs, when more is waiting to be written than {@code maxPendingWriteBytes} (the connection calls
 * {@link #closeIfOverCap} after its writes), or when its writes are still backed up
 * {@code writeStallTimeoutMs} after they backed up (the channel went unwritable). {@code onStalled}
 * does nothing on a connection already closing.
 *
 * <p>While the client is not reading, only its latest ping is kept, to be answered once it reads
 * again. Pongs take the void promise (nobody waits for them). Not thread-safe: owned by the
 * connection's event loop, but for {@link #pendingWriteBytes}.
 */
final class WriteStallGuard
{
    private final long writeStallTimeoutMs;
    private final long maxPendingWriteBytes;
    private final Runnable onStalled;
    private final Runnable onWriteStallCheck = this::onWriteStallCheck;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> writeStallCheck;
    /** The payload of the latest ping not yet answered because the client is not reading; null if none. */
    private ByteBuf unansweredPing;

    /** @param onStalled closes the connection as a slow consumer; runs on the connection's loop. */
    WriteStallGuard(final long writeStallTimeoutMs, final long maxPendingWriteBytes, final Runnable onStalled)
    {
        this.writeStallTimeoutMs = writeStallTimeoutMs;
        this.maxPendingWriteBytes = maxPendingWriteBytes;
        this.onStalled = onStalled;
    }

    /** The context the connection writes through; set once, when the connection's handler is added. */
    void attach(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    /** Answers {@code ping} (the caller still owns it) now, or once the client reads again. */
    void answer(final PingWebSocketFrame ping)
    {
        if (unansweredPing != null)
        {
            unansweredPing.release();
            unansweredPing = null;
        }
        if (ctx.channel().isWritable())
        {
            ctx.write(new PongWebSocketFrame(ping.content().retain()), ctx.voidPromise());
        }
        else
        {
            unansweredPing = ping.content().retain();
        }
    }

    /**
     * The channel's pending bytes crossed its high or low water mark. Stopped: the write stall check
     * looks again after the timeout. Started: true, and the caller writes what it held back, then
     * {@link #writeHeldBackPong}. A check is not called off when the channel turns writable: the
     * kernel may take a little now and then from a client that does not read at all (its buffers
     * grow), and that must not put off the check for ever.
     */
    boolean writabilityChanged()
    {
        if (ctx.channel().isWritable())
        {
            return true;
        }
        if (writeStallCheck == null)
        {
            writeStallCheck = ctx.executor().schedule(onWriteStallCheck, writeStallTimeoutMs, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    /** Answers the ping that came while the client was not reading, if any (not flushed). */
    void writeHeldBackPong()
    {
        if (unansweredPing != null)
        {
            ctx.write(new PongWebSocketFrame(unansweredPing), ctx.voidPromise());
            unansweredPing = null;
        }
    }

    /** Closes the connection as a slow consumer if more is waiting to be written than a client may leave unread. */
    void closeIfOverCap()
    {
        if (isOverCap())
        {
            onStalled.run();
        }
    }

    /** Whether more is waiting to be written than a client may leave unread; cheap while writable. */
    boolean isOverCap()
    {
        return !ctx.channel().isWritable() && pendingWriteBytes() > maxPendingWriteBytes;
    }

    /** Bytes written and not yet taken by the socket; callable from any thread (for the gauge). */
    long pendingWriteBytes()
    {
        final ChannelOutboundBuffer pending = ctx.channel().unsafe().outboundBuffer();
        return pending == null ? 0 : pending.totalPendingWriteBytes();
    }

    /** The connection ended: drops the held-back ping and calls off the check. */
    void close()
    {
        if (unansweredPing != null)
        {
            unansweredPing.release();
            unansweredPing = null;
        }
        if (writeStallCheck != null)
        {
            writeStallCheck.cancel(false);
            writeStallCheck = null;
        }
    }

    /** Closes the connection if its writes are still backed up the write stall timeout after they backed up. */
    private void onWriteStallCheck()
    {
        writeStallCheck = null;
        if (ctx.channel().isActive() && !ctx.channel().isWritable())
        {
            onStalled.run();
        }
    }
}
