package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Stepping over JSON values without building them: where each kind of value ends, and what is refused. */
class JsonBytesTest
{
    @Test
    void shouldFindTheEndOfEachKindOfValue()
    {
        assertThat(end("\"a\\\"b\" ,")).isEqualTo(6);
        assertThat(end("-12.5e+3,")).isEqualTo(8);
        assertThat(end("true,")).isEqualTo(4);
        assertThat(end("null]")).isEqualTo(4);
        assertThat(end("{\"k\":[1,{\"x\":\"}\"}],\"j\":{}} ")).isEqualTo(26);
        assertThat(end("[ ] ")).isEqualTo(3);
    }

    @Test
    void shouldRefuseWhatIsNotAValue()
    {
        assertThat(end("tru")).isEqualTo(JsonBytes.FAIL);
        assertThat(end("\"unterminated")).isEqualTo(JsonBytes.FAIL);
        assertThat(end("\"a\nb\"")).as("a raw control character in a string").isEqualTo(JsonBytes.FAIL);
        assertThat(end("{\"k\" 1}")).isEqualTo(JsonBytes.FAIL);
        assertThat(end("[1 2]")).isEqualTo(JsonBytes.FAIL);
        assertThat(end("-")).isEqualTo(JsonBytes.FAIL);
    }

    @Test
    void shouldRefuseNestingDeeperThanTheLimit()
    {
        final int depth = JsonBytes.MAX_DEPTH + 2;
        final String deep = "[".repeat(depth) + "]".repeat(depth);
        final String allowed = "[".repeat(JsonBytes.MAX_DEPTH) + "]".repeat(JsonBytes.MAX_DEPTH);

        assertThat(end(deep)).isEqualTo(JsonBytes.FAIL);
        assertThat(end(allowed)).isEqualTo(allowed.length());
    }

    @Test
    void shouldSkipSpaceAndCompareWords()
    {
        final byte[] bytes = ascii(" \t\r\nack");

        assertThat(JsonBytes.skipSpace(bytes, 0, bytes.length)).isEqualTo(4);
        assertThat(JsonBytes.is(bytes, 4, 3, ascii("ack"))).isTrue();
        assertThat(JsonBytes.is(bytes, 4, 2, ascii("ack"))).isFalse();
    }

    private static int end(final String json)
    {
        final byte[] bytes = ascii(json);
        return JsonBytes.skipValue(bytes, 0, bytes.length, 0);
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
