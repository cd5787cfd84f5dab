package dev.pulse.journal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written encoder agrees with the JDK's, and cuts only between code points. */
class Utf8Test
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);

    @Test
    void shouldEncodeLikeStringGetBytes()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++)
        {
            final String text = randomText(random, random.nextInt(40));
            final byte[] expected = text.getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.encodedLength(text, Integer.MAX_VALUE)).as("length of %s", text).isEqualTo(expected.length);
            final int written = Utf8.encode(text, buffer, 7, Integer.MAX_VALUE);
            assertThat(bytes(7, written)).as("bytes of %s", text).isEqualTo(expected);
        }
    }

    @Test
    void shouldCutToTheLongestWholeCodePointPrefixWithinTheBudget()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++)
        {
            final String text = randomText(random, random.nextInt(30));
            final int budget = random.nextInt(64);
            final int length = Utf8.encodedLength(text, budget);
            assertThat(Utf8.encode(text, buffer, 0, budget)).isEqualTo(length);
            assertThat(length).isLessThanOrEqualTo(budget);
            // The output is the encoding of some prefix of whole code points, and the next code point would not fit.
            int chars = 0;
            int bytes = 0;
            while (chars < text.length())
            {
                final int next = chars + Character.charCount(text.codePointAt(chars));
                final int nextBytes = text.substring(0, next).getBytes(StandardCharsets.UTF_8).length;
                if (nextBytes > budget)
                {
                    break;
                }
                chars = next;
                bytes = nextBytes;
            }
            assertThat(length).as("%s within %d", text, budget).isEqualTo(bytes);
            assertThat(bytes(0, length)).isEqualTo(text.substring(0, chars).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldNeverSplitASurrogatePairOrAMultiByteChar()
    {
        assertThat(Utf8.encodedLength("a\uD83D\uDE00", 4)).isEqualTo(1);
        assertThat(Utf8.encodedLength("a\uD83D\uDE00", 5)).isEqualTo(5);
        assertThat(Utf8.encodedLength("€€", 5)).isEqualTo(3);
        assertThat(Utf8.encodedLength("é", 1)).isZero();
        assertThat(Utf8.encodedLength("\uD83D", 1)).as("a lone surrogate is one '?'").isEqualTo(1);
    }

    private byte[] bytes(final int offset, final int length)
    {
        return Arrays.copyOfRange(buffer.byteArray(), offset, offset + length);
    }

    /** ASCII, 2- and 3-byte chars, surrogate pairs, and lone or reversed surrogates. */
    private static String randomText(final SplittableRandom random, final int length)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            switch (random.nextInt(6))
            {
                case 0, 1 -> text.append((char)random.nextInt(0x80));
                case 2 -> text.append((char)(0x80 + random.nextInt(0x800 - 0x80)));
                case 3 -> text.append((char)(0x800 + random.nextInt(0xD800 - 0x800)));
                case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
                default -> text.append((char)(0xD800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }
}
