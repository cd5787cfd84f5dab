package dev.pulse.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The whole pipeline of one connection: the opening handshake by hand, then server frames split
 * in place, text payloads copied once into the loop's scratch array and scanned (the loop's
 * {@link ServerMessageReader}), and the result handed to the {@link VirtualUser}.
 * No HTTP codec, no frame objects, no Strings per frame. A frame split across reads is kept in a
 * cumulation buffer until it is whole (rare: the server's messages are small).
 *
 * <p>Runs on its channel's event loop only.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter
{
    private final VirtualUser user;
    private final LoopAgent agent;
    private byte[] head = new byte[256];
    private int headLength;
    private boolean upgraded;
    private ByteBuf cumulation;
    private int closeCode;

    ConnectionHandler(final VirtualUser user, final LoopAgent agent)
    {
        this.user = user;
        this.agent = agent;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        user.onActive(ctx.channel());
        ctx.writeAndFlush(agent.upgradeRequest().withRouteKey(ctx.alloc(), user.routeKey()), ctx.voidPromise());
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message)
    {
        final ByteBuf in = (ByteBuf)message;
        try
        {
            if (!upgraded && !readHead(ctx, in))
            {
                return;
            }
            if (cumulation != null)
            {
                cumulation.writeBytes(in);
                readFrames(ctx, cumulation);
                if (!cumulation.isReadable())
                {
                    cumulation.release();
                    cumulation = null;
                }
                else
                {
                    cumulation.discardReadBytes();
                }
            }
            else
            {
                readFrames(ctx, in);
                if (in.isReadable() && ctx.channel().isActive())
                {
                    cumulation = ctx.alloc().heapBuffer(Math.max(256, in.readableBytes() * 2));
                    cumulation.writeBytes(in);
                }
            }
        }
        finally
        {
            in.release();
        }
    }

    /** Reads the upgrade response head; true once the upgrade is done and {@code in} holds only frames. */
    private boolean readHead(final ChannelHandlerContext ctx, final ByteBuf in)
    {
        final int arrived = in.readableBytes();
        if (headLength + arrived > UpgradeRequest.MAX_RESPONSE_BYTES)
        {
            agent.noteProblem("the upgrade response is larger than " + UpgradeRequest.MAX_RESPONSE_BYTES + " bytes");
            ctx.close();
            return false;
        }
        if (headLength + arrived > head.length)
        {
            head = java.util.Arrays.copyOf(head, Math.max(head.length * 2, headLength + arrived));
        }
        in.getBytes(in.readerIndex(), head, headLength, arrived);
        final int end = UpgradeRequest.headEnd(head, headLength + arrived);
        if (end < 0)
        {
            headLength += arrived;
            in.skipBytes(arrived);
            return false;
        }
        in.skipBytes(end - headLength);
        final String refusal = agent.upgradeRequest().refusal(head, end);
        head = null;
        if (refusal != null)
        {
            agent.noteProblem(refusal);
            ctx.close();
            return false;
        }
        upgraded = true;
        user.onUpgraded(ctx.channel());
        return true;
    }

    private void readFrames(final ChannelHandlerContext ctx, final ByteBuf in)
    {
        final ServerFrameReader reader = agent.reader().frames();
        while (ctx.channel().isActive())
        {
            final ServerFrameReader.Result result = reader.next(in);
            if (result == ServerFrameReader.Result.INCOMPLETE)
            {
                return;
            }
            if (result == ServerFrameReader.Result.PROTOCOL_ERROR)
            {
                agent.measurements().errors[ErrorCodes.MALFORMED]++;
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
            onFrame(ctx, in, reader);
        }
    }

    private void onFrame(final ChannelHandlerContext ctx, final ByteBuf in, final ServerFrameReader reader)
    {
        switch (reader.opcode())
        {
            case ServerFrameReader.OPCODE_TEXT:
                user.onMessage(ctx.channel(), agent.reader().text(in), System.nanoTime());
                break;
            case ServerFrameReader.OPCODE_CLOSE:
                closeCode = reader.payloadLength() >= 2 ? in.getUnsignedShort(reader.payloadIndex()) : LoopMeasurements.CLOSE_NO_STATUS;
                break;
            case ServerFrameReader.OPCODE_PING:
                ctx.writeAndFlush(agent.proxy().pong(ctx.alloc(), in, reader.payloadIndex(), reader.payloadLength()), ctx.voidPromise());
                break;
            case ServerFrameReader.OPCODE_PONG:
                break;
            default:
                agent.measurements().errors[ErrorCodes.MALFORMED]++;
                break;
        }
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        user.flush();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (cumulation != null)
        {
            cumulation.release();
            cumulation = null;
        }
        user.onConnectionLost(ctx.channel(), closeCode, System.nanoTime());
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (!(cause instanceof java.io.IOException))
        {
            agent.noteProblem("connection error: " + cause);
        }
        ctx.close();
    }
}
