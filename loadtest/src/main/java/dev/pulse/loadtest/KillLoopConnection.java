package dev.pulse.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The pipeline of one kill loop connection, on the generator's own pieces: the opening handshake
 * by hand ({@link UpgradeRequest}), server frames split in place ({@link ServerFrameReader}), text
 * scanned ({@link ServerMessageScanner}) and handed to the {@link KillLoopSession}; pings answered.
 * Every read is gathered in one cumulation buffer, so a frame split across reads waits for its
 * rest. Correctness over speed: the kill loop sends a few thousand messages a second at most.
 *
 * <p>Runs on its channel's event loop, the driver's only one.
 */
final class KillLoopConnection extends ChannelInboundHandlerAdapter
{
    private final KillLoopSession session;
    private final KillLoopDriver driver;
    private final UpgradeRequest upgrade;
    private ByteBuf cumulation;
    private boolean upgraded;

    KillLoopConnection(final KillLoopSession session, final KillLoopDriver driver, final UpgradeRequest upgrade)
    {
        this.session = session;
        this.driver = driver;
        this.upgrade = upgrade;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        cumulation = ctx.alloc().heapBuffer(1024);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(upgrade.bytes()), ctx.voidPromise());
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message)
    {
        final ByteBuf in = (ByteBuf)message;
        try
        {
            cumulation.writeBytes(in);
        }
        finally
        {
            in.release();
        }
        if (!upgraded && !readHead(ctx))
        {
            return;
        }
        readFrames(ctx);
        cumulation.discardReadBytes();
    }

    private boolean readHead(final ChannelHandlerContext ctx)
    {
        final int length = Math.min(cumulation.readableBytes(), UpgradeRequest.MAX_RESPONSE_BYTES);
        final byte[] head = new byte[length];
        cumulation.getBytes(cumulation.readerIndex(), head);
        final int end = UpgradeRequest.headEnd(head, length);
        if (end < 0)
        {
            if (length == UpgradeRequest.MAX_RESPONSE_BYTES)
            {
                ctx.close();
            }
            return false;
        }
        cumulation.skipBytes(end);
        if (upgrade.refusal(head, end) != null)
        {
            // A refused upgrade (a server still starting, or at a limit): a lost connection, retried.
            ctx.close();
            return false;
        }
        upgraded = true;
        session.onUpgraded(ctx.channel(), driver.proxy());
        return true;
    }

    private void readFrames(final ChannelHandlerContext ctx)
    {
        final ServerFrameReader reader = driver.reader().frames();
        while (ctx.channel().isActive())
        {
            final ServerFrameReader.Result result = reader.next(cumulation);
            if (result == ServerFrameReader.Result.INCOMPLETE)
            {
                return;
            }
            if (result == ServerFrameReader.Result.PROTOCOL_ERROR)
            {
                driver.tally().errors[ErrorCodes.MALFORMED]++;
                ctx.close();
                return;
            }
            switch (reader.opcode())
            {
                case ServerFrameReader.OPCODE_TEXT -> session.onMessage(driver.reader().text(cumulation), driver.proxy());
                case ServerFrameReader.OPCODE_CLOSE ->
                {
                    final int code = reader.payloadLength() >= 2 ? cumulation.getUnsignedShort(reader.payloadIndex()) : 1005;
                    driver.tally().closesByCode.merge(code, 1L, Long::sum);
                    ctx.close();
                }
                case ServerFrameReader.OPCODE_PING -> ctx.writeAndFlush(
                    driver.proxy().pong(ctx.alloc(), cumulation, reader.payloadIndex(), reader.payloadLength()), ctx.voidPromise());
                default ->
                {
                }
            }
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (cumulation != null)
        {
            cumulation.release();
            cumulation = null;
        }
        driver.lost(session, ctx.channel());
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        // A reset by the killed server, most of the time: the connection is lost, channelInactive follows.
        ctx.close();
    }
}
