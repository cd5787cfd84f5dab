package dev.pulse.server.ws;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one decimal writer, through both of its users, at the edges of a long. */
class DecimalTest
{
    private static final long[] VALUES = {
        0, 1, -1, 9, 10, -10, 99, 100, 1_234_567_890L, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1_000_000_000_000_000_000L};

    @Test
    void shouldWriteAsLongToStringDoesInJsonAndInACharField()
    {
        final CharField field = new CharField(32);
        for (final long value : VALUES)
        {
            final ByteBuf out = Unpooled.buffer();
            try
            {
                JsonText.number(out, value);
                assertThat(out.toString(StandardCharsets.US_ASCII)).as("json %d", value).isEqualTo(Long.toString(value));
            }
            finally
            {
                out.release();
            }
            assertThat(field.setDecimal(value).toString()).as("field %d", value).isEqualTo(Long.toString(value));
        }
    }

    @Test
    void shouldCountDigitsWithoutTheSign()
    {
        assertThat(Decimal.digits(0)).isEqualTo(1);
        assertThat(Decimal.digits(-9)).isEqualTo(1);
        assertThat(Decimal.digits(10)).isEqualTo(2);
        assertThat(Decimal.digits(Long.MIN_VALUE)).isEqualTo(19);
        assertThat(Decimal.digits(Long.MAX_VALUE)).isEqualTo(19);
    }

    @Test
    void shouldKeepTheFirstCharsWhenTheFieldIsShort()
    {
        assertThat(new CharField(3).setDecimal(-123_456).toString()).isEqualTo("-12");
    }
}
