package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;

/**
 * A user's hello as the wire carries it (the masked frame decoded here): plain until the session has
 * a sid and a carry, then with the latest carry and the highest acked seq, as pulse.js sends them;
 * a new session drops both, and a carry that could not be read counts as malformed and keeps the last.
 */
class UserCarryTest
{
    private static final byte[] SID = ascii("0123456789abcdeffedcba9876543210");

    private final LoopMeasurements measured = new LoopMeasurements();
    private final UserCarry carry = new UserCarry(measured);
    private final ClientFrameProxy proxy = new ClientFrameProxy(7);
    private final ServerMessageScanner scanner = new ServerMessageScanner();
    private final ServerMessage message = new ServerMessage();

    @Test
    void withoutACarryTheHelloIsThePlainOne() throws Exception
    {
        carry.acked(5);

        final JsonNode resume = hello(SID.length);
        assertThat(resume.get("sid").asText()).isEqualTo("0123456789abcdeffedcba9876543210");
        assertThat(resume.has("carry")).isFalse();
        assertThat(resume.has("acked")).isFalse();
        receive("c1.first.mac");
        assertThat(hello(0).has("sid")).as("a new session has nothing to carry").isFalse();
        assertThat(hello(0).has("carry")).isFalse();
        assertThat(measured.hellosWithCarry).isZero();
    }

    @Test
    void theLatestCarryAndTheHighestAckGoInTheResumingHello() throws Exception
    {
        receive("c1.first.mac");
        carry.acked(7);
        receive("c1.second-_.mac");
        carry.acked(3);

        final JsonNode resume = hello(SID.length);
        assertThat(resume.get("t").asText()).isEqualTo("hello");
        assertThat(resume.get("sid").asText()).isEqualTo("0123456789abcdeffedcba9876543210");
        assertThat(resume.get("carry").asText()).isEqualTo("c1.second-_.mac");
        assertThat(resume.get("acked").asLong()).isEqualTo(7);
        assertThat(resume.get("ctx").get("device").asText()).isEqualTo("desktop");
        assertThat(measured.carriesReceived).isEqualTo(2);
        assertThat(measured.hellosWithCarry).isEqualTo(1);

        carry.onWelcome(true);
        assertThat(hello(SID.length).get("carry").asText()).as("a resume keeps both").isEqualTo("c1.second-_.mac");
        carry.onWelcome(false);
        assertThat(hello(SID.length).has("carry")).as("a new session drops both").isFalse();
        receive("c1.third.mac");
        assertThat(hello(SID.length).get("acked").asLong()).isZero();
    }

    @Test
    void aCarryThatCouldNotBeReadIsMalformedAndTheLastOneStays() throws Exception
    {
        receive("c1.good.mac");
        receive("c1.bad\\\"quote");

        assertThat(measured.errors[ErrorCodes.MALFORMED]).isEqualTo(1);
        assertThat(measured.carriesReceived).isEqualTo(1);
        assertThat(hello(SID.length).get("carry").asText()).isEqualTo("c1.good.mac");
    }

    @Test
    void anAnswerToAQuestionFromBeforeAHelloWithACarryMayBeRefusedOnceAsUnknown() throws Exception
    {
        receive("c1.good.mac");
        hello(SID.length);
        carry.questionHeld();
        carry.answered(5);
        assertThat(carry.excuses(refusal(5))).as("the question came on this connection").isFalse();

        hello(SID.length);
        assertThat(carry.excuses(refusal(6))).as("another seq").isFalse();
        assertThat(carry.excuses(refusal(5))).as("resent to a node that never showed it").isTrue();
        assertThat(carry.excuses(refusal(5))).as("once").isFalse();

        carry.questionHeld();
        hello(SID.length);
        carry.answered(8);
        final byte[] otherCode = ascii("{\"t\":\"error\",\"code\":\"unknown_choice\",\"seq\":8}");
        assertThat(carry.excuses(scanner.scan(otherCode, otherCode.length, new ServerMessage()))).as("another code").isFalse();
        assertThat(carry.excuses(refusal(8))).as("first sent after the hello").isTrue();

        carry.questionHeld();
        carry.answered(9);
        assertThat(carry.excuses(refusal(9))).as("a question of this connection").isFalse();
        carry.onWelcome(false);
        carry.questionHeld();
        hello(0);
        carry.answered(1);
        assertThat(carry.excuses(refusal(1))).as("a new session's hello carries nothing").isFalse();
        assertThat(measured.orphanedAnswers).isEqualTo(2);
    }

    @Test
    void theLongestCarryFitsTheHello() throws Exception
    {
        final String longest = "c".repeat(ServerMessage.MAX_CARRY_LENGTH);
        receive(longest);
        carry.acked(Long.MAX_VALUE / 2);

        final JsonNode resume = hello(SID.length);
        assertThat(resume.get("carry").asText()).isEqualTo(longest);
        assertThat(resume.get("acked").asLong()).isEqualTo(Long.MAX_VALUE / 2);
    }

    private ServerMessage refusal(final long seq)
    {
        final byte[] json = ascii("{\"t\":\"error\",\"code\":\"unknown_intervention\",\"seq\":" + seq + ",\"msg\":\"no such iid\"}");
        return scanner.scan(json, json.length, new ServerMessage());
    }

    private void receive(final String carryText)
    {
        final byte[] json = ascii("{\"t\":\"carry\",\"carry\":\"" + carryText + "\"}");
        assertThat(scanner.scan(json, json.length, message).type).isEqualTo(ServerMessage.Type.CARRY);
        carry.keep(message);
    }

    /** The hello the user would send for a session whose sid is the first {@code sidLength} bytes of {@link #SID}, unmasked. */
    private JsonNode hello(final int sidLength) throws Exception
    {
        final ByteBuf frame = carry.hello(proxy, UnpooledByteBufAllocator.DEFAULT, SID, sidLength);
        try
        {
            assertThat((int)frame.readUnsignedByte()).as("FIN, text").isEqualTo(0x81);
            final int lengthByte = frame.readUnsignedByte();
            assertThat(lengthByte & 0x80).as("masked").isEqualTo(0x80);
            final int length = (lengthByte & 0x7F) < 126 ? lengthByte & 0x7F : frame.readUnsignedShort();
            final byte[] mask = new byte[4];
            frame.readBytes(mask);
            final byte[] payload = new byte[length];
            frame.readBytes(payload);
            assertThat(frame.isReadable()).isFalse();
            for (int i = 0; i < length; i++)
            {
                payload[i] ^= mask[i & 3];
            }
            return new ObjectMapper().readTree(payload);
        }
        finally
        {
            frame.release();
        }
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
