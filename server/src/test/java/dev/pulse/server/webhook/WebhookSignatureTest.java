package dev.pulse.server.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature is Stripe's scheme, and the reference verifier accepts exactly what the signer signs, in time. */
class WebhookSignatureTest
{
    private static final byte[] SECRET = "whsec_0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"id\":\"node-1/0/48\",\"event\":\"answer\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldSignAsStripeDoesWithTheTimeInTheSignedText()
    {
        // Computed outside Java: printf '%s' '1700000000.{"id":"node-1/0/48","event":"answer"}' | openssl dgst -sha256 -hmac 'whsec_0123456789abcdef'
        assertThat(new WebhookSigner(SECRET).header(1_700_000_000L, BODY))
            .isEqualTo("t=1700000000,v1=6e8fd25b6285c3a640c4e612f572dc13ff35c3a98b9bb9dafd3c11e64faa31f2");
    }

    @Test
    void shouldVerifyWhatTheSignerSignsWithinTheTolerance()
    {
        final String header = new WebhookSigner(SECRET).header(1_700_000_000L, BODY);
        final WebhookVerifier verifier = new WebhookVerifier(SECRET, 300);
        assertThat(verifier.verify(header, BODY, 1_700_000_000L)).isTrue();
        assertThat(verifier.verify(header, BODY, 1_700_000_300L)).as("at the tolerance's edge").isTrue();
        assertThat(verifier.verify(header, BODY, 1_699_999_800L)).as("a receiver's clock behind").isTrue();
    }

    @Test
    void shouldRefuseAChangedBodyAnotherSecretAnOldTimeAndGarbage()
    {
        final String header = new WebhookSigner(SECRET).header(1_700_000_000L, BODY);
        final WebhookVerifier verifier = new WebhookVerifier(SECRET, 300);
        final byte[] changed = "{\"id\":\"node-1/0/48\",\"event\":\"dismiss\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(header, changed, 1_700_000_000L)).as("a changed body").isFalse();
        assertThat(new WebhookVerifier("whsec_another-secret-0000".getBytes(StandardCharsets.UTF_8), 300)
            .verify(header, BODY, 1_700_000_000L)).as("another secret").isFalse();
        assertThat(verifier.verify(header, BODY, 1_700_000_301L)).as("a replay after the tolerance").isFalse();
        assertThat(verifier.verify(header.replace("t=1700000000", "t=1700000100"), BODY, 1_700_000_100L))
            .as("a time changed to pass the tolerance").isFalse();
        assertThat(verifier.verify(null, BODY, 1_700_000_000L)).isFalse();
        assertThat(verifier.verify("t=x,v1=zz", BODY, 1_700_000_000L)).isFalse();
        assertThat(verifier.verify("v1=6e8f", BODY, 1_700_000_000L)).as("no time").isFalse();
    }

    @Test
    void shouldAcceptAnyOfSeveralSignaturesAsDuringASecretRotation()
    {
        final String current = new WebhookSigner(SECRET).header(1_700_000_000L, BODY);
        final String old = new WebhookSigner("whsec_the-old-secret-0000".getBytes(StandardCharsets.UTF_8)).header(1_700_000_000L, BODY);
        final String both = old + "," + current.substring(current.indexOf("v1="));
        assertThat(new WebhookVerifier(SECRET, 300).verify(both, BODY, 1_700_000_000L)).isTrue();
    }
}
