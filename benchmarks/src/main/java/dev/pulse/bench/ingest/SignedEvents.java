package dev.pulse.bench.ingest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The benchmark's backend: a signed {@code payment_declined} for a session, as docs/protocol.md
 * ("Backend events") says a site's backend sends one, with the HMAC-SHA256 of {@code "<t>.<body>"}
 * written here from the spec (not the server's signer), so a server that read the scheme
 * otherwise would refuse every request. One sender thread: the {@link Mac} is not shared.
 */
final class SignedEvents
{
    private final URI uri;
    private final String keyId;
    private final Mac mac;

    SignedEvents(final IngestSettings settings) throws GeneralSecurityException
    {
        this.uri = URI.create("http://127.0.0.1:" + settings.port() + "/v1/sites/" + settings.site() + "/events");
        this.keyId = settings.keyId();
        this.mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(settings.secret(), "HmacSHA256"));
    }

    /** The request for event {@code n} of the run, to session {@code sid}. */
    HttpRequest declined(final String sid, final long n)
    {
        final byte[] body = ("{\"sid\":\"" + sid + "\",\"name\":\"payment_declined\",\"fields\":{\"reason\":\"card_declined\",\"amount\":"
            + (n % 500) + "}}").getBytes(StandardCharsets.UTF_8);
        final long t = System.currentTimeMillis() / 1000;
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        final String signature = "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json").header("Pulse-Key", keyId).header("Pulse-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
