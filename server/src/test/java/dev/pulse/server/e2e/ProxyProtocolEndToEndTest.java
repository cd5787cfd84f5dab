package dev.pulse.server.e2e;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.config.ServerConfigBuilder;
import dev.pulse.server.net.AddressRanges;
import dev.pulse.server.net.ClientAddressSource;
import dev.pulse.server.tls.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code client_address: proxy_protocol} with {@code trusted_proxies: 127.0.0.1}, from raw
 * sockets: a trusted proxy's PROXY header (version 1 or 2, before TLS when the port speaks TLS)
 * names the client the per-address cap (here 1) counts; a LOCAL command is the proxy itself; a
 * trusted proxy that sends no header is closed and counted; anyone else's PROXY header is bad HTTP.
 */
@Timeout(60)
class ProxyProtocolEndToEndTest
{
    private static final InetAddress PROXY = address("127.0.0.1");
    private static final InetAddress STRANGER = address("127.0.0.2");
    private static final String BAD_REQUESTS = "pulse_connections_refused_total{reason=\"bad_request\"}";

    @TempDir
    Path dir;

    @Test
    void shouldCountEachConnectionUnderTheClientItsHeaderNamesInEitherVersion() throws Exception
    {
        try (TestServer server = server(dir);
             ProxyProtocolClient first = upgrade(server, ProxyProtocolClient.v1("198.51.100.7"));
             ProxyProtocolClient again = upgrade(server, ProxyProtocolClient.v2("198.51.100.7"));
             ProxyProtocolClient other = upgrade(server, ProxyProtocolClient.v2("198.51.100.8"));
             ProxyProtocolClient ipv6 = upgrade(server, ProxyProtocolClient.v1("2001:db8::7"));
             ProxyProtocolClient sameNetwork = upgrade(server, ProxyProtocolClient.v1("2001:db8::8")))
        {
            assertThat(first.status()).isEqualTo(101);
            assertThat(again.status()).as("the same client through version 2: at its cap of 1").isEqualTo(429);
            assertThat(other.status()).as("another client through the same proxy").isEqualTo(101);
            assertThat(ipv6.status()).isEqualTo(101);
            assertThat(sameNetwork.status()).as("an IPv6 client counts by its /64").isEqualTo(429);
        }
    }

    @Test
    void shouldTakeALocalCommandAsTheProxySpeakingForItself() throws Exception
    {
        try (TestServer server = server(dir);
             ProxyProtocolClient check = ProxyProtocolClient.send(PROXY, server.port(), ProxyProtocolClient.v2Local(),
                 "GET /readyz HTTP/1.1\r\nHost: pulse\r\n\r\n", null);
             ProxyProtocolClient first = upgrade(server, ProxyProtocolClient.v2Local());
             ProxyProtocolClient second = upgrade(server, ProxyProtocolClient.v2Local());
             ProxyProtocolClient unknown = upgrade(server, "PROXY UNKNOWN\r\n".getBytes(StandardCharsets.US_ASCII)))
        {
            assertThat(check.status()).as("a health check").isEqualTo(200);
            assertThat(first.status()).isEqualTo(101);
            assertThat(second.status()).as("counted under the proxy's own address").isEqualTo(429);
            assertThat(unknown.status()).as("an UNKNOWN source is the proxy too").isEqualTo(429);
            assertThat(server.metric(BAD_REQUESTS)).isZero();
        }
    }

    @Test
    void shouldCloseATrustedProxyThatSendsNoHeaderWithoutAnAnswer() throws Exception
    {
        try (TestServer server = server(dir);
             ProxyProtocolClient noHeader = upgrade(server, new byte[0]);
             ProxyProtocolClient damaged = upgrade(server, "PROXY TCP4 198.51.100.7\r\n".getBytes(StandardCharsets.US_ASCII)))
        {
            assertThat(noHeader.status()).as("a receiver must not guess whether the header is there").isEqualTo(-1);
            assertThat(damaged.status()).isEqualTo(-1);
            // The decoder closes the connection before the refusal is counted: wait for the count.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.metric(BAD_REQUESTS) < 2 && System.nanoTime() < deadline)
            {
                Thread.sleep(20);
            }
            assertThat(server.metric(BAD_REQUESTS)).as("each counted once").isEqualTo(2);
        }
    }

    @Test
    void shouldRefuseAProxyHeaderFromAnyoneElseAsBadHttp() throws Exception
    {
        try (TestServer server = server(dir);
             ProxyProtocolClient v1 = ProxyProtocolClient.send(STRANGER, server.port(), ProxyProtocolClient.v1("198.51.100.7"),
                 ProxyProtocolClient.upgrade(server.port()), null);
             ProxyProtocolClient v2 = ProxyProtocolClient.send(STRANGER, server.port(), ProxyProtocolClient.v2("198.51.100.7"),
                 ProxyProtocolClient.upgrade(server.port()), null);
             ProxyProtocolClient plain = ProxyProtocolClient.send(STRANGER, server.port(), new byte[0], ProxyProtocolClient.upgrade(server.port()), null))
        {
            assertThat(v1.status()).isEqualTo(400);
            assertThat(v2.status()).isIn(400, -1);
            assertThat(plain.status()).as("the stranger itself is served, under its own address").isEqualTo(101);
        }
    }

    @Test
    void shouldReadTheHeaderBeforeTheTlsHandshake() throws Exception
    {
        final TestCertificates certificates = TestCertificates.generate(dir.resolve("certs"), "pulse");
        try (TestServer server = new TestServer(dir.resolve("server"), builder -> proxyProtocol(builder)
                 .tlsCertFile(certificates.certFile()).tlsKeyFile(certificates.keyFile()));
             ProxyProtocolClient first = ProxyProtocolClient.send(PROXY, server.port(), ProxyProtocolClient.v2("198.51.100.7"),
                 ProxyProtocolClient.upgrade(server.port()), certificates.trustingClientContext());
             ProxyProtocolClient again = ProxyProtocolClient.send(PROXY, server.port(), ProxyProtocolClient.v1("198.51.100.7"),
                 ProxyProtocolClient.upgrade(server.port()), certificates.trustingClientContext()))
        {
            assertThat(first.status()).isEqualTo(101);
            assertThat(again.status()).isEqualTo(429);
        }
    }

    private static TestServer server(final Path dir) throws Exception
    {
        return new TestServer(dir, ProxyProtocolEndToEndTest::proxyProtocol);
    }

    private static ServerConfigBuilder proxyProtocol(final ServerConfigBuilder builder)
    {
        return builder.trustedProxies(AddressRanges.parseOrNull("127.0.0.1")).clientAddress(ClientAddressSource.PROXY_PROTOCOL)
            .maxConnectionsPerAddress(1);
    }

    private static ProxyProtocolClient upgrade(final TestServer server, final byte[] header) throws Exception
    {
        return ProxyProtocolClient.send(PROXY, server.port(), header, ProxyProtocolClient.upgrade(server.port()), null);
    }

    private static InetAddress address(final String literal)
    {
        try
        {
            return InetAddress.getByName(literal);
        }
        catch (final UnknownHostException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
