package dev.pulse.server.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.webhook.SignatureCheck;
import dev.pulse.server.webhook.WebhookSigner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys file: its format, each bad line named, and a reload that keeps the demo's key and survives a bad file. */
class IngestKeysTest
{
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void shouldReadKeysPerSiteWithCommentsAndBlankLines() throws Exception
    {
        final IngestKeys keys = IngestKeys.parse("f", List.of("# site key secret", "", "shop\tcheckout  " + SECRET + "  # the checkout",
            "shop support " + SECRET.toUpperCase(), "blog cms " + SECRET));

        assertThat(keys.secret("shop", "checkout")).isEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(keys.secret("shop", "support")).isEqualTo(SECRET.toUpperCase().getBytes(StandardCharsets.UTF_8));
        assertThat(keys.secret("blog", "checkout")).as("a key belongs to its site").isNull();
        assertThat(keys.secret("nosite", "cms")).isNull();
        assertThat(keys.secret("shop", null)).isNull();
        assertThat(keys.size()).isEqualTo(3);
    }

    @Test
    void shouldNameTheLineOfABadKey()
    {
        assertThatThrownBy(() -> IngestKeys.parse("keys", List.of("", "shop checkout"))).isInstanceOf(IOException.class)
            .hasMessage("keys line 2: expected '<site> <key id> <secret>'");
        assertThatThrownBy(() -> IngestKeys.parse("keys", List.of("shop checkout short"))).hasMessage(
            "keys line 1: the secret has 5 characters; at least 32");
        assertThatThrownBy(() -> IngestKeys.parse("keys", List.of("sh/op checkout " + SECRET))).hasMessage(
            "keys line 1: a site and a key id are 1 to 64 of A-Z a-z 0-9 . _ -");
        assertThatThrownBy(() -> IngestKeys.parse("keys", List.of("shop a " + SECRET, "shop a " + SECRET))).hasMessage(
            "keys line 2: key id a appears twice for site shop");
    }

    @Test
    void shouldTakeANewFileOnReloadKeepTheDemoKeyAndKeepTheOldKeysWhenTheNewFileIsBad() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("ingest.keys"), "shop old " + SECRET + "\n");
        final LiveIngestKeys live = LiveIngestKeys.open(file);
        live.add("demo", "demo-backend", SECRET.getBytes(StandardCharsets.UTF_8));

        Files.writeString(file, "shop new " + SECRET + "\n");
        live.reload();
        assertThat(live.current().secret("shop", "new")).isNotNull();
        assertThat(live.current().secret("shop", "old")).as("gone with the line").isNull();
        assertThat(live.current().secret("demo", "demo-backend")).as("the demo's key stays").isNotNull();

        Files.writeString(file, "shop broken\n");
        live.reload();
        assertThat(live.current().secret("shop", "new")).as("a bad file keeps the keys in use").isNotNull();
    }

    @Test
    void shouldCheckTheWebhooksSignatureSchemeAndItsWindow() throws Exception
    {
        final byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        final byte[] body = "{\"sid\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        final String header = new WebhookSigner(secret).header(1_000_000, body);

        assertThat(IngestSignature.check(header, secret, body, 1_000_000)).isEqualTo(SignatureCheck.VALID);
        assertThat(IngestSignature.check(header, secret, body, 1_000_300)).isEqualTo(SignatureCheck.VALID);
        assertThat(IngestSignature.check(header, secret, body, 1_000_301)).isEqualTo(SignatureCheck.STALE);
        assertThat(IngestSignature.check(header, secret, body, 999_699)).isEqualTo(SignatureCheck.STALE);
        assertThat(IngestSignature.check(header, secret, "{}".getBytes(StandardCharsets.UTF_8), 1_000_000))
            .isEqualTo(SignatureCheck.BAD);
        assertThat(IngestSignature.check(null, secret, body, 1_000_000)).isEqualTo(SignatureCheck.BAD);
        assertThat(IngestSignature.check("v1=00", secret, body, 1_000_000)).isEqualTo(SignatureCheck.BAD);
        assertThat(IngestSignature.check("t=abc,v1=00", secret, body, 1_000_000)).isEqualTo(SignatureCheck.BAD);
    }

    /** The ingest's edges of the shared parse: spaces trimmed, any v1 of several, a missing part, a stale t told from a bad one. */
    @Test
    void shouldTrimSpacesTakeAnyV1AndTellStaleFromBad()
    {
        final byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        final byte[] body = "{\"sid\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        final String header = new WebhookSigner(secret).header(1_000_000, body);
        final String v1 = header.substring(header.indexOf("v1="));

        assertThat(IngestSignature.check(" t=1000000 ,  " + v1 + " ", secret, body, 1_000_000)).as("spaces").isEqualTo(SignatureCheck.VALID);
        assertThat(IngestSignature.check("t=1000000,v1=00," + v1, secret, body, 1_000_000)).as("the second v1 matches").isEqualTo(SignatureCheck.VALID);
        assertThat(IngestSignature.check("t=1000000,v1=00,v1=zz", secret, body, 1_000_000)).as("no v1 matches").isEqualTo(SignatureCheck.BAD);
        assertThat(IngestSignature.check("t=1000000", secret, body, 1_000_000)).as("no v1").isEqualTo(SignatureCheck.BAD);
        assertThat(IngestSignature.check(v1, secret, body, 1_000_000)).as("no t").isEqualTo(SignatureCheck.BAD);
        assertThat(IngestSignature.check("t=1000000,t=1000000," + v1, secret, body, 1_000_000)).as("two t").isEqualTo(SignatureCheck.BAD);
        assertThat(IngestSignature.check("t=999699,v1=00", secret, body, 1_000_000)).as("stale by one second, whatever its v1").isEqualTo(SignatureCheck.STALE);
        assertThat(IngestSignature.check("t=1000301,v1=00", secret, body, 1_000_000)).as("ahead by one second too many").isEqualTo(SignatureCheck.STALE);
    }
}
