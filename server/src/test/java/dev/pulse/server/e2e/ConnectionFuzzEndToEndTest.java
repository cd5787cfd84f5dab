package dev.pulse.server.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import dev.pulse.server.protocol.CloseCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the whole connection, pipeline and handler, end to end from a raw socket: each try is a
 * fresh session sent a random run of hostile frames (random text, broken JSON of every kind,
 * invalid UTF-8, binary frames, messages at and over the size limit, fragmented messages with
 * pings between the fragments, ping floods). Each frame gets the error code or the close code
 * docs/protocol.md names; while the connection stays open, a valid event after each bad frame is
 * handled and acked with the next seq (the session's state is intact); a bystander session is
 * served after every try; and nothing ever escapes as an internal error.
 */
class ConnectionFuzzEndToEndTest
{
    private static final int MAX_BYTES = 4096;

    private static Path dir;
    private static TestServer server;
    private static TestClient bystander;

    /** One hostile frame (or run of frames) and what the server must answer. */
    private record Hostile(String name, Sender send, Expect expect)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    @FunctionalInterface
    private interface Sender
    {
        void send(RawWebSocket raw, long nextSeq) throws IOException;
    }

    /** An error frame with one of these codes, a close with this code, or (neither) the event acked. */
    private record Expect(List<String> errorCodes, int closeCode, int pongs)
    {
        static Expect error(final String... codes)
        {
            return new Expect(List.of(codes), 0, 0);
        }

        static Expect close(final CloseCode code)
        {
            return new Expect(List.of(), code.code(), 0);
        }

        static Expect handled(final int pongs)
        {
            return new Expect(List.of(), 0, pongs);
        }
    }

    @BeforeContainer
    static void start() throws Exception
    {
        dir = Files.createTempDirectory("pulse-fuzz");
        // No rate limit in the way of the fuzz: the rate limit has its own tests (and pings below).
        server = new TestServer(dir, builder -> builder.messagesPerSecond(1_000_000).messageBurst(1_000_000));
        bystander = server.connect();
        bystander.hello(null);
    }

    @AfterContainer
    static void stop() throws Exception
    {
        bystander.close();
        server.close();
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 100)
    void everyHostileFrameGetsItsCodeAndTheSessionStaysValid(@ForAll @Size(min = 1, max = 5) final List<@From("hostile") Hostile> run)
        throws Exception
    {
        try (RawWebSocket raw = RawWebSocket.open(server.port()))
        {
            raw.text("{\"t\":\"hello\",\"v\":1}");
            long nextSeq = TestClient.JSON.readTree(raw.nextText("welcome")).get("seq").asLong() + 1;
            for (final Hostile hostile : run)
            {
                hostile.send().send(raw, nextSeq);
                final Expect expect = hostile.expect();
                if (expect.closeCode() != 0)
                {
                    assertThat(raw.awaitClose()).as(hostile.name()).isEqualTo(expect.closeCode());
                    break;
                }
                if (!expect.errorCodes().isEmpty())
                {
                    assertThat(nextError(raw)).as(hostile.name()).isIn(expect.errorCodes());
                    raw.text("{\"t\":\"active\",\"seq\":" + nextSeq + "}");
                }
                assertThat(awaitAck(raw, nextSeq, expect.pongs())).as("after " + hostile.name() + ": the next seq is handled").isTrue();
                nextSeq++;
            }
        }
        bystander.awaitAck(bystander.send("active"));
        assertThat(bystander.closed()).as("the other session is unaffected").isFalse();
        assertThat(server.server().metrics().internalErrors()).as("nothing escaped").isZero();
    }

    @Provide
    Arbitrary<Hostile> hostile()
    {
        return Arbitraries.oneOf(
            randomText(), truncated(), tooDeep(), hugeNumber(), wrongType(), duplicateKey(), unknownFields(),
            invalidUtf8(), binary(), atTheLimit(), overTheLimit(), fragmented(), pingFlood());
    }

    private static Arbitrary<Hostile> randomText()
    {
        return Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ tfnrule\\").ofMaxLength(300)
            .map(text -> new Hostile("random text " + text, (raw, seq) -> raw.text(text),
                Expect.error("bad_json", "bad_message", "unknown_type")));
    }

    private static Arbitrary<Hostile> truncated()
    {
        return Arbitraries.integers().between(0, 40).map(cut ->
        {
            final String text = "{\"t\":\"search\",\"seq\":SEQ,\"q\":\"lamp\",\"results\":0}".substring(0, cut);
            return new Hostile("truncated " + text, (raw, seq) -> raw.text(text.replace("SEQ", Long.toString(seq))), Expect.error("bad_json"));
        });
    }

    private static Arbitrary<Hostile> tooDeep()
    {
        return Arbitraries.integers().between(8, 2_000).map(depth -> new Hostile("nested " + depth,
            (raw, seq) -> raw.text("{\"t\":\"active\",\"seq\":" + seq + ",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}"),
            Expect.error("bad_json")));
    }

    private static Arbitrary<Hostile> hugeNumber()
    {
        return Arbitraries.integers().between(19, 32).map(digits -> new Hostile("seq of " + digits + " nines",
            (raw, seq) -> raw.text("{\"t\":\"active\",\"seq\":" + "9".repeat(digits) + "}"), Expect.error("bad_message")));
    }

    private static Arbitrary<Hostile> wrongType()
    {
        return Arbitraries.of("\"1\"", "true", "null", "[1]", "{}", "1.5", "-3").map(value -> new Hostile("seq " + value,
            (raw, seq) -> raw.text("{\"t\":\"active\",\"seq\":" + value + "}"), Expect.error("bad_message")));
    }

    private static Arbitrary<Hostile> duplicateKey()
    {
        return Arbitraries.of("\"t\":\"active\"", "\"seq\":SEQ", "\"q\":\"x\"", "\"results\":1").map(field -> new Hostile("twice " + field,
            (raw, seq) -> raw.text(("{\"t\":\"search\",\"seq\":SEQ,\"q\":\"lamp\",\"results\":0," + field + "}").replace("SEQ", Long.toString(seq))),
            Expect.error("bad_message")));
    }

    private static Arbitrary<Hostile> unknownFields()
    {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).list().ofMinSize(1).ofMaxSize(5).map(names -> new Hostile(
            "unknown fields " + names, (raw, seq) ->
            {
                final StringBuilder text = new StringBuilder("{\"t\":\"active\",\"seq\":").append(seq);
                for (final String name : names)
                {
                    text.append(",\"zz").append(name).append("\":{\"a\":[1,\"b\",null]}");
                }
                raw.text(text.append('}').toString());
            }, Expect.handled(0)));
    }

    private static Arbitrary<Hostile> invalidUtf8()
    {
        final Arbitrary<byte[]> bad = Arbitraries.of(
            new byte[] {(byte)0x80}, new byte[] {(byte)0xC3}, new byte[] {(byte)0xC0, (byte)0xAF},
            new byte[] {(byte)0xED, (byte)0xA0, (byte)0x80}, new byte[] {(byte)0xF5, (byte)0x80, (byte)0x80, (byte)0x80},
            new byte[] {(byte)0xFF});
        return Combinators.combine(bad, Arbitraries.integers().between(0, 30)).as((bytes, at) -> new Hostile(
            "invalid UTF-8 " + Arrays.toString(bytes) + " at " + at, (raw, seq) ->
            {
                final byte[] text = ("{\"t\":\"search\",\"seq\":" + seq + ",\"q\":\"lamp\"}").getBytes(StandardCharsets.UTF_8);
                final byte[] payload = new byte[text.length + bytes.length];
                System.arraycopy(text, 0, payload, 0, at);
                System.arraycopy(bytes, 0, payload, at, bytes.length);
                System.arraycopy(text, at, payload, at + bytes.length, text.length - at);
                raw.frame(true, 0, RawWebSocket.OP_TEXT, payload, true);
            }, Expect.close(CloseCode.INVALID_PAYLOAD)));
    }

    private static Arbitrary<Hostile> binary()
    {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(bytes -> new Hostile("binary of " + bytes.length,
            (raw, seq) -> raw.frame(true, 0, RawWebSocket.OP_BINARY, bytes, true), Expect.close(CloseCode.UNSUPPORTED_DATA)));
    }

    private static Arbitrary<Hostile> atTheLimit()
    {
        return Arbitraries.just(new Hostile("exactly the size limit", (raw, seq) -> raw.text(padded(seq, MAX_BYTES)), Expect.handled(0)));
    }

    private static Arbitrary<Hostile> overTheLimit()
    {
        return Arbitraries.integers().between(1, 2 * MAX_BYTES).map(over -> new Hostile(over + " bytes over the limit",
            (raw, seq) -> raw.text(padded(seq, MAX_BYTES + over)), Expect.close(CloseCode.MESSAGE_TOO_BIG)));
    }

    /** A valid event split into fragments at random places, with a ping after each odd cut (RFC 6455 allows it there). */
    private static Arbitrary<Hostile> fragmented()
    {
        return Arbitraries.integers().between(0, 39).list().ofMinSize(1).ofMaxSize(6).map(cuts ->
        {
            // Cuts within the first 40 bytes: the event is longer than that whatever its seq.
            final List<Integer> ends = cuts.stream().sorted().distinct().toList();
            final int pings = (int)ends.stream().filter(end -> end % 2 == 1).count();
            return new Hostile("fragmented at " + ends, (raw, seq) ->
            {
                final byte[] text = ("{\"t\":\"search\",\"seq\":" + seq + ",\"q\":\"lamp\",\"results\":0}").getBytes(StandardCharsets.UTF_8);
                int start = 0;
                int opcode = RawWebSocket.OP_TEXT;
                for (final int end : ends)
                {
                    raw.frame(false, 0, opcode, Arrays.copyOfRange(text, start, end), true);
                    opcode = RawWebSocket.OP_CONTINUATION;
                    if (end % 2 == 1)
                    {
                        raw.frame(true, 0, RawWebSocket.OP_PING, new byte[] {1, 2, 3}, true);
                    }
                    start = end;
                }
                raw.frame(true, 0, RawWebSocket.OP_CONTINUATION, Arrays.copyOfRange(text, start, text.length), true);
            }, Expect.handled(pings));
        });
    }

    private static Arbitrary<Hostile> pingFlood()
    {
        return Arbitraries.integers().between(1, 200).map(pings -> new Hostile(pings + " pings", (raw, seq) ->
        {
            for (int i = 0; i < pings; i++)
            {
                raw.frame(true, 0, RawWebSocket.OP_PING, new byte[i % 126], true);
            }
            raw.text("{\"t\":\"active\",\"seq\":" + seq + "}");
        }, Expect.handled(pings)));
    }

    /** An active event of exactly {@code bytes} bytes, padded in an unknown field. */
    private static String padded(final long seq, final int bytes)
    {
        final String head = "{\"t\":\"active\",\"seq\":" + seq + ",\"pad\":\"";
        return head + "x".repeat(bytes - head.length() - 2) + "\"}";
    }

    /** The code of the next error frame, skipping acks and pongs; null if the socket ended or went silent first. */
    private static String nextError(final RawWebSocket raw) throws IOException
    {
        for (RawWebSocket.Frame frame = raw.next(); frame != null; frame = raw.next())
        {
            if (frame.opcode() == RawWebSocket.OP_TEXT)
            {
                final JsonNode message = TestClient.JSON.readTree(frame.payload());
                if (message.get("t").asText().equals("error"))
                {
                    return message.get("code").asText();
                }
            }
        }
        return null;
    }

    /** Whether an ack of exactly {@code seq} comes (no error, no ack past it), after exactly {@code pongs} pongs. */
    private static boolean awaitAck(final RawWebSocket raw, final long seq, final int pongs) throws IOException
    {
        int ponged = 0;
        for (RawWebSocket.Frame frame = raw.next(); frame != null; frame = raw.next())
        {
            if (frame.opcode() == 0xA)
            {
                ponged++;
                continue;
            }
            if (frame.opcode() != RawWebSocket.OP_TEXT)
            {
                throw new AssertionError("frame of opcode " + frame.opcode());
            }
            final JsonNode message = TestClient.JSON.readTree(frame.payload());
            final String type = message.get("t").asText();
            if (type.equals("ack") && message.get("seq").asLong() >= seq)
            {
                assertThat(message.get("seq").asLong()).isEqualTo(seq);
                assertThat(ponged).as("every ping answered").isEqualTo(pongs);
                return true;
            }
            if (!type.equals("ack") && !type.equals("question"))
            {
                throw new AssertionError("unexpected " + message);
            }
        }
        return false;
    }
}
