package dev.pulse.server.carry;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.pulse.server.auth.SigningKey;

import static org.assertj.core.api.Assertions.assertThat;

/** The carry's text: it reads back what was sealed, and nothing else passes as it. */
class CarryCodecTest
{
    static final SigningKey KEY = SigningKey.parseOrNull("11".repeat(32));
    private static final SigningKey OTHER_KEY = SigningKey.parseOrNull("22".repeat(32));
    private static final long SITE = 0x5173L;
    private static final long NOW = 1_700_000_000_000L;
    private static final long EXPIRY_MS = 30 * 60_000L;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    private final CarryCodec codec = new CarryCodec(KEY);

    private String sealFull(final CarryCodec sealer, final long site, final long issuedAtMs)
    {
        sealer.payload().header(0x1234L, 0x5678L, site, 42, issuedAtMs).visitorHash(77).lastShownWallMs(issuedAtMs - 5_000)
            .lastIid(3).dismissed(true);
        for (int i = 0; i < 8; i++)
        {
            sealer.payload().addAsked(100 + i);
        }
        for (int i = 0; i < 8; i++)
        {
            sealer.payload().addTrigger(200 + i, issuedAtMs - i);
        }
        final byte[] out = new byte[CarryCodec.MAX_TEXT];
        return new String(out, 0, sealer.seal(out, 0), StandardCharsets.US_ASCII);
    }

    @Test
    void shouldReadBackEveryFactItSealed()
    {
        final String text = sealFull(new CarryCodec(KEY), SITE, NOW);

        assertThat(text).startsWith("c1.").hasSizeLessThanOrEqualTo(CarryCodec.MAX_TEXT);
        assertThat(codec.open(text, SITE, NOW + 1_000, EXPIRY_MS)).isEqualTo(CarryCheck.VALID);
        final CarryFlyweight payload = codec.payload();
        assertThat(payload.sidHi()).isEqualTo(0x1234L);
        assertThat(payload.sidLo()).isEqualTo(0x5678L);
        assertThat(payload.generation()).isEqualTo(42);
        assertThat(payload.issuedAtWallMs()).isEqualTo(NOW);
        assertThat(payload.visitorHash()).isEqualTo(77);
        assertThat(payload.lastShownWallMs()).isEqualTo(NOW - 5_000);
        assertThat(payload.lastIid()).isEqualTo(3);
        assertThat(payload.dismissed()).isTrue();
        assertThat(payload.askedCount()).isEqualTo(8);
        assertThat(payload.askedKey(7)).isEqualTo(107);
        assertThat(payload.triggerCount()).isEqualTo(8);
        assertThat(payload.triggerKey(5)).isEqualTo(205);
        assertThat(payload.triggerActedWallMs(5)).isEqualTo(NOW - 5);
    }

    @Test
    void shouldRefuseEveryChangedCharacterAndEveryCut()
    {
        final String text = sealFull(new CarryCodec(KEY), SITE, NOW);
        for (int i = 0; i < text.length(); i++)
        {
            for (int k = 0; k < ALPHABET.length(); k += 7)
            {
                final char replacement = ALPHABET.charAt((ALPHABET.indexOf(text.charAt(i)) + 1 + k) % ALPHABET.length());
                final String tampered = text.substring(0, i) + replacement + text.substring(i + 1);
                assertThat(codec.open(tampered, SITE, NOW, EXPIRY_MS)).as("character %d changed", i).isNotEqualTo(CarryCheck.VALID);
            }
            assertThat(codec.open(text.substring(0, i), SITE, NOW, EXPIRY_MS)).as("cut at %d", i).isNotEqualTo(CarryCheck.VALID);
        }
        assertThat(codec.open(text + "A", SITE, NOW, EXPIRY_MS)).isNotEqualTo(CarryCheck.VALID);
        assertThat(codec.open("", SITE, NOW, EXPIRY_MS)).isEqualTo(CarryCheck.MALFORMED);
        assertThat(codec.open("c2" + text.substring(2), SITE, NOW, EXPIRY_MS)).isEqualTo(CarryCheck.MALFORMED);
    }

    @Test
    void shouldRefuseAnotherClustersKeyAnotherSiteAndAnExpiredCarry()
    {
        assertThat(codec.open(sealFull(new CarryCodec(OTHER_KEY), SITE, NOW), SITE, NOW, EXPIRY_MS)).isEqualTo(CarryCheck.BAD_MAC);
        assertThat(codec.open(sealFull(new CarryCodec(KEY), SITE + 1, NOW), SITE, NOW, EXPIRY_MS)).isEqualTo(CarryCheck.OTHER_SITE);
        final String old = sealFull(new CarryCodec(KEY), SITE, NOW - EXPIRY_MS - 1);
        assertThat(codec.open(old, SITE, NOW, EXPIRY_MS)).isEqualTo(CarryCheck.EXPIRED);
        assertThat(codec.open(old, SITE, NOW - 1, EXPIRY_MS)).as("one ms younger: still valid").isEqualTo(CarryCheck.VALID);
    }

    /**
     * Nothing of the codec's own: the one allocation left is the JDK's {@code Mac.doFinal}, which
     * copies its 32-byte result out of a fresh array (48 bytes a MAC, two MACs a round), as the
     * session token's check does. Carries are made and checked only at hellos and questions.
     */
    @Test
    void shouldSealAndOpenWithNothingButTheJdksMacResultOnceWarm()
    {
        final CarryCodec sealer = new CarryCodec(KEY);
        final byte[] out = new byte[CarryCodec.MAX_TEXT];
        final StringBuilder text = new StringBuilder(CarryCodec.MAX_TEXT);
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long bytes = 0;
        for (int round = 0; round < 2; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 20_000; i++)
            {
                sealer.payload().header(1, 2, SITE, i, NOW).addAsked(i).addTrigger(7, NOW);
                final int length = sealer.seal(out, 0);
                text.setLength(0);
                for (int c = 0; c < length; c++)
                {
                    text.append((char)out[c]);
                }
                if (codec.open(text, SITE, NOW, EXPIRY_MS) != CarryCheck.VALID)
                {
                    throw new AssertionError("a sealed carry did not open");
                }
            }
            bytes = threads.getCurrentThreadAllocatedBytes() - before;
        }
        assertThat(bytes).as("bytes 20,000 seals and opens allocated, warm").isLessThan(20_000L * 2 * 64);
    }
}
