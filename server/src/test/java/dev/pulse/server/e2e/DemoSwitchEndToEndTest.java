package dev.pulse.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo shop and catalog are off unless asked for: a server given a catalog answers 404 under
 * {@code /demo/} until {@code demo: true}; a server given no catalog serves the demo (what the
 * README's "Try it" runs) and says so, with how to turn it off.
 */
@Timeout(120)
class DemoSwitchEndToEndTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldServeTheDemoBesideACatalogOnlyWhenAsked() throws Exception
    {
        try (TestServer server = new TestServer(dir.resolve("catalog-only")))
        {
            assertThat(status(server.port(), "/demo/")).isEqualTo(404);
            assertThat(status(server.port(), "/demo/pricing")).isEqualTo(404);
            assertThat(status(server.port(), "/healthz")).isEqualTo(200);
        }
        try (TestServer server = new TestServer(dir.resolve("asked"), builder -> builder.demo(true)))
        {
            assertThat(status(server.port(), "/demo/")).isEqualTo(200);
        }
    }

    @Test
    void shouldServeTheDemoWithoutACatalogAndSayHowToTurnItOff() throws Exception
    {
        final Path tokenFile = Files.writeString(dir.resolve("admin.token"), "t0ken-never-printed\n");
        final StringBuffer output = new StringBuffer();
        // No catalog, as "java -jar pulse.jar" runs; a child JVM, so the log line is read as an operator reads it.
        final Process process = ServerProcess.start(dir.resolve("data"), "--drain-delay", "0", "--close-spread", "0",
            "--admin-token-file", tokenFile.toString());
        try
        {
            final int port = ServerProcess.awaitPort(process, output);

            assertThat(status(port, "/demo/")).isEqualTo(200);
            assertThat(output.toString())
                .contains("serving the demo shop at /demo/ and the bundled demo catalog, because no catalog_file is given; "
                    + "give your catalog with --catalog FILE (catalog_file) to serve it instead")
                .contains("(demo: http://localhost:" + port + "/demo/)");
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(output.toString()).as("the token is never logged").doesNotContain("t0ken-never-printed");
        }
        finally
        {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int status(final int port, final String path) throws Exception
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
