package dev.pulse.server.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.netty.handler.ssl.SslContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a reload of the certificate does with good, bad and unchanged files. */
class LiveCertificateTest
{
    @TempDir
    Path dir;

    private TestCertificates first;
    private TestCertificates second;
    private Path certFile;
    private Path keyFile;
    private Metrics metrics;
    private LiveCertificate live;

    @BeforeEach
    void serveTheFirstPair() throws Exception
    {
        first = CertificateRenewal.pairs().first();
        second = CertificateRenewal.pairs().second();
        certFile = dir.resolve("server.crt.pem");
        keyFile = dir.resolve("server.key.pem");
        Files.copy(first.certFile(), certFile);
        Files.copy(first.keyFile(), keyFile);
        metrics = new Metrics();
        live = LiveCertificate.open(ServerConfig.defaults().toBuilder().tlsCertFile(certFile).tlsKeyFile(keyFile).build(), metrics);
    }

    @Test
    void shouldBeOffWithoutFilesAndRefuseOneFileAlone() throws Exception
    {
        assertThat(LiveCertificate.open(ServerConfig.defaults(), metrics)).isNull();
        assertThatThrownBy(() -> LiveCertificate.open(ServerConfig.defaults().toBuilder().tlsCertFile(certFile).build(), metrics))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("tls_cert_file and tls_key_file go together");
    }

    @Test
    void shouldServeANewValidPairAndCountIt() throws Exception
    {
        final SslContext before = live.sslContext();
        copy(second.certFile(), certFile);
        copy(second.keyFile(), keyFile);

        assertThat(live.reload()).isTrue();
        assertThat(live.sslContext()).isNotSameAs(before);
        assertThat(live.certificate()).isEqualTo(second.certificate());
        assertThat(sample("pulse_tls_reloads_total")).isEqualTo(1);
        assertThat(sample("pulse_tls_reload_failures_total")).isZero();
        assertThat(sample("pulse_tls_certificate_expiry_timestamp_seconds"))
            .isEqualTo(second.certificate().getNotAfter().getTime() / 1000);
    }

    @Test
    void shouldKeepTheOldPairWhenTheKeyIsNotTheNewCertificates() throws Exception
    {
        final SslContext before = live.sslContext();
        copy(second.certFile(), certFile);

        assertThat(live.reload()).isFalse();
        assertThat(live.sslContext()).isSameAs(before);
        assertThat(live.certificate()).isEqualTo(first.certificate());
        assertThat(sample("pulse_tls_reload_failures_total")).isEqualTo(1);
        assertThat(sample("pulse_tls_reloads_total")).isZero();
    }

    @Test
    void shouldKeepTheOldPairWhenAFileIsHalfWrittenOrGone() throws Exception
    {
        final String pem = Files.readString(second.certFile());
        Files.writeString(certFile, pem.substring(0, pem.length() / 2));
        assertThat(live.reload()).isFalse();
        Files.delete(keyFile);
        assertThat(live.reload()).isFalse();

        assertThat(live.certificate()).isEqualTo(first.certificate());
        assertThat(sample("pulse_tls_reload_failures_total")).isEqualTo(2);
    }

    @Test
    void shouldReloadOnAChangeOnlyAndTryABadPairOnceUntilItChangesAgain() throws Exception
    {
        live.reloadIfChanged();
        assertThat(sample("pulse_tls_reloads_total")).as("unchanged files: nothing to do").isZero();

        copy(second.certFile(), certFile);
        live.reloadIfChanged();
        live.reloadIfChanged();
        assertThat(sample("pulse_tls_reload_failures_total")).as("the mismatch is logged and counted once").isEqualTo(1);

        copy(second.keyFile(), keyFile);
        live.reloadIfChanged();
        assertThat(live.certificate()).isEqualTo(second.certificate());
        assertThat(sample("pulse_tls_reloads_total")).isEqualTo(1);
    }

    @Test
    void shouldLeaveAReadFailureToTheNextPollWithoutCountingIt() throws Exception
    {
        Files.delete(certFile);
        live.reloadIfChanged();
        assertThat(sample("pulse_tls_reload_failures_total")).as("a file being replaced is not yet an error").isZero();

        copy(second.certFile(), certFile);
        copy(second.keyFile(), keyFile);
        live.reloadIfChanged();
        assertThat(live.certificate()).isEqualTo(second.certificate());
    }

    private static void copy(final Path from, final Path to) throws Exception
    {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private long sample(final String name)
    {
        for (final String line : metrics.prometheusText().split("\n"))
        {
            if (line.startsWith(name + " "))
            {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no " + name + " in the metrics");
    }
}
