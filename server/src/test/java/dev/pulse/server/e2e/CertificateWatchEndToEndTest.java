package dev.pulse.server.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.testing.Eventually;
import dev.pulse.server.tls.CertificateRenewal;
import dev.pulse.server.tls.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificate files watched ({@code tls_watch_ms}): a renewal written over them reaches new
 * connections without a signal or a restart, while a connection opened before keeps its session.
 * Written the slow way (the certificate half first, then the rest, then the key), each state on
 * the way that is not a valid pair is refused and counted, and the old certificate serves until
 * the pair is whole.
 */
@Timeout(120)
class CertificateWatchEndToEndTest
{
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void shouldServeARenewalWrittenOverTheFilesOnceThePairIsWholeAndKeepOpenConnections() throws Exception
    {
        final TestCertificates first = CertificateRenewal.pairs().first();
        final TestCertificates second = CertificateRenewal.pairs().second();
        final Path certFile = dir.resolve("server.crt.pem");
        final Path keyFile = dir.resolve("server.key.pem");
        Files.copy(first.certFile(), certFile);
        Files.copy(first.keyFile(), keyFile);
        try (TestServer server = new TestServer(dir, builder -> builder.tlsCertFile(certFile).tlsKeyFile(keyFile).tlsWatchMs(50)))
        {
            final SSLContext trust = TestCertificates.trusting(first, second);
            try (TlsConnection before = TlsConnection.open(trust, server.port()))
            {
                final byte[] sessionBefore = before.sessionId();
                final String renewed = Files.readString(second.certFile());

                Files.writeString(certFile, renewed.substring(0, renewed.length() / 2));
                Eventually.holds(() -> server.metric("pulse_tls_reload_failures_total") >= 1, GENEROUS, "the half-written file is refused");
                assertThat(TlsConnection.certificateOfNew(trust, server.port())).as("the old certificate still serves")
                    .isEqualTo(first.certificate());
                assertThat(server.metric("pulse_tls_reloads_total")).isZero();

                Files.writeString(certFile, renewed);
                Files.copy(second.keyFile(), keyFile, StandardCopyOption.REPLACE_EXISTING);
                Eventually.holds(() -> second.certificate().equals(TlsConnection.certificateOfNew(trust, server.port())),
                    GENEROUS, "new connections get the renewed certificate");
                assertThat(server.metric("pulse_tls_reloads_total")).isEqualTo(1);

                assertThat(before.get("/healthz")).as("the connection opened before still works").isEqualTo(200);
                assertThat(before.peerCertificate()).isEqualTo(first.certificate());
                assertThat(before.sessionId()).isEqualTo(sessionBefore);
            }
        }
    }
}
