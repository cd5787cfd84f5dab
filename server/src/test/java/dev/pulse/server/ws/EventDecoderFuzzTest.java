package dev.pulse.server.ws;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.Unpooled;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import dev.pulse.server.protocol.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the decoder with what a hostile client can put in a text frame: random bytes, truncated
 * and deeply nested JSON, huge numbers, wrong types, duplicated keys, unknown fields, invalid
 * UTF-8, messages at and over the size limit. Each gets the error code docs/protocol.md names,
 * never an exception; and each time the next valid message still decodes (the parser's state is
 * not left broken). The decoder is reused across tries, as on an event loop.
 */
class EventDecoderFuzzTest
{
    private static final int MAX_BYTES = 4096;
    /** Levels of nesting the decoder accepts, the message object included (docs/protocol.md). */
    private static final int MAX_DEPTH = 8;
    private static final List<String> VALID = List.of(
        "{\"t\":\"active\",\"seq\":%d}",
        "{\"t\":\"page\",\"seq\":%d,\"url\":\"/pricing?x=1\",\"nav\":\"back\"}",
        "{\"t\":\"click\",\"seq\":%d,\"target\":\"button#buy\",\"x\":10.5,\"y\":-20}",
        "{\"t\":\"search\",\"seq\":%d,\"q\":\"caf\\u00e9\",\"results\":0}",
        "{\"t\":\"visibility\",\"seq\":%d,\"hidden\":true}",
        "{\"t\":\"form_error\",\"seq\":%d,\"form\":\"checkout\",\"field\":\"card\"}",
        "{\"t\":\"goal\",\"seq\":%d,\"name\":\"purchase\"}",
        "{\"t\":\"answer\",\"seq\":%d,\"iid\":\"3\",\"choice\":\"team-size\"}",
        "{\"t\":\"dismiss\",\"seq\":%d,\"iid\":\"3\"}",
        "{\"t\":\"exit_intent\",\"seq\":%d}",
        "{\"t\":\"scroll_back\",\"seq\":%d}");

    private final EventDecoder decoder = new EventDecoder(MAX_BYTES);
    private final DecodedMessage message = new DecodedMessage();
    private long seq;

    @Property(tries = 2_000)
    void randomBytesAreRejectedAsJsonOrMessageErrors(@ForAll @Size(max = MAX_BYTES) final byte[] bytes)
    {
        assertThat(decode(bytes).error()).isIn(null, ErrorCode.BAD_JSON, ErrorCode.BAD_MESSAGE, ErrorCode.UNKNOWN_TYPE);
        assertNextValidDecodes();
    }

    @Property(tries = 1_000)
    void randomTextIsRejectedAsJsonOrMessageErrors(@ForAll("jsonish") final String text)
    {
        assertThat(decode(text).error()).isIn(null, ErrorCode.BAD_JSON, ErrorCode.BAD_MESSAGE, ErrorCode.UNKNOWN_TYPE);
        assertNextValidDecodes();
    }

    @Property(tries = 500)
    void aTruncatedMessageIsBadJson(@ForAll("valid") final String valid, @ForAll @IntRange(min = 0, max = 1_000) final int cut)
    {
        final String truncated = valid.substring(0, cut % valid.length());
        assertThat(decode(truncated).error()).as(truncated).isEqualTo(ErrorCode.BAD_JSON);
        assertNextValidDecodes();
    }

    @Property(tries = 300)
    void nestingIsAcceptedUpToItsLimitInUnknownFields(@ForAll @IntRange(min = 1, max = 40) final int depth, @ForAll final boolean arrays)
    {
        final String open = arrays ? "[" : "{\"k\":";
        final String close = arrays ? "]" : "}";
        final String value = open.repeat(depth - 1) + (arrays ? "[1]" : "{}") + close.repeat(depth - 1);
        final String text = "{\"t\":\"active\",\"seq\":1,\"future\":" + value + "}";
        assertThat(decode(text).error()).as(text).isEqualTo(1 + depth <= MAX_DEPTH ? null : ErrorCode.BAD_JSON);
        assertNextValidDecodes();
    }

    @Property(tries = 300)
    void aSeqOutsideItsRangeOrNotAnIntegerIsBadMessage(@ForAll("badSeq") final String badSeq)
    {
        final String text = "{\"t\":\"active\",\"seq\":" + badSeq + "}";
        assertThat(decode(text).error()).as(text).isEqualTo(ErrorCode.BAD_MESSAGE);
        if (!isLong(badSeq))
        {
            assertThat(message.hasSeq()).as("no readable seq to echo in the error").isFalse();
        }
        assertNextValidDecodes();
    }

    @Property(tries = 200)
    void aNumberLongerThanTheParserTakesIsBadJson(@ForAll @IntRange(min = 33, max = 400) final int digits)
    {
        assertThat(decode("{\"t\":\"active\",\"seq\":" + "9".repeat(digits) + "}").error()).isEqualTo(ErrorCode.BAD_JSON);
        assertNextValidDecodes();
    }

    @Property(tries = 500)
    void aFieldOfTheWrongTypeIsBadMessage(@ForAll("valid") final String valid, @ForAll("wrongValue") final String wrong)
    {
        // The type name is the one field every message has, and no type takes a number, bool, array or object.
        final String text = valid.replaceFirst("\"t\":\"[a-z_]+\"", "\"t\":" + wrong.replace("$", "\\$"));
        assertThat(decode(text).error()).as(text).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertNextValidDecodes();
    }

    @Property(tries = 500)
    void aKnownFieldTwiceIsBadMessage(@ForAll("valid") final String valid, @ForAll @IntRange(min = 0, max = 100) final int which)
    {
        final String body = valid.substring(1, valid.length() - 1);
        final String[] fields = body.split(",(?=\")");
        final String text = "{" + body + "," + fields[which % fields.length] + "}";
        assertThat(decode(text).error()).as(text).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertNextValidDecodes();
    }

    @Property(tries = 500)
    void unknownFieldsAreIgnored(@ForAll("valid") final String valid, @ForAll("unknownField") final String field)
    {
        final String text = valid.substring(0, valid.length() - 1) + "," + field + "}";
        assertThat(decode(text).error()).as(text).isNull();
        assertNextValidDecodes();
    }

    @Property(tries = 500)
    void invalidUtf8NeverTripsTheDecoder(@ForAll("valid") final String valid, @ForAll("invalidUtf8") final byte[] bad,
                              @ForAll @IntRange(min = 0, max = 1_000) final int where)
    {
        // Netty closes a text frame that is not UTF-8 with 1007 before it gets here (ConnectionFuzzEndToEndTest);
        // the decoder must still not trip on one, nor be left broken by it.
        final byte[] text = valid.getBytes(StandardCharsets.UTF_8);
        final int quote = valid.indexOf("\":\"") + 3; // inside the first string value
        final int at = quote + where % (valid.indexOf('"', quote) - quote + 1);
        final byte[] bytes = new byte[text.length + bad.length];
        System.arraycopy(text, 0, bytes, 0, at);
        System.arraycopy(bad, 0, bytes, at, bad.length);
        System.arraycopy(text, at, bytes, at + bad.length, text.length - at);
        assertThat(decode(bytes).error()).isIn(null, ErrorCode.BAD_JSON, ErrorCode.BAD_MESSAGE, ErrorCode.UNKNOWN_TYPE);
        assertNextValidDecodes();
    }

    @Property(tries = 100)
    void aMessageAtTheSizeLimitDecodesAndOneOverItIsBadMessage(@ForAll @IntRange(min = 0, max = 16) final int over)
    {
        final String head = "{\"t\":\"active\",\"seq\":1,\"pad\":\"";
        final String tail = "\"}";
        final String text = head + "x".repeat(MAX_BYTES - head.length() - tail.length() + over) + tail;
        final DecodedMessage decoded = decoder.decode(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII)), message);
        assertThat(decoded.error()).isEqualTo(over == 0 ? null : ErrorCode.BAD_MESSAGE);
        assertNextValidDecodes();
    }

    @Provide
    Arbitrary<String> valid()
    {
        return Combinators.combine(Arbitraries.of(VALID), Arbitraries.longs().between(1, Long.MAX_VALUE))
            .as((template, n) -> String.format(template, n));
    }

    /** Text built from JSON's own characters, so that much of it gets past the first byte. */
    @Provide
    Arbitrary<String> jsonish()
    {
        return Arbitraries.oneOf(
            Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ tfnrule\\aqsy").ofMaxLength(200),
            Arbitraries.strings().ofMaxLength(200),
            valid().map(text -> text.replace(':', ',')));
    }

    @Provide
    Arbitrary<String> badSeq()
    {
        return Arbitraries.oneOf(
            Arbitraries.bigIntegers().between(new java.math.BigInteger("9223372036854775808"), new java.math.BigInteger("9".repeat(32)))
                .map(Object::toString),
            Arbitraries.longs().between(Long.MIN_VALUE, 0).map(Object::toString),
            Arbitraries.doubles().map(d -> Double.toString(d).contains(".") ? Double.toString(d) : d + ".0")
                .filter(s -> !s.contains("Infinity") && !s.contains("NaN")),
            wrongValue().filter(value -> !value.equals("1")),
            Arbitraries.of("\"1\"", "\"\""));
    }

    @Provide
    Arbitrary<String> wrongValue()
    {
        return Arbitraries.of("true", "false", "null", "[]", "{}", "[1,2]", "{\"a\":1}", "1", "-1.5");
    }

    @Provide
    Arbitrary<String> unknownField()
    {
        final Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
            .map(name -> "zz_" + name);
        final Arbitrary<String> values = Arbitraries.oneOf(
            Arbitraries.of("true", "null", "[]", "{}", "[1,[2,{\"a\":\"b\"}]]", "{\"x\":{\"y\":[null]}}"),
            Arbitraries.longs().map(Object::toString),
            Arbitraries.strings().alpha().numeric().ofMaxLength(30).map(s -> "\"" + s + "\""));
        return Combinators.combine(names, values).as((name, value) -> "\"" + name + "\":" + value);
    }

    /** Byte sequences no valid UTF-8 text has: stray continuation bytes, truncated sequences, overlongs, surrogates. */
    @Provide
    Arbitrary<byte[]> invalidUtf8()
    {
        return Arbitraries.of(
            new byte[] {(byte)0x80},
            new byte[] {(byte)0xBF, 'a'},
            new byte[] {(byte)0xC3},
            new byte[] {(byte)0xC0, (byte)0xAF},
            new byte[] {(byte)0xE0, (byte)0x80, (byte)0xAF},
            new byte[] {(byte)0xED, (byte)0xA0, (byte)0x80},
            new byte[] {(byte)0xF5, (byte)0x80, (byte)0x80, (byte)0x80},
            new byte[] {(byte)0xFF},
            new byte[] {(byte)0xE2, (byte)0x82});
    }

    private static boolean isLong(final String text)
    {
        try
        {
            Long.parseLong(text);
            return true;
        }
        catch (final NumberFormatException ex)
        {
            return false;
        }
    }

    private DecodedMessage decode(final String text)
    {
        return decode(text.getBytes(StandardCharsets.UTF_8));
    }

    private DecodedMessage decode(final byte[] bytes)
    {
        return decoder.decode(bytes, bytes.length, message);
    }

    private void assertNextValidDecodes()
    {
        seq++;
        final DecodedMessage next = decode(String.format(VALID.get((int)(seq % VALID.size())), seq));
        assertThat(next.error()).as("a valid message after a bad one").isNull();
        assertThat(next.seq()).isEqualTo(seq);
    }
}
