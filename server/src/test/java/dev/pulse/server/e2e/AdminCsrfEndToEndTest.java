package dev.pulse.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin routes' CSRF rules over real HTTP: what a forged browser request would send is refused; a script and a GET are not. */
@Timeout(60)
class AdminCsrfEndToEndTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "test-admin-token";

    @TempDir
    Path dir;

    @Test
    void shouldRefuseACrossSiteOrBasicReloadAndServeAScriptAndTheBrowsersReads() throws Exception
    {
        try (TestServer server = new TestServer(dir))
        {
            final String base = "http://127.0.0.1:" + server.port();
            final String basic = "Basic " + Base64.getEncoder().encodeToString(("ops:" + TOKEN).getBytes(StandardCharsets.UTF_8));

            final HttpResponse<String> forged = send(post(base, "Bearer " + TOKEN).header("Origin", "https://evil.example"));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("another origin");
            assertThat(send(post(base, "Bearer " + TOKEN).header("Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
            final HttpResponse<String> asBasic = send(post(base, basic));
            assertThat(asBasic.statusCode()).isEqualTo(401);
            assertThat(asBasic.body()).contains("Authorization: Bearer");

            assertThat(send(post(base, "Bearer " + TOKEN)).statusCode()).as("a script").isEqualTo(200);
            assertThat(send(post(base, "Bearer " + TOKEN).header("Origin", base)).statusCode()).as("the server's own page").isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/preview")).header("Authorization", basic)
                .header("Sec-Fetch-Site", "cross-site")).statusCode()).as("the preview in a browser").isEqualTo(200);
        }
    }

    private static HttpRequest.Builder post(final String base, final String authorization)
    {
        return HttpRequest.newBuilder(URI.create(base + "/admin/catalog/reload")).header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.noBody());
    }

    private static HttpResponse<String> send(final HttpRequest.Builder request) throws Exception
    {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
