package dev.pulse.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pulse.server.webhook.WebhookSigner;

/** A site's backend posting events to a real server with java.net.http, signed as the webhooks are ({@link WebhookSigner}). */
final class IngestClient
{
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final int port;
    private final String site;
    private final String keyId;
    private final byte[] secret;

    IngestClient(final int port, final String site, final String keyId, final String secret)
    {
        this.port = port;
        this.site = site;
        this.keyId = keyId;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A body: the session, the name, an event id (none if null) and the fields as JSON text ({@code {"amount":12}}; none if null). */
    static String body(final String sid, final String name, final String eventId, final String fieldsJson)
    {
        return "{\"sid\":\"" + sid + "\",\"name\":\"" + name + "\"" + (eventId == null ? "" : ",\"id\":\"" + eventId + "\"")
            + (fieldsJson == null ? "" : ",\"fields\":" + fieldsJson) + "}";
    }

    /** Posts {@code body} signed now. */
    Answer post(final String body) throws Exception
    {
        return post(body, System.currentTimeMillis() / 1000, secret, keyId, "");
    }

    /** Posts {@code body} signed at {@code unixSeconds} with {@code signingSecret}, naming {@code key}, with {@code query} after the path. */
    Answer post(final String body, final long unixSeconds, final byte[] signingSecret, final String key, final String query) throws Exception
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/sites/" + site + "/events" + query))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Pulse-Signature", new WebhookSigner(signingSecret).header(unixSeconds, bytes))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (key != null)
        {
            request.header("Pulse-Key", key);
        }
        final HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), TestClient.JSON.readTree(response.body()));
    }

    byte[] secret()
    {
        return secret.clone();
    }

    String keyId()
    {
        return keyId;
    }

    /** A status and its JSON body. */
    record Answer(int status, JsonNode json)
    {
        String status(final String field)
        {
            return json.path(field).asText();
        }
    }
}
