package dev.pulse.server.carry;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.detect.ContextTextsFlyweight;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.server.auth.SigningKey;

import static org.assertj.core.api.Assertions.assertThat;

/** The carry's text: it reads back what was sealed (every area at its capacity), an older node's c1 too, and nothing else passes as it. */
class CarryCodecTest
{
    static final SigningKey KEY = SigningKey.parseOrNull("11".repeat(32));
    private static final SigningKey OTHER_KEY = SigningKey.parseOrNull("22".repeat(32));
    private static final long SITE = 0x5173L;
    private static final long NOW = 1_700_000_000_000L;
    private static final long EXPIRY_MS = 30 * 60_000L;
    private static final int ROUNDS = 20_000;
    private static final int WINDOWS = 4;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    private final CarryCodec codec = new CarryCodec(KEY);

    /** A session record whose three text slots hold 55 bytes each, the longest a record keeps. */
    static SessionStateFlyweight recordWithTexts()
    {
        final SessionStateFlyweight state = new SessionStateFlyweight().wrap(new UnsafeBuffer(new byte[SessionStateFlyweight.LENGTH]), 0)
            .init(0x1234L, 0x5678L, SITE, 1);
        state.context().putContextText(Hash64.of("first_name"), "Zoë" + "x".repeat(60), true);
        state.context().putContextText(Hash64.of("plan"), "€".repeat(18) + "ab", false);
        state.context().putContextText(Hash64.of("city"), "y".repeat(55), true);
        return state;
    }

    /** Every area filled to its capacity: 8 asked, 8 triggers, 8 context pairs, 8 goals, 3 texts of 55 bytes, the feedback state. */
    private static String sealFull(final CarryCodec sealer, final long site, final long issuedAtMs)
    {
        fillFull(sealer.payload(), site, issuedAtMs);
        final byte[] out = new byte[CarryCodec.MAX_TEXT];
        return new String(out, 0, sealer.seal(out, 0), StandardCharsets.US_ASCII);
    }

    static void fillFull(final CarryFlyweight payload, final long site, final long issuedAtMs)
    {
        payload.header(0x1234L, 0x5678L, site, 42, issuedAtMs).visitorHash(77).lastShownWallMs(issuedAtMs - 5_000)
            .lastIid(3).dismissed(true);
        for (int i = 0; i < 8; i++)
        {
            payload.addAsked(100 + i);
        }
        for (int i = 0; i < 8; i++)
        {
            payload.addTrigger(200 + i, issuedAtMs - i);
        }
        final CarryTail tail = payload.tail(0b1011L).feedback(3, 101, -9L, 2, 3);
        for (int i = 0; i < 8; i++)
        {
            tail.addContext(300 + i, 400 + i, i % 2 == 0 ? i + 0.5 : Double.NaN, i % 3 == 0);
        }
        for (int i = 0; i < 8; i++)
        {
            tail.addGoal(500 + i);
        }
        final SessionStateFlyweight texts = recordWithTexts();
        for (int slot = 0; slot < 3; slot++)
        {
            tail.addText(texts.context(), slot);
        }
    }

    @Test
    void shouldReadBackEveryFactItSealed()
    {
        final String text = sealFull(new CarryCodec(KEY), SITE, NOW);

        assertThat(text).as("every area full: the longest carry").startsWith("c2.").hasSize(CarryCodec.MAX_TEXT);
        assertThat(CarryCodec.MAX_TEXT).isEqualTo(937);
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
        assertThat(payload.hasTail()).isTrue();
        assertThat(payload.length()).isEqualTo(CarryFlyweight.MAX_LENGTH).isEqualTo(672);
        final CarryTail tail = payload.tail();
        assertThat(tail.viewedKindsMask()).isEqualTo(0b1011L);
        assertThat(tail.feedbackIid()).isEqualTo(3);
        assertThat(tail.feedbackQuestionKey()).isEqualTo(101);
        assertThat(tail.feedbackCatalogVersion()).isEqualTo(-9L);
        assertThat(tail.feedbackChoice()).isEqualTo(2);
        assertThat(tail.feedbackFlags()).isEqualTo(3);
        assertThat(tail.contextCount()).isEqualTo(8);
        for (int i = 0; i < 8; i++)
        {
            assertThat(tail.contextKeyHash(i)).isEqualTo(300 + i);
            assertThat(tail.contextValueHash(i)).isEqualTo(400 + i);
            assertThat(Double.doubleToRawLongBits(tail.contextNumber(i))).isEqualTo(Double.doubleToRawLongBits(i % 2 == 0 ? i + 0.5 : Double.NaN));
            assertThat(tail.contextTrusted(i)).as("pair %d trusted", i).isEqualTo(i % 3 == 0);
            assertThat(tail.goal(i)).isEqualTo(500 + i);
        }
        assertThat(tail.textCount()).isEqualTo(3);
        final SessionStateFlyweight back = new SessionStateFlyweight().wrap(new UnsafeBuffer(new byte[SessionStateFlyweight.LENGTH]), 0)
            .init(1, 2, SITE, 1);
        for (int i = 0; i < 3; i++)
        {
            assertThat(tail.textLength(i)).isLessThanOrEqualTo(ContextTextsFlyweight.TEXT_MAX_BYTES);
            back.context().putContextTextUtf8(tail.textKeyHash(i), tail.buffer(), tail.textUtf8Offset(i), tail.textLength(i),
                tail.textTrusted(i));
        }
        final StringBuilder read = new StringBuilder();
        back.context().appendContextText(Hash64.of("first_name"), read.append('['));
        back.context().appendContextText(Hash64.of("plan"), read.append("]["));
        back.context().appendContextText(Hash64.of("city"), read.append("]["));
        assertThat(read.append(']').toString()).isEqualTo("[Zoë" + "x".repeat(51) + "][" + "€".repeat(18) + "a][" + "y".repeat(55) + "]");
        assertThat(back.context().contextTextTrusted(Hash64.of("first_name"))).isTrue();
        assertThat(back.context().contextTextTrusted(Hash64.of("plan"))).isFalse();
    }

    /**
     * The mixed cluster, both ways: a carry without the tail is {@code c1}, what nodes before it
     * wrote, and this node reads it; this node's {@code c2} is refused by a node that knows only
     * {@code c1}: by its prefix, and relabelled {@code c1} for want of a MAC; a {@code c1} relabelled
     * {@code c2} is no sealed payload either.
     */
    @Test
    void shouldReadAnOlderNodesC1AndLeaveNoWayForC2ToPassAsOne()
    {
        final CarryCodec older = new CarryCodec(KEY);
        older.payload().header(0x1234L, 0x5678L, SITE, 7, NOW).addAsked(5).addTrigger(6, NOW - 1);
        final byte[] out = new byte[CarryCodec.MAX_TEXT];
        final String c1 = new String(out, 0, older.seal(out, 0), StandardCharsets.US_ASCII);
        assertThat(c1).startsWith("c1.");
        assertThat(codec.open(c1, SITE, NOW, EXPIRY_MS)).isEqualTo(CarryCheck.VALID);
        assertThat(codec.payload().hasTail()).isFalse();
        assertThat(codec.payload().askedKey(0)).isEqualTo(5);

        final String c2 = sealFull(new CarryCodec(KEY), SITE, NOW);
        assertThat(c2).doesNotStartWith(CarryCodec.PREFIX);
        assertThat(codec.open("c1" + c2.substring(2), SITE, NOW, EXPIRY_MS)).as("c2 relabelled c1").isEqualTo(CarryCheck.MALFORMED);
        assertThat(codec.open("c2" + c1.substring(2), SITE, NOW, EXPIRY_MS)).as("c1 relabelled c2").isEqualTo(CarryCheck.MALFORMED);
    }

    /** Counts or lengths that disagree with the bytes are malformed even under a good MAC (a node's own key): nothing past them is read. */
    @Test
    void shouldRefuseATailWhoseCountsOrTextLengthsDisagreeWithItsBytes()
    {
        final CarryCodec sealer = new CarryCodec(KEY);
        fillFull(sealer.payload(), SITE, NOW);
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[CarryFlyweight.MAX_LENGTH]);
        sealer.payload().tail().buffer().getBytes(0, payload, 0, CarryFlyweight.MAX_LENGTH);
        final int tail = CarryFlyweight.MAX_BASE_LENGTH;
        for (final int[] change : new int[][] {{CarryTail.CONTEXT_COUNT_OFFSET, 9}, {CarryTail.GOAL_COUNT_OFFSET, 9},
            {CarryTail.TEXT_COUNT_OFFSET, 4}, {CarryTail.TEXT_COUNT_OFFSET, 2}, {CarryTail.CONTEXT_COUNT_OFFSET, 7},
            {CarryTail.FIXED_LENGTH + 8 * 24 + 8 * 8 + 8, 56}})
        {
            sealer.payload().tail().buffer().putBytes(0, payload, 0, CarryFlyweight.MAX_LENGTH);
            sealer.payload().tail().buffer().putByte(tail + change[0], (byte)change[1]);
            final String text = sealRaw(sealer, CarryFlyweight.MAX_LENGTH);
            assertThat(codec.open(text, SITE, NOW, EXPIRY_MS)).as("byte %d set to %d", change[0], change[1]).isEqualTo(CarryCheck.MALFORMED);
        }
        sealer.payload().tail().buffer().putBytes(0, payload, 0, CarryFlyweight.MAX_LENGTH);
        assertThat(codec.open(sealRaw(sealer, CarryFlyweight.MAX_LENGTH - 1), SITE, NOW, EXPIRY_MS)).as("a byte short")
            .isEqualTo(CarryCheck.MALFORMED);
        assertThat(codec.open(sealRaw(sealer, CarryFlyweight.MAX_BASE_LENGTH + 8), SITE, NOW, EXPIRY_MS)).as("a tail cut short")
            .isEqualTo(CarryCheck.MALFORMED);
        final String whole = sealRaw(sealer, CarryFlyweight.MAX_LENGTH);
        assertThat(codec.open(whole, SITE, NOW, EXPIRY_MS)).isEqualTo(CarryCheck.VALID);
        assertThat(codec.open(whole.substring(0, 3) + "AAAA" + whole.substring(3), SITE, NOW, EXPIRY_MS)).as("oversize")
            .isEqualTo(CarryCheck.MALFORMED);
    }

    /** Seals the first {@code length} bytes of the sealer's payload buffer as they are (c2), under the right key: a node's own bug, or a key holder's forgery. */
    private static String sealRaw(final CarryCodec sealer, final int length)
    {
        final byte[] out = new byte[CarryCodec.MAX_TEXT];
        return new String(out, 0, sealer.sealBytes(length, out, 0), StandardCharsets.US_ASCII);
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
        assertThat(codec.open("c3" + text.substring(2), SITE, NOW, EXPIRY_MS)).isEqualTo(CarryCheck.MALFORMED);
        assertThat(codec.open(text + "A".repeat(CarryCodec.MAX_TEXT), SITE, NOW, EXPIRY_MS)).as("oversize").isEqualTo(CarryCheck.MALFORMED);
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
     * Nothing of the codec's own: what it allocates is the JDK's AES-GCM (its parameters, its
     * engines at each init, the ciphertext it holds back until the tag is checked; about 2 KB a
     * seal and open), measured here as the same seals and opens done by hand, and no more than 128
     * bytes a round beside it (a text of its own would be 200 and more). Each side is the least of
     * {@link #WINDOWS} windows, so a window the JIT allocated in does not count. Carries are made
     * and checked only at hellos and changes of what they hold, never per event.
     */
    @Test
    void shouldSealAndOpenWithNothingButTheJdksCryptoOnceWarm() throws Exception
    {
        final CarryCodec sealer = new CarryCodec(KEY);
        final SessionStateFlyweight texts = recordWithTexts();
        final byte[] out = new byte[CarryCodec.MAX_TEXT];
        final StringBuilder text = new StringBuilder(CarryCodec.MAX_TEXT);
        long bytes = Long.MAX_VALUE;
        for (int window = 0; window < WINDOWS; window++)
        {
            final long before = allocated();
            for (int i = 0; i < ROUNDS; i++)
            {
                sealer.payload().header(1, 2, SITE, i, NOW).addAsked(i).addTrigger(7, NOW).tail(3).feedback(i, 1, 2, 0, 1)
                    .addContext(1, i, 6.0, true).addGoal(9).addText(texts.context(), 0);
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
            bytes = Math.min(bytes, allocated() - before);
        }
        assertThat(bytes).as("bytes %,d seals and opens allocated, warm", ROUNDS)
            .isLessThan(jdkGcmBytes(sealer.payload().length()) + ROUNDS * 128L);
    }

    /** What {@link #ROUNDS} seals and opens of {@code length} bytes by hand with the JDK's AES-GCM allocate, warm: the least of {@link #WINDOWS}. */
    private static long jdkGcmBytes(final int length) throws Exception
    {
        final javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        final javax.crypto.spec.SecretKeySpec key = new javax.crypto.spec.SecretKeySpec(new byte[32], "AES");
        final byte[] nonce = new byte[12];
        final byte[] aad = {'c', '2'};
        final byte[] plain = new byte[length];
        final byte[] sealed = new byte[length + 28];
        long bytes = Long.MAX_VALUE;
        for (int window = 0; window < WINDOWS; window++)
        {
            final long before = allocated();
            for (int i = 0; i < ROUNDS; i++)
            {
                nonce[0] = (byte)i;
                nonce[1] = (byte)(i >> 8);
                nonce[2] = (byte)window;
                cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, nonce));
                cipher.updateAAD(aad);
                cipher.doFinal(plain, 0, length, sealed, 12);
                cipher.init(javax.crypto.Cipher.DECRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, nonce, 0, 12));
                cipher.updateAAD(aad);
                cipher.doFinal(sealed, 12, length + 16, plain, 0);
            }
            bytes = Math.min(bytes, allocated() - before);
        }
        return bytes;
    }

    private static long allocated()
    {
        return ((com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
