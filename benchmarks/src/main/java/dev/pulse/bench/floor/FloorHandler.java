package dev.pulse.bench.floor;

import java.util.concurrent.ThreadLocalRandom;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * One floor connection: just enough of the protocol for the load generator's {@code browse} and
 * {@code back_and_forth} journeys. {@code hello} gets a {@code welcome} under a new sid; every
 * message is acknowledged cumulatively, coalesced like Pulse's (once per read batch, at once after an
 * {@code answer}, or at 64 unacknowledged); the third {@code page} with {@code nav:"back"} between
 * the same two URLs gets the fixed question (once per connection); an {@code answer} to it gets the
 * fixed response. No session store, catalog, journal or validation: the cost of the network stack.
 */
final class FloorHandler extends ChannelInboundHandlerAdapter
{
    private static final int ACK_AT_UNACKED = 64;
    private static final int BACKS_TO_ASK = 3;
    private static final byte[] HELLO = FloorMessage.ascii("hello");
    private static final byte[] PAGE = FloorMessage.ascii("page");
    private static final byte[] ANSWER = FloorMessage.ascii("answer");
    private static final byte[] BACK = FloorMessage.ascii("back");

    private final FloorMessage message = new FloorMessage();
    private ChannelHandlerContext ctx;
    private boolean helloed;
    private long lastSeq;
    private long ackedSeq;
    private int unacked;
    private long previousUrl;
    private long currentUrl;
    private long backFrom;
    private long backTo;
    private int backs;
    private boolean asked;
    private boolean questionOpen;

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object frame)
    {
        if (!(frame instanceof TextWebSocketFrame))
        {
            ctx.fireChannelRead(frame);
            return;
        }
        try
        {
            onText(message.read(((TextWebSocketFrame)frame).content()));
        }
        finally
        {
            ReferenceCountUtil.release(frame);
        }
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        if (lastSeq > ackedSeq)
        {
            writeAck();
        }
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    private void onText(final FloorMessage in)
    {
        if (!helloed)
        {
            if (!in.valid() || !in.typeIs(HELLO))
            {
                ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION)).addListener(f -> ctx.close());
                return;
            }
            helloed = true;
            ctx.write(new TextWebSocketFrame(FloorReplies.welcome(ctx.alloc(), ThreadLocalRandom.current())));
            return;
        }
        if (!in.valid() || in.seq() <= lastSeq)
        {
            return;
        }
        lastSeq = in.seq();
        boolean ackNow = false;
        if (in.typeIs(PAGE))
        {
            onPage(in.urlHash(), in.navIs(BACK));
        }
        else if (in.typeIs(ANSWER) && questionOpen && in.hasChoice())
        {
            questionOpen = false;
            final ByteBuf response = FloorReplies.responseStart(ctx.alloc());
            in.writeChoice(response);
            ctx.write(new TextWebSocketFrame(FloorReplies.responseEnd(response)));
            ackNow = true;
        }
        if (ackNow || ++unacked >= ACK_AT_UNACKED)
        {
            writeAck();
        }
    }

    /** Counts backs between the same two pages; the third asks the fixed question. */
    private void onPage(final long url, final boolean back)
    {
        questionOpen = false;
        if (back && url == previousUrl)
        {
            final boolean samePair = (url == backTo && currentUrl == backFrom) || (url == backFrom && currentUrl == backTo);
            backs = samePair ? backs + 1 : 1;
            backFrom = currentUrl;
            backTo = url;
            if (backs == BACKS_TO_ASK && !asked)
            {
                asked = true;
                questionOpen = true;
                ctx.write(new TextWebSocketFrame(FloorReplies.question(ctx.alloc())));
            }
        }
        previousUrl = currentUrl;
        currentUrl = url;
    }

    private void writeAck()
    {
        ackedSeq = lastSeq;
        unacked = 0;
        ctx.write(new TextWebSocketFrame(FloorReplies.ack(ctx.alloc(), ackedSeq)));
    }
}
