package dev.pulse.server.carry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.pulse.server.auth.SigningKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sealed {@code c2}: the page keeping it can read nothing of it but its length (no number,
 * hash or text of the payload in its bytes), every change or cut is refused as a bad MAC is (or
 * as malformed where the text is no base64url any more), and no nonce repeats.
 */
class CarrySealTest
{
    private static final SigningKey KEY = CarryCodecTest.KEY;
    private static final long SITE = 0x5173L;
    private static final long NOW = 1_700_000_000_000L;
    private static final long EXPIRY_MS = 30 * 60_000L;

    private final CarryCodec codec = new CarryCodec(KEY);

    private static String seal(final CarryCodec sealer)
    {
        final byte[] out = new byte[CarryCodec.MAX_TEXT];
        return new String(out, 0, sealer.seal(out, 0), StandardCharsets.US_ASCII);
    }

    private static byte[] wire(final String text)
    {
        assertThat(text).startsWith("c2.");
        assertThat(text.substring(3)).doesNotContain(".");
        return Base64.getUrlDecoder().decode(text.substring(3));
    }

    private static byte[] littleEndian(final long value)
    {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static boolean contains(final byte[] haystack, final byte[] needle)
    {
        for (int i = 0; i + needle.length <= haystack.length; i++)
        {
            int k = 0;
            while (k < needle.length && haystack[i + k] == needle[k])
            {
                k++;
            }
            if (k == needle.length)
            {
                return true;
            }
        }
        return false;
    }

    @Test
    void shouldShowThePageNothingOfThePayloadButItsLength()
    {
        final CarryCodec sealer = new CarryCodec(KEY);
        CarryCodecTest.fillFull(sealer.payload(), SITE, NOW);
        final byte[] plain = new byte[CarryFlyweight.MAX_LENGTH];
        sealer.payload().tail().buffer().getBytes(0, plain);
        final byte[] wire = wire(seal(sealer));

        assertThat(wire).as("nonce, ciphertext, tag").hasSize(CarryFlyweight.MAX_LENGTH + 12 + 16);
        assertThat(contains(wire, littleEndian(Double.doubleToRawLongBits(4.5)))).as("context number 4.5").isFalse();
        assertThat(contains(wire, littleEndian(403))).as("a context value's hash").isFalse();
        assertThat(contains(wire, littleEndian(505))).as("a goal's hash").isFalse();
        assertThat(contains(wire, littleEndian(0x1234L))).as("the session id").isFalse();
        assertThat(contains(wire, littleEndian(NOW))).as("the issue time").isFalse();
        assertThat(contains(wire, "y".repeat(8).getBytes(StandardCharsets.UTF_8))).as("a context text").isFalse();
        assertThat(contains(wire, "Zoë".getBytes(StandardCharsets.UTF_8))).as("the greeting's name").isFalse();
        assertThat(contains(plain, littleEndian(505)) && contains(plain, "y".repeat(8).getBytes(StandardCharsets.UTF_8)))
            .as("the needles are in the plaintext").isTrue();
        int same = 0;
        for (int i = 0; i < plain.length; i++)
        {
            same += wire[12 + i] == plain[i] ? 1 : 0;
        }
        assertThat(same).as("bytes equal to the plaintext at their place, of 672: chance's share, about 3").isLessThan(20);
    }

    @Test
    void shouldNeverRepeatANonceAndSealTheSamePayloadDifferentlyEachTime()
    {
        final Set<String> nonces = new HashSet<>();
        final Set<String> texts = new HashSet<>();
        for (int c = 0; c < 4; c++)
        {
            final CarryCodec sealer = new CarryCodec(KEY);
            CarryCodecTest.fillFull(sealer.payload(), SITE, NOW);
            for (int i = 0; i < 250; i++)
            {
                final String text = seal(sealer);
                texts.add(text);
                nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(wire(text), 12)));
                assertThat(codec.open(text, SITE, NOW, EXPIRY_MS)).isEqualTo(CarryCheck.VALID);
            }
        }
        assertThat(nonces).as("1,000 seals by four loops: as many nonces").hasSize(1_000);
        assertThat(texts).hasSize(1_000);
    }

    @Test
    void shouldRefuseEveryChangedCharacterAndCutAsABadMacOrMalformed()
    {
        final CarryCodec sealer = new CarryCodec(KEY);
        CarryCodecTest.fillFull(sealer.payload(), SITE, NOW);
        final String text = seal(sealer);
        int badMac = 0;
        for (int i = 3; i < text.length(); i++)
        {
            final char replacement = text.charAt(i) == 'A' ? 'B' : 'A';
            final CarryCheck changed = codec.open(text.substring(0, i) + replacement + text.substring(i + 1), SITE, NOW, EXPIRY_MS);
            assertThat(changed).as("character %d changed", i).isIn(CarryCheck.BAD_MAC, CarryCheck.MALFORMED);
            badMac += changed == CarryCheck.BAD_MAC ? 1 : 0;
            assertThat(codec.open(text.substring(0, i), SITE, NOW, EXPIRY_MS)).as("cut at %d", i).isIn(CarryCheck.BAD_MAC, CarryCheck.MALFORMED);
        }
        assertThat(badMac).as("every character but perhaps the last, whose spare bits base64url refuses first")
            .isGreaterThanOrEqualTo(text.length() - 4);
        final byte[] wire = wire(text);
        for (int i = 0; i < wire.length; i++)
        {
            wire[i] ^= 1;
            final String flipped = "c2." + Base64.getUrlEncoder().withoutPadding().encodeToString(wire);
            assertThat(codec.open(flipped, SITE, NOW, EXPIRY_MS)).as("bit 0 of byte %d flipped", i).isEqualTo(CarryCheck.BAD_MAC);
            wire[i] ^= 1;
        }
        assertThat(codec.open(text, SITE, NOW, EXPIRY_MS)).isEqualTo(CarryCheck.VALID);
    }

    @Test
    void shouldRefuseAnotherClustersCarryAsABadMac()
    {
        final CarryCodec other = new CarryCodec(SigningKey.parseOrNull("22".repeat(32)));
        CarryCodecTest.fillFull(other.payload(), SITE, NOW);
        assertThat(codec.open(seal(other), SITE, NOW, EXPIRY_MS)).isEqualTo(CarryCheck.BAD_MAC);
        final CarryCodec same = new CarryCodec(SigningKey.parseOrNull("11".repeat(32)));
        CarryCodecTest.fillFull(same.payload(), SITE, NOW);
        assertThat(codec.open(seal(same), SITE, NOW, EXPIRY_MS)).as("another node, the same cluster key").isEqualTo(CarryCheck.VALID);
    }
}
