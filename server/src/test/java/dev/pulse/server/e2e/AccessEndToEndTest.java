package dev.pulse.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.auth.SessionToken;
import dev.pulse.server.auth.SigningKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access on the real server: a session belongs to the site that created it, the admin routes are
 * off without a token, secrets never show on an HTTP route, and /metrics can move to a listener
 * of its own.
 */
@Timeout(60)
class AccessEndToEndTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String KEY_HEX = "8f1c2b7a90d4e35612ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90";

    @TempDir
    Path dir;

    private static HttpResponse<String> get(final int port, final String path, final String adminToken) throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (adminToken != null)
        {
            request.header("Authorization", "Bearer " + adminToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldStartANewSessionForASidOfAnotherSite() throws Exception
    {
        final String testSid;
        final String otherSid;
        try (TestServer server = new TestServer(dir))
        {
            try (TestClient client = server.connect())
            {
                testSid = client.hello(null).get("sid").asText();
                client.awaitAck(client.send("active"));
            }
            server.server().close();
            Files.writeString(server.catalogFile(), Files.readString(server.catalogFile()).replace("key: test", "key: other"));
            server.start();
            try (TestClient client = TestClient.connect(server.port(), "other", "http://localhost"))
            {
                final JsonNode welcome = client.hello(testSid);
                assertThat(welcome.get("resumed").asBoolean()).isFalse();
                otherSid = welcome.get("sid").asText();
                assertThat(otherSid).isNotEqualTo(testSid);
                assertThat(welcome.get("seq").asLong()).isZero();
            }
        }
        // Signed, on the first site again: a token naming the other site's session starts that id
        // afresh for this site; it does not resume the other site's record.
        try (TestServer server = new TestServer(dir, builder -> builder.signingKey(SigningKey.parseOrNull(KEY_HEX)));
            TestClient client = server.connect())
        {
            final String token = SessionToken.mint(SigningKey.parseOrNull(KEY_HEX), "test", otherSid, System.currentTimeMillis() / 1000 + 600);
            final JsonNode welcome = client.hello(null, token);
            assertThat(welcome.get("sid").asText()).isEqualTo(otherSid);
            assertThat(welcome.get("resumed").asBoolean()).isFalse();
            client.awaitAck(client.send("active"));
        }
    }

    @Test
    void shouldTurnTheAdminRoutesOffWithoutAnAdminToken() throws Exception
    {
        try (TestServer server = new TestServer(dir, builder -> builder.adminToken(null)))
        {
            for (final String path : new String[] {"/admin/catalog", "/admin/report", "/admin/sessions/0123456789abcdef0123456789abcdef",
                "/preview"})
            {
                assertThat(get(server.port(), path, null).statusCode()).as(path).isEqualTo(404);
                assertThat(get(server.port(), path, "test-admin-token").statusCode()).as(path + " with a token").isEqualTo(404);
            }
            assertThat(get(server.port(), "/healthz", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldServeTheAdminRoutesToTheBearerTokenAlone() throws Exception
    {
        try (TestServer server = new TestServer(dir))
        {
            for (final String path : new String[] {"/admin/catalog", "/admin/report", "/preview"})
            {
                assertThat(get(server.port(), path, null).statusCode()).as(path + " without a token").isEqualTo(401);
                assertThat(get(server.port(), path, "test-admin-tokeN").statusCode()).as(path + " with a wrong token").isEqualTo(401);
                assertThat(get(server.port(), path, "test-admin-token-").statusCode()).as(path + " with a longer token").isEqualTo(401);
                assertThat(get(server.port(), path, "test-admin-token").statusCode()).as(path + " with the token").isEqualTo(200);
            }
        }
    }

    @Test
    void shouldNeverShowTheSigningKeyOnAnHttpRoute() throws Exception
    {
        final byte[] key = HexFormat.of().parseHex(KEY_HEX);
        try (TestServer server = new TestServer(dir, builder -> builder.signingKey(SigningKey.parseOrNull(KEY_HEX))))
        {
            for (final String path : new String[] {"/admin/catalog", "/metrics", "/preview"})
            {
                final HttpResponse<String> response = get(server.port(), path, "test-admin-token");
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.body()).as(path).doesNotContainIgnoringCase(KEY_HEX)
                    .doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(key))
                    .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
            }
        }
    }

    @Test
    void shouldServeMetricsOnlyOnTheMetricsListenerWhenOneIsConfigured() throws Exception
    {
        try (TestServer server = new TestServer(dir, builder -> builder.metricsPort(0).metricsBind("127.0.0.1")))
        {
            final int metricsPort = server.server().metricsPort();
            assertThat(metricsPort).isPositive().isNotEqualTo(server.port());

            final HttpResponse<String> metrics = get(metricsPort, "/metrics", null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("pulse_connections_total");
            assertThat(get(metricsPort, "/healthz", null).statusCode()).isEqualTo(200);
            assertThat(get(metricsPort, "/readyz", null).body()).isEqualTo("ready");
            for (final String path : new String[] {"/pulse.js", "/demo/", "/admin/catalog", "/preview", "/ws?site=test", "/"})
            {
                assertThat(get(metricsPort, path, "test-admin-token").statusCode()).as("metrics listener: " + path).isEqualTo(404);
            }
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);

            assertThat(get(server.port(), "/metrics", null).statusCode()).as("main port: /metrics moved").isEqualTo(404);
            assertThat(get(server.port(), "/healthz", null).statusCode()).as("main port keeps its probes").isEqualTo(200);
            assertThat(get(server.port(), "/pulse.js", null).statusCode()).isEqualTo(200);
        }
        try (TestServer server = new TestServer(dir.resolve("default")))
        {
            assertThat(server.server().metricsPort()).isEqualTo(-1);
            assertThat(get(server.port(), "/metrics", null).statusCode()).as("no listener: /metrics on the main port").isEqualTo(200);
        }
    }

    @Test
    void shouldOpenTheAdminRoutesWithTheTokenReadFromItsFile() throws Exception
    {
        final Path tokenFile = Files.writeString(dir.resolve("admin.token"), "t0ken-from-file\n");
        try (TestServer server = new TestServer(dir.resolve("server"), builder -> builder.adminToken(null).adminTokenFile(tokenFile)))
        {
            assertThat(get(server.port(), "/admin/catalog", "t0ken-from-file").statusCode()).isEqualTo(200);
            assertThat(get(server.port(), "/admin/catalog", "test-admin-token").statusCode()).isEqualTo(401);
            assertThat(get(server.port(), "/admin/catalog", null).statusCode()).isEqualTo(401);
        }
    }
}
