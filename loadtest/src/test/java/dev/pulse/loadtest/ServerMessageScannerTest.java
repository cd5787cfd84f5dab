package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import dev.pulse.server.carry.CarryCodec;
import dev.pulse.server.protocol.ErrorCode;
import dev.pulse.server.ws.MessageEncoder;

/**
 * The scanner reads the fields the generator acts on from the frames the real server writes
 * ({@link MessageEncoder}), from the protocol's question and response shapes, and refuses what is
 * not one JSON object, without being fooled by key names inside strings.
 */
class ServerMessageScannerTest
{
    private final ServerMessageScanner scanner = new ServerMessageScanner();
    private final ServerMessage message = new ServerMessage();

    @Test
    void readsTheServersWelcome()
    {
        final ServerMessage welcome = scan(MessageEncoder.welcome(
            UnpooledByteBufAllocator.DEFAULT, 0x0123456789abcdefL, 0xfedcba9876543210L, true, 42, new char[64]));

        assertThat(welcome.type).isEqualTo(ServerMessage.Type.WELCOME);
        assertThat(new String(welcome.sid, 0, welcome.sidLength, StandardCharsets.US_ASCII)).isEqualTo("0123456789abcdeffedcba9876543210");
        assertThat(welcome.resumed).isTrue();
        assertThat(welcome.hasSeq).isTrue();
        assertThat(welcome.seq).isEqualTo(42);

        final ServerMessage fresh = scan(MessageEncoder.welcome(UnpooledByteBufAllocator.DEFAULT, 1, 2, false, 0, new char[64]));
        assertThat(fresh.resumed).isFalse();
        assertThat(fresh.seq).isZero();
    }

    @Test
    void readsTheServersAckAndErrors()
    {
        final ServerMessage ack = scan(MessageEncoder.ack(UnpooledByteBufAllocator.DEFAULT, 9_007_199_254_740_993L));
        assertThat(ack.type).isEqualTo(ServerMessage.Type.ACK);
        assertThat(ack.seq).isEqualTo(9_007_199_254_740_993L);

        final ServerMessage limited = scan(MessageEncoder.error(UnpooledByteBufAllocator.DEFAULT, ErrorCode.RATE_LIMITED, true, 17,
            "too many messages: \"seq\" dropped"));
        assertThat(limited.type).isEqualTo(ServerMessage.Type.ERROR);
        assertThat(ErrorCodes.NAMES[limited.errorCode]).isEqualTo("rate_limited");
        assertThat(limited.seq).isEqualTo(17);

        final ServerMessage noSeq = scan(MessageEncoder.error(UnpooledByteBufAllocator.DEFAULT, ErrorCode.OUT_OF_ORDER, false, 0, "x"));
        assertThat(ErrorCodes.NAMES[noSeq.errorCode]).isEqualTo("out_of_order");
        assertThat(noSeq.hasSeq).isFalse();
    }

    @Test
    void readsTheServersLongestCarry()
    {
        assertThat(ServerMessage.MAX_CARRY_LENGTH).isGreaterThanOrEqualTo(CarryCodec.MAX_TEXT);
        final String text = "c1." + "A-_z09".repeat(CarryCodec.MAX_TEXT).substring(0, CarryCodec.MAX_TEXT - 3);
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

        final ServerMessage carry = scan(MessageEncoder.carry(UnpooledByteBufAllocator.DEFAULT, bytes, bytes.length));

        assertThat(carry.type).isEqualTo(ServerMessage.Type.CARRY);
        assertThat(new String(carry.carry, 0, carry.carryLength, StandardCharsets.US_ASCII)).isEqualTo(text);
        assertThat(scan("{\"t\":\"ack\",\"seq\":3}").carryLength).as("cleared for the next message").isZero();
    }

    @Test
    void aCarryThatCannotBeEchoedAsIsIsLeftEmpty()
    {
        for (final String bad : new String[] {"{\"t\":\"carry\",\"carry\":\"c1.a\\\"b\"}", "{\"t\":\"carry\",\"carry\":17}",
            "{\"t\":\"carry\",\"carry\":{\"c\":\"1\"}}", "{\"t\":\"carry\",\"carry\":\"" + "a".repeat(ServerMessage.MAX_CARRY_LENGTH + 1) + "\"}",
            "{\"t\":\"carry\"}"})
        {
            final ServerMessage carry = scan(bad);
            assertThat(carry.type).as(bad).isEqualTo(ServerMessage.Type.CARRY);
            assertThat(carry.carryLength).as(bad).isZero();
        }
        assertThat(scan("{\"t\":\"carry\",\"carry\":\"c1.x").type).isEqualTo(ServerMessage.Type.MALFORMED);
    }

    @Test
    void readsAQuestionsIidAndFirstChoice()
    {
        final ServerMessage question = scan("{\"t\":\"question\",\"iid\":\"3\",\"qid\":\"back_and_forth\"," +
            "\"text\":\"Going back and forth: \\\"what\\\" are you {comparing}?\",\"choices\":[" +
            "{\"id\":\"a\",\"label\":\"Something I can't find\"},{\"id\":\"b\",\"label\":\"Something isn't clear\"}," +
            "{\"id\":\"c\",\"label\":\"Just looking\"}]}");

        assertThat(question.type).isEqualTo(ServerMessage.Type.QUESTION);
        assertThat(question.hasIid).isTrue();
        assertThat(new String(question.iid, 0, question.iidLength, StandardCharsets.US_ASCII)).isEqualTo("3");
        assertThat(new String(question.choice, 0, question.choiceLength, StandardCharsets.US_ASCII)).isEqualTo("a");
    }

    @Test
    void readsAResponseAndIgnoresFieldsItDoesNotKnow()
    {
        final ServerMessage response = scan("{\"t\":\"response\",\"iid\":\"12\",\"choice\":\"a\",\"title\":\"Here\"," +
            "\"body\":\"seq: \\u0041\",\"cta\":{\"label\":\"Go on\",\"url\":\"/thanks\"},\"future\":[1,2.5e3,null,true]}");

        assertThat(response.type).isEqualTo(ServerMessage.Type.RESPONSE);
        assertThat(new String(response.iid, 0, response.iidLength, StandardCharsets.US_ASCII)).isEqualTo("12");
        assertThat(response.hasSeq).isFalse();
    }

    @Test
    void anIidNeedNotBeDecimalButMustBeEchoableAsIs()
    {
        assertThat(new String(scan("{\"t\":\"question\",\"iid\":\"q-7\",\"choices\":[{\"id\":\"x\"}]}").iid, 0, 3,
            StandardCharsets.US_ASCII)).isEqualTo("q-7");
        assertThat(scan("{\"t\":\"question\",\"iid\":41,\"choices\":[{\"id\":\"x\"}]}").iidLength).isEqualTo(2);
        assertThat(scan("{\"t\":\"question\",\"iid\":\"a\\\"b\",\"choices\":[]}").hasIid).isFalse();
        assertThat(scan("{\"t\":\"question\",\"iid\":\"\",\"choices\":[]}").hasIid).isFalse();
        assertThat(scan("{\"t\":\"question\",\"iid\":{\"n\":1},\"choices\":[]}").hasIid).isFalse();
    }

    @Test
    void aKeyNameInsideAStringDoesNotMatch()
    {
        final ServerMessage other = scan("{\"t\":\"notice\",\"msg\":\"\\\"seq\\\":5\"}");

        assertThat(other.type).isEqualTo(ServerMessage.Type.OTHER);
        assertThat(other.hasSeq).isFalse();
    }

    @Test
    void whatIsNotOneObjectIsMalformed()
    {
        for (final String bad : new String[] {"", "[1,2]", "{\"t\":\"ack\",\"seq\":1", "{\"t\":\"ack\",\"seq\":1}{}",
            "{\"t\":\"ack\" \"seq\":1}", "{\"t\":\"ack\",\"seq\":\"1}", "{'t':'ack'}", "\"ack\""})
        {
            assertThat(scan(bad).type).as(bad).isEqualTo(ServerMessage.Type.MALFORMED);
        }
    }

    private ServerMessage scan(final TextWebSocketFrame frame)
    {
        final ByteBuf content = frame.content();
        try
        {
            final byte[] bytes = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), bytes);
            return scanner.scan(bytes, bytes.length, message);
        }
        finally
        {
            frame.release();
        }
    }

    private ServerMessage scan(final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return scanner.scan(bytes, bytes.length, message);
    }
}
