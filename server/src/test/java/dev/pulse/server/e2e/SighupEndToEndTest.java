package dev.pulse.server.e2e;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.testing.Eventually;
import dev.pulse.server.tls.CertificateRenewal;
import dev.pulse.server.tls.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGHUP to a real process (what systemd's {@code ExecReload} sends): it reloads the catalog, as
 * the admin route does, and the TLS certificate and key. The file watches are off here
 * ({@code catalog_watch_ms} and {@code tls_watch_ms} 0), so only the signal can make the change.
 * A connection opened before the certificate reload keeps working on its own session; a new one
 * gets the new certificate; a pair that does not match replaces nothing. Before SIGHUP was handled,
 * the JVM's default for it ended the process (status 129).
 */
@Timeout(180)
class SighupEndToEndTest
{
    private static final String ADMIN_TOKEN = "sighup-admin-token";
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** One process for both reloads: a child JVM's start is most of the time of a test like this. */
    @Test
    void shouldReloadTheCatalogAndGiveNewConnectionsTheNewCertificateAfterSighupKeepingThoseOpenedBefore() throws Exception
    {
        final TestCertificates first = CertificateRenewal.pairs().first();
        final TestCertificates second = CertificateRenewal.pairs().second();
        final Path catalog = catalogFile();
        final Path certFile = dir.resolve("server.crt.pem");
        final Path keyFile = dir.resolve("server.key.pem");
        install(first, certFile, keyFile);
        final Process process = ServerProcess.start(Map.of("PULSE_CATALOG_WATCH_MS", "0", "PULSE_TLS_WATCH_MS", "0",
            "PULSE_ADMIN_TOKEN", ADMIN_TOKEN), dir.resolve("data"), "--catalog", catalog.toString(), "--tls-cert", certFile.toString(),
            "--tls-key", keyFile.toString());
        try
        {
            final StringBuffer output = new StringBuffer();
            final int port = ServerProcess.awaitPort(process, output);
            assertThat(output.toString()).as("SIGHUP reaches the server here (this test cannot run where it is ignored, as under nohup)")
                .doesNotContain("SIGHUP was ignored");
            final SSLContext trust = TestCertificates.trusting(first, second);
            final HttpClient https = HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(10)).build();
            final URI admin = URI.create("https://127.0.0.1:" + port + "/admin/catalog");
            try (TlsConnection before = TlsConnection.open(trust, port);
                TestClient socket = TestClient.connect(https, URI.create("wss://127.0.0.1:" + port + "/ws?site=test"), "http://localhost"))
            {
                assertThat(catalogVersion(https, admin)).isEqualTo("e2e-1");
                assertThat(before.peerCertificate()).isEqualTo(first.certificate());
                assertThat(before.get("/healthz")).isEqualTo(200);
                final byte[] sessionBefore = before.sessionId();
                socket.hello(null);

                Files.writeString(catalog, Files.readString(catalog).replace("version: e2e-1", "version: e2e-2"));
                install(second, certFile, keyFile);
                ServerProcess.signal(process, "HUP");
                Eventually.holds(() -> "e2e-2".equals(catalogVersion(https, admin)), GENEROUS, "the catalog file's new version serves");
                Eventually.holds(() -> second.certificate().equals(TlsConnection.certificateOfNew(trust, port)), GENEROUS,
                    "new connections get the new certificate");

                assertThat(before.get("/healthz")).as("the connection opened before still works").isEqualTo(200);
                assertThat(before.peerCertificate()).isEqualTo(first.certificate());
                assertThat(before.sessionId()).as("on its own TLS session").isEqualTo(sessionBefore);
                socket.awaitAck(socket.send("active"));
                assertThat(metric(https, port, "pulse_tls_reloads_total")).isEqualTo(1);

                // The new certificate with the old key: refused, the good pair keeps serving.
                Files.copy(first.keyFile(), keyFile, StandardCopyOption.REPLACE_EXISTING);
                ServerProcess.signal(process, "HUP");
                Eventually.holds(() -> metric(https, port, "pulse_tls_reload_failures_total") == 1, GENEROUS, "the bad pair is counted");
                assertThat(TlsConnection.certificateOfNew(trust, port)).isEqualTo(second.certificate());
                assertThat(metric(https, port, "pulse_tls_reloads_total")).isEqualTo(1);
            }
            stopAndExpectZero(process);
        }
        finally
        {
            process.destroyForcibly();
        }
    }

    /**
     * Under nohup SIGHUP is ignored from the start, and the JVM keeps it so: the log says so at start, and a SIGHUP neither
     * reloads nor ends the process (the JVM's default would exit with 129).
     */
    @Test
    void underNohupTheLogSaysSighupIsIgnoredAndOneDoesNotEndTheServer() throws Exception
    {
        final Process process = ServerProcess.startUnder(List.of("nohup"), Map.of("PULSE_CATALOG_WATCH_MS", "0"), dir.resolve("data"),
            "--catalog", catalogFile().toString());
        try
        {
            final StringBuffer output = new StringBuffer();
            ServerProcess.awaitPort(process, output);
            assertThat(output.toString()).contains("SIGHUP was ignored when this process started (under nohup?), and stays ignored")
                .doesNotContain("SIGTERM was ignored");
            ServerProcess.signal(process, "HUP");
            stopAndExpectZero(process);
        }
        finally
        {
            process.destroyForcibly();
        }
    }

    private Path catalogFile() throws Exception
    {
        final Path catalog = dir.resolve("catalog.yaml");
        try (InputStream in = SighupEndToEndTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            Files.write(catalog, in.readAllBytes());
        }
        return catalog;
    }

    /** Puts {@code pair} where the server reads its certificate and key, each file replaced in one step. */
    private static void install(final TestCertificates pair, final Path certFile, final Path keyFile) throws Exception
    {
        replace(pair.certFile(), certFile);
        replace(pair.keyFile(), keyFile);
    }

    private static void replace(final Path from, final Path to) throws Exception
    {
        final Path next = to.resolveSibling(to.getFileName() + ".next");
        Files.copy(from, next, StandardCopyOption.REPLACE_EXISTING);
        Files.move(next, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String catalogVersion(final HttpClient http, final URI admin) throws Exception
    {
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(admin).header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return TestClient.JSON.readTree(response.body()).get("version").asText();
    }

    private static long metric(final HttpClient https, final int port, final String name) throws Exception
    {
        final String text = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        for (final String line : text.split("\n"))
        {
            if (line.startsWith(name + " "))
            {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no " + name + " in /metrics");
    }


    /** SIGTERM: the process, still running after its SIGHUPs, stops cleanly. */
    private static void stopAndExpectZero(final Process process) throws Exception
    {
        assertThat(process.isAlive()).isTrue();
        process.destroy();
        assertThat(process.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }
}
