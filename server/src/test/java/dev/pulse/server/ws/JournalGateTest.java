package dev.pulse.server.ws;

import java.nio.file.Path;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acks and held questions go out only once the journal has written the records they speak for.
 * The journal here never gets the positions these tests use (far beyond anything written), so
 * only {@link JournalGate#onJournalWritten} lets them out, as the loop's JournalHold would.
 */
class JournalGateTest
{
    /** Far beyond what the journal writes in a test: only onJournalWritten reaches it. */
    private static final long RECORDS_POSITION = 1L << 40;

    @TempDir
    Path dir;

    private final ConnectionState connection = new ConnectionState();
    private final WriteCounter counter = new WriteCounter();
    private LoopFixture fixture;
    private Metrics metrics;
    private EmbeddedChannel channel;
    private ConnectionCloser closer;
    private JournalGate gate;
    private int stalls;

    @BeforeEach
    void open() throws Exception
    {
        final CatalogLoader loader = new CatalogLoader();
        final LiveCatalog catalog = new LiveCatalog(loader, loader.loadDemo().catalog(), null);
        // Wake-ups from the journal thread are dropped: the tests call onJournalWritten themselves.
        fixture = new LoopFixture(dir, catalog);
        metrics = fixture.metrics;
        channel = new EmbeddedChannel(counter, new ChannelOutboundHandlerAdapter(), new ChannelInboundHandlerAdapter());
        closer = new ConnectionCloser(metrics);
        final WriteStallGuard writeStall = new WriteStallGuard(60_000, Long.MAX_VALUE, () -> stalls++);
        gate = new JournalGate(connection, fixture.journal, metrics, closer, writeStall);
        final ChannelHandlerContext ctx = channel.pipeline().lastContext();
        closer.attach(ctx, connection);
        writeStall.attach(ctx);
        gate.attach(ctx, fixture.loop);
        connection.helloed = true;
        gate.helloed();
    }

    @AfterEach
    void close() throws Exception
    {
        channel.finishAndReleaseAll();
        fixture.close();
    }

    @Test
    void shouldAckOnlyOnceTheJournalHasWrittenTheAckedMessagesRecords()
    {
        connection.lastSeq = 1;
        gate.handled(RECORDS_POSITION, false, true);
        assertThat(channel.<Object>readOutbound()).as("its record is not written yet").isNull();

        assertThat(gate.onJournalWritten(RECORDS_POSITION - 1)).as("still waiting").isFalse();
        assertThat(channel.<Object>readOutbound()).isNull();
        assertThat(gate.onJournalWritten(RECORDS_POSITION)).as("nothing waits any more").isTrue();

        assertThat(nextText()).contains("\"t\":\"ack\"").contains("\"seq\":1");
        assertThat(connection.ackedSeq).isEqualTo(1);
    }

    @Test
    void shouldGiveWhatWasHandledWhileAnAckWaitedTheNextAck()
    {
        connection.lastSeq = 1;
        gate.handled(RECORDS_POSITION, false, true);
        connection.lastSeq = 2;
        gate.handled(RECORDS_POSITION + 10, false, true);

        assertThat(gate.onJournalWritten(RECORDS_POSITION)).isFalse();
        assertThat(nextText()).contains("\"seq\":1");
        assertThat(channel.<Object>readOutbound()).isNull();
        assertThat(gate.onJournalWritten(RECORDS_POSITION + 10)).isTrue();
        assertThat(nextText()).contains("\"seq\":2");
    }

    @Test
    void shouldHoldBackTheAckOfAClientThatIsNotReading()
    {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1, 2));
        channel.write(new TextWebSocketFrame("backed up"));
        assertThat(channel.isWritable()).isFalse();
        connection.lastSeq = 1;

        gate.handled(0, false, true);
        assertThat(gate.onJournalWritten(RECORDS_POSITION)).isTrue();
        channel.flush();
        ReferenceCountUtil.release(channel.readOutbound());
        assertThat(channel.<Object>readOutbound()).as("no ack while not reading").isNull();

        assertThat(channel.isWritable()).isTrue();
        gate.requestAck();
        channel.flush();
        assertThat(nextText()).contains("\"seq\":1");
    }

    @Test
    void shouldSendAHeldQuestionOnceItsRecordIsWritten()
    {
        final TextWebSocketFrame question = new TextWebSocketFrame("{\"t\":\"question\"}");
        hold(question);
        assertThat(connection.heldIid).isEqualTo(3);
        assertThat(channel.<Object>readOutbound()).isNull();

        assertThat(gate.onJournalWritten(RECORDS_POSITION)).isTrue();

        assertThat(channel.<TextWebSocketFrame>readOutbound()).isSameAs(question);
        question.release();
        assertThat(connection.heldIid).isZero();
        assertThat(metrics.prometheusText()).contains("pulse_questions_shown_total 1");
    }

    @Test
    void shouldFlushAnAckAndAQuestionTheJournalLetsOutTogetherOnceWithNoPromises()
    {
        connection.lastSeq = 1;
        gate.handled(RECORDS_POSITION, false, true);
        final TextWebSocketFrame question = new TextWebSocketFrame("{\"t\":\"question\"}");
        hold(question);
        counter.reset();

        assertThat(gate.onJournalWritten(RECORDS_POSITION)).isTrue();

        assertThat(counter.writes).as("the ack and the question").isEqualTo(2);
        assertThat(counter.voidWrites).as("nobody listens: no promise made").isEqualTo(2);
        assertThat(counter.flushes).as("one flush for both").isEqualTo(1);
        assertThat(nextText()).contains("\"t\":\"ack\"");
        assertThat(channel.<TextWebSocketFrame>readOutbound()).isSameAs(question);
        question.release();
    }

    @Test
    void shouldLeaveAQuestionLetOutWithinAReadToTheFlushAtTheEndOfTheReadBatch()
    {
        final TextWebSocketFrame question = new TextWebSocketFrame("{\"t\":\"question\"}");
        counter.reset();

        gate.hold(question, 0, System.nanoTime(), 3, "q-help", 1);

        assertThat(counter.writes).as("its record is already written: sent at once").isEqualTo(1);
        assertThat(counter.voidWrites).isEqualTo(1);
        assertThat(counter.flushes).as("the read batch flushes, not each message").isZero();
        channel.flush();
        assertThat(channel.<TextWebSocketFrame>readOutbound()).isSameAs(question);
        question.release();
    }

    @Test
    void shouldNeverSendAWithdrawnQuestion()
    {
        final TextWebSocketFrame question = new TextWebSocketFrame("{\"t\":\"question\"}");
        hold(question);

        gate.withdrawHeldQuestion();

        assertThat(question.refCnt()).isZero();
        assertThat(gate.onJournalWritten(RECORDS_POSITION)).isTrue();
        assertThat(channel.<Object>readOutbound()).isNull();
        assertThat(metrics.prometheusText()).contains("pulse_questions_unseen_total 1").contains("pulse_questions_shown_total 0");
    }

    @Test
    void shouldRecordAQuestionUnseenWhenTheConnectionClosesFirst()
    {
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter()
        {
            @Override
            public void write(final ChannelHandlerContext ctx, final Object message, final ChannelPromise promise)
            {
                ReferenceCountUtil.release(message); // a client that does not read: the channel stays open
            }
        });
        final TextWebSocketFrame question = new TextWebSocketFrame("{\"t\":\"question\"}");
        hold(question);
        closer.closeWith(CloseCode.GOING_AWAY);

        assertThat(gate.onJournalWritten(RECORDS_POSITION)).isTrue();

        assertThat(question.refCnt()).isZero();
        assertThat(connection.heldIid).isZero();
        assertThat(metrics.prometheusText()).contains("pulse_questions_unseen_total 1").contains("pulse_questions_shown_total 0");
    }

    @Test
    void shouldRecordAQuestionUnseenWhenTheConnectionEnds()
    {
        final TextWebSocketFrame question = new TextWebSocketFrame("{\"t\":\"question\"}");
        hold(question);

        gate.connectionEnded();

        assertThat(question.refCnt()).isZero();
        assertThat(connection.heldIid).isZero();
        assertThat(metrics.prometheusText()).contains("pulse_questions_unseen_total 1");
    }

    @Test
    void shouldDropTheHeldQuestionIfASecondIsEverAsked()
    {
        final TextWebSocketFrame first = new TextWebSocketFrame("{\"t\":\"question\",\"n\":1}");
        final TextWebSocketFrame second = new TextWebSocketFrame("{\"t\":\"question\",\"n\":2}");
        hold(first);

        hold(second);

        assertThat(first.refCnt()).isZero();
        assertThat(metrics.internalErrors()).isEqualTo(1);
        assertThat(gate.onJournalWritten(RECORDS_POSITION)).isTrue();
        assertThat(channel.<TextWebSocketFrame>readOutbound()).isSameAs(second);
        second.release();
    }

    private void hold(final TextWebSocketFrame question)
    {
        gate.hold(question, RECORDS_POSITION, System.nanoTime(), 3, "q-help", 1);
    }

    private String nextText()
    {
        final TextWebSocketFrame frame = channel.readOutbound();
        assertThat(frame).isNotNull();
        final String text = frame.text();
        frame.release();
        return text;
    }
}
