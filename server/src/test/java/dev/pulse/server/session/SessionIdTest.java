package dev.pulse.server.session;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

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
    void shouldTakeItsRandomnessOnlyFromASecureSource() throws NoSuchMethodException
    {
        // The one way to make an id takes a SecureRandom: a java.util.Random cannot be passed in.
        assertThat(SessionId.class.getMethod("generate", SecureRandom.class).getReturnType()).isEqualTo(SessionId.class);
        assertThat(SessionId.class.getMethods()).filteredOn(method -> method.getName().equals("generate")).hasSize(1);
    }

    @Test
    void shouldMakeIdsWithADrbgOfItsOwnDrawingSixteenBytesAtOnce()
    {
        final SecureRandom random = SessionId.newRandom();
        assertThat(random.getAlgorithm()).isEqualTo("DRBG");
        assertThat(SessionId.newRandom()).isNotSameAs(random);
        final int[] draws = {0};
        final SecureRandom counting = new SecureRandom()
        {
            @Override
            public void nextBytes(final byte[] bytes)
            {
                draws[0]++;
                random.nextBytes(bytes);
            }
        };
        assertThat(new SessionId().generate(counting).toString()).matches("[0-9a-f]{32}");
        assertThat(draws[0]).as("draws for one id").isEqualTo(1);
    }

    @Test
    void shouldUseAll128Bits()
    {
        final SecureRandom random = SessionId.newRandom();
        final Set<String> ids = new HashSet<>();
        long hiOnes = 0;
        long loOnes = 0;
        long hiZeros = 0;
        long loZeros = 0;
        for (int i = 0; i < 1_000; i++)
        {
            final SessionId id = new SessionId().generate(random);
            ids.add(id.toString());
            hiOnes |= id.hi();
            loOnes |= id.lo();
            hiZeros |= ~id.hi();
            loZeros |= ~id.lo();
        }
        assertThat(ids).as("no repeats").hasSize(1_000);
        // Each of the 128 bits was both set and clear at least once (fails by chance with p ~ 2^-990).
        assertThat(new long[] {hiOnes, loOnes, hiZeros, loZeros}).containsOnly(-1L);
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
