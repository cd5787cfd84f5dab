package dev.pulse.server.carry;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import dev.pulse.bench.HotPathBenchmark;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.server.auth.SigningKey;

/**
 * A carry sealed ({@link CarryCodec#seal}: AES-256-GCM) and opened ({@link CarryCodec#open}: the
 * tag checked, the payload decrypted and its counts, site and age checked), as a hello with a carry
 * and a change of what a carry holds cost a loop. Not per event, but on the loop: the same protocol
 * as the hot path's. {@code size}: {@code small} is a session with one of each fact (about 200
 * bytes of payload), {@code longest} every area at its capacity (672 bytes, the 937-character carry).
 */
public class CarryCodecBenchmark extends HotPathBenchmark
{
    private static final long SITE = Hash64.of("bench");
    private static final long NOW = 1_700_000_000_000L;

    @Param({"small", "longest"})
    public String size;

    private CarryCodec codec;
    private final byte[] out = new byte[CarryCodec.MAX_TEXT];
    private String sealed;
    private final SessionStateFlyweight texts = new SessionStateFlyweight()
        .wrap(new UnsafeBuffer(new byte[SessionStateFlyweight.LENGTH]), 0).init(1, 2, SITE, 1);

    @Setup
    public void setUp()
    {
        codec = new CarryCodec(SigningKey.parseOrNull("11".repeat(32)));
        texts.context().putContextText(Hash64.of("first_name"), "x".repeat(55), true);
        texts.context().putContextText(Hash64.of("plan"), "y".repeat(55), true);
        texts.context().putContextText(Hash64.of("city"), "z".repeat(55), true);
        fill();
        sealed = new String(out, 0, codec.seal(out, 0), java.nio.charset.StandardCharsets.US_ASCII);
    }

    private void fill()
    {
        final int count = size.equals("longest") ? 8 : 1;
        final CarryFlyweight payload = codec.payload().header(1, 2, SITE, 3, NOW).visitorHash(4).lastShownWallMs(NOW).lastIid(5);
        for (int i = 0; i < count; i++)
        {
            payload.addAsked(100 + i);
        }
        for (int i = 0; i < count; i++)
        {
            payload.addTrigger(200 + i, NOW - i);
        }
        final CarryTail tail = payload.tail(3).feedback(5, 100, 6, 1, 1);
        for (int i = 0; i < count; i++)
        {
            tail.addContext(300 + i, 400 + i, i, true);
        }
        for (int i = 0; i < count; i++)
        {
            tail.addGoal(500 + i);
        }
        for (int slot = 0; slot < (count == 8 ? 3 : 1); slot++)
        {
            tail.addText(texts.context(), slot);
        }
    }

    /** The payload written and sealed, as {@code CarryHandler.issue} does after {@code SessionCarry.fill}. */
    @Benchmark
    public int seal()
    {
        fill();
        return codec.seal(out, 0);
    }

    /** A hello's carry checked: decoded, its tag checked and decrypted, its counts, site and age. */
    @Benchmark
    public CarryCheck open()
    {
        return codec.open(sealed, SITE, NOW, 60_000);
    }
}
