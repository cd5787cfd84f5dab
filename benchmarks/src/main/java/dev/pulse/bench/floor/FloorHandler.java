package dev.pulse.bench.floor;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import dev.pulse.journal.JournalHold;
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
 * fixed response. No catalog or validation, and no session store unless it is given one
 * ({@link FloorSessions}): then each message is applied to its session's entry first, and only a new
 * one (the owner's, a seq above the last) goes on; and no journal unless it is given one too
 * ({@link FloorJournal}): then the hello, the question and the answer make Pulse's records, and an
 * ack waits until the journal has written the records of the messages it covers.
 */
final class FloorHandler extends ChannelInboundHandlerAdapter implements JournalHold.Waiting
{
    private static final int ACK_AT_UNACKED = 64;
    private static final int BACKS_TO_ASK = 3;
    private static final byte[] HELLO = FloorMessage.ascii("hello");
    private static final byte[] PAGE = FloorMessage.ascii("page");
    private static final byte[] ANSWER = FloorMessage.ascii("answer");
    private static final byte[] BACK = FloorMessage.ascii("back");
    /** What an answer's records say was chosen (the floor does not copy the choice out; its length is a choice id's). */
    private static final String ANSWERED_CHOICE = "b";

    private static final AtomicLong CONNECTION_IDS = new AtomicLong();

    private final FloorMessage message = new FloorMessage();
    private final FloorSessions sessions;
    private final FloorJournal journal;
    private final long connectionId = CONNECTION_IDS.incrementAndGet();
    private FloorJournal.LoopJournal loopJournal;
    /** Where the journal must have written to for this connection's records so far (0: nothing waits). */
    private long recordPosition;
    private ChannelHandlerContext ctx;
    private long sidHi;
    private long sidLo;
    private boolean stored;
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

    /**
     * @param sessions where sessions are kept, or null for none.
     * @param journal  where their records go, or null for none (only with sessions).
     */
    FloorHandler(final FloorSessions sessions, final FloorJournal journal)
    {
        this.sessions = sessions;
        this.journal = journal;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (stored)
        {
            sessions.left(sidHi, sidLo, connectionId);
        }
        if (loopJournal != null)
        {
            loopJournal.forget(this);
        }
        ctx.fireChannelInactive();
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
            final ThreadLocalRandom random = ThreadLocalRandom.current();
            sidHi = random.nextLong();
            sidLo = random.nextLong();
            stored = sessions != null;
            if (stored && !sessions.start(sidHi, sidLo, connectionId, System.nanoTime() / 1_000_000))
            {
                stored = false;
                refuse();
                return;
            }
            if (stored && journal != null)
            {
                loopJournal = journal.loop(ctx.channel().eventLoop());
                if (!recorded(loopJournal.sessionStart(sidHi, sidLo)))
                {
                    return;
                }
            }
            ctx.write(new TextWebSocketFrame(FloorReplies.welcome(ctx.alloc(), sidHi, sidLo)));
            return;
        }
        if (!in.valid() || in.seq() <= lastSeq)
        {
            return;
        }
        if (stored && !sessions.event(sidHi, sidLo, connectionId, in.seq(), System.nanoTime() / 1_000_000))
        {
            return;
        }
        lastSeq = in.seq();
        boolean ackNow = false;
        if (in.typeIs(PAGE))
        {
            onPage(in.urlHash(), in.navIs(BACK), in.seq());
        }
        else if (in.typeIs(ANSWER) && questionOpen && in.hasChoice())
        {
            questionOpen = false;
            if (loopJournal != null && !recorded(loopJournal.answered(sidHi, sidLo, in.seq(), ANSWERED_CHOICE)))
            {
                return;
            }
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
    private void onPage(final long url, final boolean back, final long seq)
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
                if (loopJournal != null && !recorded(loopJournal.questionShown(sidHi, sidLo, seq)))
                {
                    return;
                }
                ctx.write(new TextWebSocketFrame(FloorReplies.question(ctx.alloc())));
            }
        }
        previousUrl = currentUrl;
        currentUrl = url;
    }

    /** A record taken at {@code position} is waited for before the next ack; one refused (0: the ring full) refuses the connection. */
    private boolean recorded(final long position)
    {
        if (position == 0)
        {
            refuse();
            return false;
        }
        recordPosition = Math.max(recordPosition, position);
        return true;
    }

    /**
     * No room for the session or its records: closed with 1013 as Pulse refuses it, visibly to the generator, never served
     * without the work being measured.
     */
    private void refuse()
    {
        ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.TRY_AGAIN_LATER)).addListener(f -> ctx.close());
    }

    /**
     * With the journal, the journal thread has written up to {@code writtenPosition}: the ack held for
     * this connection's records goes if they are written. True once nothing waits.
     */
    @Override
    public boolean onJournalWritten(final long writtenPosition)
    {
        if (recordPosition > writtenPosition)
        {
            return false;
        }
        recordPosition = 0;
        if (lastSeq > ackedSeq && ctx.channel().isActive())
        {
            writeAck();
            ctx.flush();
        }
        return true;
    }

    /** Acks every message handled, once their records are written (else the journal's release does). */
    private void writeAck()
    {
        if (recordPosition != 0 && recordPosition > journal.writtenPosition())
        {
            loopJournal.hold(this);
            return;
        }
        recordPosition = 0;
        ackedSeq = lastSeq;
        unacked = 0;
        ctx.write(new TextWebSocketFrame(FloorReplies.ack(ctx.alloc(), ackedSeq)));
    }
}
