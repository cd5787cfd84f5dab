package dev.pulse.server.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one parse of {@code Pulse-Signature} and the verifier's three-way answer at their edges. */
class SignatureHeaderTest
{
    private static final byte[] SECRET = "whsec_0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"event\":\"answer\"}".getBytes(StandardCharsets.UTF_8);
    private static final long T = 1_700_000_000L;
    private static final String V1 = new WebhookSigner(SECRET).header(T, BODY).substring("t=1700000000,".length());
    private final WebhookVerifier verifier = new WebhookVerifier(SECRET, 300);

    @Test
    void shouldReadOneTimeAndEveryV1()
    {
        final SignatureHeader parsed = SignatureHeader.parse("t=12,v1=00ff,v0=ab,v1=zz");
        assertThat(parsed.unixSeconds()).isEqualTo(12);
        assertThat(parsed.digests()).containsExactly(new byte[] {0, (byte)0xff}, new byte[0]);
    }

    @Test
    void shouldReadNoTimeWhereItIsMissingRepeatedOrNotDigits()
    {
        for (final String header : new String[] {null, "", "v1=00", "t=,v1=00", "t=1,t=1,v1=00", "t=+5,v1=00", "t=-5,v1=00",
            "t=1e3,v1=00", "t=1234567890123,v1=00", "T=5,v1=00", "t = 5,v1=00"})
        {
            assertThat(SignatureHeader.parse(header).unixSeconds()).as(String.valueOf(header)).isEqualTo(SignatureHeader.NO_TIME);
        }
        assertThat(SignatureHeader.parse("t=123456789012").unixSeconds()).as("12 digits").isEqualTo(123_456_789_012L);
    }

    @Test
    void shouldBeValidWithSpacesAroundPartsAndWithAnyOfSeveralV1()
    {
        assertThat(verifier.check("t=" + T + "," + V1, BODY, T)).isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.check("  t=" + T + " ,\t" + V1 + " ", BODY, T)).as("spaces around parts").isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.check("t=" + T + ",v1=00," + V1, BODY, T)).as("the second v1").isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.check("t=" + T + "," + V1 + "," + V1, BODY, T)).as("the same v1 twice").isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.check("v0=zz,t=" + T + "," + V1, BODY, T)).as("an unknown part").isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.check("t=" + T + ",v1=" + V1.substring(3).toUpperCase(), BODY, T)).as("upper-case hex").isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void shouldBeBadWithoutATimeOrAMatchingV1()
    {
        assertThat(verifier.check(null, BODY, T)).isEqualTo(SignatureCheck.BAD);
        assertThat(verifier.check(V1, BODY, T)).as("no t").isEqualTo(SignatureCheck.BAD);
        assertThat(verifier.check("t=" + T, BODY, T)).as("no v1").isEqualTo(SignatureCheck.BAD);
        assertThat(verifier.check("t=" + T + ",v1=", BODY, T)).as("an empty v1").isEqualTo(SignatureCheck.BAD);
        assertThat(verifier.check("t=" + T + ",v1=00,v1=zz", BODY, T)).as("no v1 matches").isEqualTo(SignatureCheck.BAD);
        assertThat(verifier.check("t=" + T + ",t=" + T + "," + V1, BODY, T)).as("two t").isEqualTo(SignatureCheck.BAD);
        assertThat(verifier.check("t=" + T + ",v1= " + V1.substring(3), BODY, T)).as("a space inside a part").isEqualTo(SignatureCheck.BAD);
        assertThat(verifier.check("t=" + T + "," + V1, "{}".getBytes(StandardCharsets.UTF_8), T)).as("another body").isEqualTo(SignatureCheck.BAD);
        assertThat(verifier.check("t=" + (T + 1) + "," + V1, BODY, T)).as("another t").isEqualTo(SignatureCheck.BAD);
    }

    @Test
    void shouldBeStaleOneSecondPastTheToleranceEitherWayWhateverTheV1()
    {
        final String header = "t=" + T + "," + V1;
        assertThat(verifier.check(header, BODY, T + 300)).as("at the edge").isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.check(header, BODY, T - 300)).as("at the edge, clock behind").isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.check(header, BODY, T + 301)).isEqualTo(SignatureCheck.STALE);
        assertThat(verifier.check(header, BODY, T - 301)).isEqualTo(SignatureCheck.STALE);
        assertThat(verifier.check("t=" + T + ",v1=00", BODY, T + 301)).as("stale before the digest is looked at").isEqualTo(SignatureCheck.STALE);
        assertThat(verifier.verify(header, BODY, T + 301)).as("verify: only VALID is true").isFalse();
    }
}
