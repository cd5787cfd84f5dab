package dev.pulse.server.e2e;

import java.net.InetAddress;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.net.AddressRanges;
import dev.pulse.server.net.ClientAddressSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code client_address: forwarded} with {@code trusted_proxies: 127.0.0.1}, from raw sockets:
 * the per-address cap (here 1) counts the client a trusted proxy's {@code X-Forwarded-For} or
 * {@code Forwarded} names; from anyone else, and under {@code client_address: peer}, the same
 * headers change nothing.
 */
@Timeout(60)
class ForwardedEndToEndTest
{
    private static final String WS = "/ws?site=test";
    private static final String ORIGIN = "Origin: http://localhost";

    @TempDir
    Path dir;

    @Test
    void shouldCountTheClientATrustedProxyForwarded() throws Exception
    {
        try (TestServer server = server(ClientAddressSource.FORWARDED);
             RawWebSocket first = from("127.0.0.1", server, "X-Forwarded-For: 198.51.100.1, 198.51.100.7");
             RawWebSocket again = from("127.0.0.1", server, "Forwarded: for=198.51.100.7;proto=https");
             RawWebSocket other = from("127.0.0.1", server, "X-Forwarded-For: 198.51.100.7, 198.51.100.8");
             RawWebSocket unknown = from("127.0.0.1", server, "Forwarded: for=unknown");
             RawWebSocket proxyItself = from("127.0.0.1", server))
        {
            assertThat(first.handshakeStatus()).isEqualTo(101);
            assertThat(again.handshakeStatus()).as("the same client, named in Forwarded: at its cap of 1").isEqualTo(429);
            assertThat(other.handshakeStatus()).as("the rightmost hop is the client").isEqualTo(101);
            assertThat(unknown.handshakeStatus()).as("no address named: the proxy's own").isEqualTo(101);
            assertThat(proxyItself.handshakeStatus()).as("no header: the proxy's own, which the unknown one holds").isEqualTo(429);
        }
    }

    @Test
    void shouldIgnoreForwardingHeadersFromAnUntrustedPeer() throws Exception
    {
        try (TestServer server = server(ClientAddressSource.FORWARDED);
             RawWebSocket first = from("127.0.0.2", server, "X-Forwarded-For: 198.51.100.1");
             RawWebSocket second = from("127.0.0.2", server, "X-Forwarded-For: 198.51.100.2", "Forwarded: for=198.51.100.3"))
        {
            assertThat(first.handshakeStatus()).isEqualTo(101);
            assertThat(second.handshakeStatus()).as("counted under 127.0.0.2, whatever it says").isEqualTo(429);
        }
    }

    @Test
    void shouldIgnoreForwardingHeadersEvenFromATrustedProxyUnlessTheSourceIsForwarded() throws Exception
    {
        for (final ClientAddressSource source : new ClientAddressSource[] {ClientAddressSource.PEER, ClientAddressSource.PROXY_PROTOCOL})
        {
            try (TestServer server = new TestServer(dir.resolve(source.key()), builder -> builder
                     .trustedProxies(AddressRanges.parseOrNull("127.0.0.2")).clientAddress(source).maxConnectionsPerAddress(1));
                 RawWebSocket first = from("127.0.0.3", server, "X-Forwarded-For: 198.51.100.1");
                 RawWebSocket second = from("127.0.0.3", server, "X-Forwarded-For: 198.51.100.2"))
            {
                assertThat(first.handshakeStatus()).isEqualTo(101);
                assertThat(second.handshakeStatus()).as(source.key()).isEqualTo(429);
            }
        }
    }

    private TestServer server(final ClientAddressSource source) throws Exception
    {
        return new TestServer(dir, builder -> builder.trustedProxies(AddressRanges.parseOrNull("127.0.0.1")).clientAddress(source)
            .maxConnectionsPerAddress(1));
    }

    private static RawWebSocket from(final String local, final TestServer server, final String... headers) throws Exception
    {
        final String[] all = new String[headers.length + 1];
        all[0] = ORIGIN;
        System.arraycopy(headers, 0, all, 1, headers.length);
        return RawWebSocket.connectFrom(InetAddress.getByName(local), server.port(), WS, all);
    }
}
