package dev.pulse.server.ws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.AllocationWindows;
import dev.pulse.detect.NavType;
import dev.pulse.server.protocol.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

class EventDecoderTest
{
    private final EventDecoder decoder = new EventDecoder(4096);
    private final DecodedMessage message = new DecodedMessage();

    private DecodedMessage decode(final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(bytes, bytes.length, message);
    }

    @Test
    void shouldDecodeAHelloWithItsContext()
    {
        decode("{\"t\":\"hello\",\"v\":1,\"sid\":\"0123456789abcdef0123456789abcdef\",\"url\":\"/x\",\"ctx\":{\"device\":\"mobile\",\"tier\":\"gold\"}}");
        assertThat(message.error()).isNull();
        assertThat(message.type()).isEqualTo(MessageType.HELLO);
        assertThat(message.version()).isEqualTo(1);
        assertThat(message.sid().toString()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(message.contextCount()).isEqualTo(2);
        assertThat(message.contextKey(1).toString()).isEqualTo("tier");
        assertThat(message.contextValue(1).toString()).isEqualTo("gold");
    }

    @Test
    void shouldDecodeAHelloVisitorIdAndRefuseABadOne()
    {
        assertThat(decode("{\"t\":\"hello\",\"v\":1,\"vid\":\"0123456789abcdef0123456789abcdef\"}").error()).isNull();
        assertThat(message.vid().toString()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(decode("{\"t\":\"hello\",\"v\":1}").vid().present()).as("optional").isFalse();
        assertThat(decode("{\"t\":\"hello\",\"v\":1,\"vid\":null}").error()).isNull();
        for (final String bad : new String[] {"\"\"", "\"a.b\"", "\"" + "x".repeat(65) + "\"", "42", "\"\\u00e9\""})
        {
            assertThat(decode("{\"t\":\"hello\",\"v\":1,\"vid\":" + bad + "}").error()).as(bad).isEqualTo(ErrorCode.BAD_MESSAGE);
        }
        assertThat(decode("{\"t\":\"hello\",\"v\":1,\"vid\":\"a b\"}").errorDetail()).isEqualTo(dev.pulse.server.auth.VisitorId.RULE);
        assertThat(decode("{\"t\":\"hello\",\"v\":1,\"vid\":\"a\",\"vid\":\"b\"}").error()).as("twice").isEqualTo(ErrorCode.BAD_MESSAGE);
    }

    @Test
    void shouldDecodeAFeedbackAndRefuseOneWithoutABooleanHelpful()
    {
        final DecodedMessage no = decode("{\"t\":\"feedback\",\"seq\":4,\"iid\":\"3\",\"helpful\":false}");
        assertThat(no.error()).isNull();
        assertThat(no.type()).isEqualTo(MessageType.FEEDBACK);
        assertThat(no.iid().toString()).isEqualTo("3");
        assertThat(no.helpful()).isFalse();
        assertThat(decode("{\"t\":\"feedback\",\"seq\":5,\"iid\":\"3\",\"helpful\":true}").helpful()).isTrue();
        for (final String bad : new String[] {"{\"t\":\"feedback\",\"seq\":6,\"iid\":\"3\"}",
            "{\"t\":\"feedback\",\"seq\":6,\"iid\":\"3\",\"helpful\":\"true\"}",
            "{\"t\":\"feedback\",\"seq\":6,\"iid\":\"3\",\"helpful\":1}",
            "{\"t\":\"feedback\",\"seq\":6,\"helpful\":true}",
            "{\"t\":\"feedback\",\"seq\":6,\"iid\":\"3\",\"helpful\":true,\"helpful\":false}"})
        {
            assertThat(decode(bad).error()).as(bad).isEqualTo(ErrorCode.BAD_MESSAGE);
        }
    }

    @Test
    void shouldDecodeAForgetWithItsSeqAndRefuseOneWithout()
    {
        final DecodedMessage forget = decode("{\"t\":\"forget\",\"seq\":7}");
        assertThat(forget.error()).isNull();
        assertThat(forget.type()).isEqualTo(MessageType.FORGET);
        assertThat(forget.seq()).isEqualTo(7);
        assertThat(decode("{\"t\":\"forget\"}").error()).isEqualTo(ErrorCode.BAD_MESSAGE);
    }

    @Test
    void shouldDecodeEveryEventType()
    {
        assertThat(decode("{\"t\":\"page\",\"seq\":7,\"url\":\"/pricing?x=1\",\"nav\":\"back\"}").nav()).isEqualTo(NavType.BACK);
        assertThat(message.seq()).isEqualTo(7);
        assertThat(message.url().toString()).isEqualTo("/pricing?x=1");
        assertThat(decode("{\"t\":\"visibility\",\"seq\":1,\"hidden\":true}").hidden()).isTrue();
        decode("{\"t\":\"click\",\"seq\":1,\"target\":\"button#buy\",\"x\":10.7,\"y\":-3}");
        assertThat(message.target().toString()).isEqualTo("button#buy");
        assertThat(message.x()).isEqualTo(10);
        assertThat(message.y()).isEqualTo(-3);
        assertThat(decode("{\"t\":\"search\",\"seq\":1,\"q\":\"lamp \\\"brass\\\"\",\"results\":0}").query().toString()).isEqualTo("lamp \"brass\"");
        assertThat(decode("{\"t\":\"form_error\",\"seq\":1,\"form\":\"checkout\",\"field\":\"card\"}").form().toString()).isEqualTo("checkout");
        assertThat(decode("{\"t\":\"goal\",\"seq\":1,\"name\":\"purchase\"}").name().toString()).isEqualTo("purchase");
        assertThat(decode("{\"t\":\"answer\",\"seq\":1,\"iid\":\"3\",\"choice\":\"team-size\"}").choice().toString()).isEqualTo("team-size");
        assertThat(decode("{\"t\":\"dismiss\",\"seq\":1,\"iid\":\"3\"}").iid().toString()).isEqualTo("3");
        assertThat(decode("{\"t\":\"exit_intent\",\"seq\":1}").type()).isEqualTo(MessageType.EXIT_INTENT);
        assertThat(decode("{\"t\":\"scroll_back\",\"seq\":1}").type()).isEqualTo(MessageType.SCROLL_BACK);
        assertThat(decode("{\"t\":\"active\",\"seq\":1,\"ts\":1700000000000,\"future\":{\"a\":[1,2]}}").error()).isNull();
    }

    @Test
    void shouldRecoverAfterMalformedMessages()
    {
        assertThat(decode("{\"t\":\"active\",\"seq\":1").error()).isEqualTo(ErrorCode.BAD_JSON);
        assertThat(decode("{\"t\":\"active\",\"seq\":2}").error()).isNull();
        assertThat(decode("}}}{{{").error()).isEqualTo(ErrorCode.BAD_JSON);
        assertThat(decode("{\"t\":\"active\",\"seq\":3}").seq()).isEqualTo(3);
        assertThat(decode("{\"t\":\"active\",\"seq\":4} {\"t\":\"active\",\"seq\":5}").error()).isEqualTo(ErrorCode.BAD_JSON);
        assertThat(decode("  {\"t\":\"active\",\"seq\":6}  ").error()).as("whitespace around the object is fine").isNull();
        assertThat(decode("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}").error()).as("too deep").isEqualTo(ErrorCode.BAD_JSON);
        assertThat(decode("{\"t\":\"active\",\"seq\":7}").error()).isNull();
    }

    /** The decoder is on the hot path: valid messages, however mixed, allocate nothing once warm. */
    @Test
    void shouldAllocateNothingForValidMessages()
    {
        final List<byte[]> messages = new ArrayList<>();
        for (final String json : new String[] {
            "{\"t\":\"page\",\"seq\":7,\"url\":\"/pricing?x=1\",\"nav\":\"back\"}",
            "{\"t\":\"active\",\"seq\":8}",
            "{\"t\":\"click\",\"seq\":9,\"target\":\"button#buy\",\"x\":10.5,\"y\":20}",
            "{\"t\":\"search\",\"seq\":10,\"q\":\"caf\\u00e9\",\"results\":0}",
            "{\"t\":\"visibility\",\"seq\":11,\"hidden\":false}",
            "{\"t\":\"form_error\",\"seq\":12,\"form\":\"checkout\",\"field\":\"card\"}",
            "{\"t\":\"answer\",\"seq\":13,\"iid\":\"3\",\"choice\":\"team-size\"}",
            "{\"t\":\"scroll_back\",\"seq\":14}",
        })
        {
            messages.add(json.getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 300_000; i++)
        {
            final byte[] bytes = messages.get(i % messages.size());
            decoder.decode(bytes, bytes.length, message);
        }
        // Windows of 100,000 messages until three in a row allocate nothing (AllocationWindows).
        AllocationWindows.assertAllocatesNothing("decode", count ->
        {
            for (int i = 0; i < count; i++)
            {
                final byte[] bytes = messages.get(i % messages.size());
                if (decoder.decode(bytes, bytes.length, message).error() != null)
                {
                    throw new AssertionError(message.errorDetail());
                }
            }
            return count;
        }, 100_000);
    }
}
