package dev.pulse.server.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Counts what passes on its way to the socket: flushes, writes, and writes that took the channel's
 * void promise (for which Netty allocated no promise). Put it first in a pipeline.
 */
final class WriteCounter extends ChannelOutboundHandlerAdapter
{
    int flushes;
    int writes;
    int voidWrites;

    @Override
    public void write(final ChannelHandlerContext ctx, final Object message, final ChannelPromise promise)
    {
        writes++;
        if (promise.isVoid())
        {
            voidWrites++;
        }
        ctx.write(message, promise);
    }

    @Override
    public void flush(final ChannelHandlerContext ctx)
    {
        flushes++;
        ctx.flush();
    }

    void reset()
    {
        flushes = 0;
        writes = 0;
        voidWrites = 0;
    }
}
