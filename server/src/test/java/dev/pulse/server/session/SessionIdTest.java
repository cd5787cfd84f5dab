package dev.pulse.server.session;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionIdTest
{
    @Test
    void shouldFormatAndParse128Bits()
    {
        final SessionId id = new SessionId().generate(new SecureRandom());
        final String text = id.toString();
        assertThat(text).matches("[0-9a-f]{32}");
        final SessionId parsed = new SessionId();
        assertThat(parsed.parse(text.toCharArray(), 0, 32)).isTrue();
        assertThat(parsed.hi()).isEqualTo(id.hi());
        assertThat(parsed.lo()).isEqualTo(id.lo());
        assertThat(parsed.parse(text.toUpperCase().toCharArray(), 0, 32)).isTrue();
        assertThat(parsed.lo()).isEqualTo(id.lo());
    }

    @Test
    void shouldRefuseAnythingButThirtyTwoHexDigits()
    {
        final SessionId id = new SessionId().set(5, 6);
        assertThat(id.parse("abc".toCharArray(), 0, 3)).isFalse();
        assertThat(id.parse("0123456789abcdef0123456789abcdeg".toCharArray(), 0, 32)).isFalse();
        assertThat(id.parse("0123456789abcdef0123456789abcdef0".toCharArray(), 0, 33)).isFalse();
        assertThat(id.hi()).as("unchanged").isEqualTo(5);
    }
}
