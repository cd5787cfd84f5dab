package dev.pulse.server.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import dev.pulse.server.PulseMain;
import dev.pulse.server.ServerLauncher;
import dev.pulse.server.tls.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS on the real server, with certificates keytool makes in the test: {@code --tls-cert} and
 * {@code --tls-key} serve {@code https://} and {@code wss://} on the one port (and nothing in the
 * clear there), and every bad pair of files is a configuration error (exit 2) naming the setting
 * and the file, before the server listens.
 */
@Timeout(120)
class TlsEndToEndTest
{
    @TempDir
    static Path certs;

    @TempDir
    Path dir;

    private static TestCertificates pair;
    private static TestCertificates otherPair;

    @BeforeAll
    static void makeCertificates() throws Exception
    {
        pair = TestCertificates.generate(certs, "pulse");
        otherPair = TestCertificates.generate(certs, "other");
    }

    private static HttpClient trustingClient() throws Exception
    {
        return HttpClient.newBuilder().sslContext(pair.trustingClientContext()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void shouldServeHttpsAndWssWithTheGivenCertificate() throws Exception
    {
        try (TestServer server = new TestServer(dir, builder -> builder.tlsCertFile(pair.certFile()).tlsKeyFile(pair.keyFile())))
        {
            final HttpClient https = trustingClient();
            final HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.sslSession()).hasValueSatisfying(session -> assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));
            assertThat(https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/pulse.js")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            try (TestClient client = TestClient.connect(https, URI.create("wss://127.0.0.1:" + server.port() + "/ws?site=test"), "http://localhost"))
            {
                assertThat(client.hello(null).get("sid").asText()).matches("[0-9a-f]{32}");
                client.awaitAck(client.send("active"));
            }

            final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()))
                .as("nothing in the clear on a TLS port").isInstanceOf(IOException.class);
            final HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString())).as("a client that does not trust the certificate").isInstanceOf(IOException.class);

            // Both failed handshakes are counted; the server may see the second one's alert a moment after the client gave up.
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String metrics = "";
            while (!metrics.matches("(?s).*pulse_connections_refused_total\\{reason=\"tls\"} [2-9].*") && System.nanoTime() < deadline)
            {
                Thread.sleep(50);
                metrics = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(metrics).containsPattern("pulse_connections_refused_total\\{reason=\"tls\"} [2-9]");
            assertThat(server.server().metrics().internalErrors()).as("failed TLS handshakes are noise, not errors").isZero();
        }
    }

    @Test
    void shouldRefuseAMissingCertificateWithExit2() throws Exception
    {
        final Path missing = dir.resolve("missing.pem");
        final Result result = serve("--tls-cert", missing.toString(), "--tls-key", pair.keyFile().toString());
        assertThat(result.status).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(result.err).contains("tls_cert_file").contains(missing.toString());
    }

    @Test
    void shouldRefuseAKeyThatIsNotTheCertificatesWithExit2() throws Exception
    {
        final Result result = serve("--tls-cert", pair.certFile().toString(), "--tls-key", otherPair.keyFile().toString());
        assertThat(result.status).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(result.err).contains("tls_key_file: " + otherPair.keyFile() + " is not the private key of the certificate in " + pair.certFile());
    }

    @Test
    void shouldRefuseSwappedFilesOrOnlyOneOfThemWithExit2() throws Exception
    {
        final Result swapped = serve("--tls-cert", pair.keyFile().toString(), "--tls-key", pair.certFile().toString());
        assertThat(swapped.status).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(swapped.err).contains("tls_cert_file: " + pair.keyFile() + " holds no PEM certificate");

        final Result certOnly = serve("--tls-cert", pair.certFile().toString());
        assertThat(certOnly.status).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(certOnly.err).contains("tls_cert_file and tls_key_file go together");

        final Path rsaKey = dir.resolve("rsa.key.pem");
        Files.writeString(rsaKey, Files.readString(pair.keyFile()).replace("PRIVATE KEY", "RSA PRIVATE KEY"));
        final Result oldFormat = serve("--tls-cert", pair.certFile().toString(), "--tls-key", rsaKey.toString());
        assertThat(oldFormat.status).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(oldFormat.err).contains("holds a RSA PRIVATE KEY (the old format)").contains("openssl pkcs8 -topk8");
    }

    private record Result(int status, String err)
    {
    }

    /** {@code pulse serve} with the real launcher: a bad TLS file must stop it before it listens. */
    private Result serve(final String... tlsArgs) throws Exception
    {
        final Path catalog = dir.resolve("catalog.yaml");
        try (InputStream in = TlsEndToEndTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            Files.write(catalog, in.readAllBytes());
        }
        final List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--bind", "127.0.0.1", "--data", dir.resolve("data").toString(),
            "--catalog", catalog.toString()));
        args.addAll(List.of(tlsArgs));
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = PulseMain.commandLine(ServerLauncher.pulseServer(), Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int status = PulseMain.execute(commandLine, args.toArray(String[]::new));
        assertThat(out.toString()).as("never listening").doesNotContain("listening");
        return new Result(status, err.toString());
    }
}
