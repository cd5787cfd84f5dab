package dev.pulse.server.net;

import java.net.InetAddress;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client a trusted proxy forwarded: the rightmost untrusted hop of {@code Forwarded}, else of
 * {@code X-Forwarded-For}; the peer whenever the headers cannot be believed.
 */
class ForwardedForTest
{
    private static final AddressRanges TRUSTED = AddressRanges.parseOrNull("10.0.0.0/8, fd00::/8");
    private static final InetAddress PEER = address("10.0.0.1");

    @Test
    void shouldTakeTheRightmostUntrustedHopOfXForwardedFor()
    {
        assertThat(xff("203.0.113.7")).isEqualTo(address("203.0.113.7"));
        // The client wrote 198.51.100.1 itself; the trusted 10.1.2.3 forwarded for 203.0.113.7.
        assertThat(xff("198.51.100.1, 203.0.113.7, 10.1.2.3")).isEqualTo(address("203.0.113.7"));
        assertThat(xff("198.51.100.1,203.0.113.7")).isEqualTo(address("203.0.113.7"));
    }

    @Test
    void shouldReadEveryLineOfAHeaderAsOneList()
    {
        assertThat(ForwardedFor.client(PEER, List.of(), List.of("198.51.100.1, 203.0.113.7", "10.1.2.3"), TRUSTED))
            .isEqualTo(address("203.0.113.7"));
        assertThat(ForwardedFor.client(PEER, List.of("for=198.51.100.1", "for=203.0.113.7;proto=https", "for=10.1.2.3"), List.of(), TRUSTED))
            .isEqualTo(address("203.0.113.7"));
    }

    @Test
    void shouldReadAddressesWithPortsAndIpv6AsProxiesWriteThem()
    {
        assertThat(xff("203.0.113.7:51234")).isEqualTo(address("203.0.113.7"));
        assertThat(xff("2001:db8::17")).isEqualTo(address("2001:db8::17"));
        assertThat(xff("[2001:db8::17]")).isEqualTo(address("2001:db8::17"));
        assertThat(xff("[2001:db8::17]:4711")).isEqualTo(address("2001:db8::17"));
        assertThat(xff("::ffff:203.0.113.7")).as("IPv4-mapped is the IPv4 address").isEqualTo(address("203.0.113.7"));
        assertThat(xff("fd00::5, 10.9.9.9")).as("all trusted: the leftmost").isEqualTo(address("fd00::5"));
    }

    @Test
    void shouldPreferForwardedAndReadItsQuotedIpv6WithPort()
    {
        assertThat(ForwardedFor.client(PEER, List.of("for=\"[2001:db8:cafe::17]:4711\""), List.of("198.51.100.9"), TRUSTED))
            .isEqualTo(address("2001:db8:cafe::17"));
        assertThat(forwarded("For=192.0.2.60;proto=http;by=203.0.113.43")).as("names are case-insensitive").isEqualTo(address("192.0.2.60"));
        assertThat(forwarded("for=192.0.2.43, for=198.51.100.17")).isEqualTo(address("198.51.100.17"));
        assertThat(forwarded("for=192.0.2.43, for=\"[fd00::1]:80\";by=_proxy")).isEqualTo(address("192.0.2.43"));
        assertThat(forwarded("for=192.0.2.43,,  for=10.0.0.9 ,")).as("empty elements are skipped").isEqualTo(address("192.0.2.43"));
        assertThat(forwarded("for=\"192.0.2.43:_port\"")).as("an obfuscated port").isEqualTo(address("192.0.2.43"));
        assertThat(forwarded("for=\"\\1\\9\\2.0.2.43\"")).as("quoted pairs").isEqualTo(address("192.0.2.43"));
    }

    @Test
    void shouldFallBackToThePeerWhenTheRightmostUntrustedHopIsNoAddress()
    {
        assertThat(forwarded("for=192.0.2.43, for=unknown")).isEqualTo(PEER);
        assertThat(forwarded("for=192.0.2.43, for=_hidden")).isEqualTo(PEER);
        assertThat(forwarded("for=192.0.2.43, by=10.0.0.2")).as("an element without for").isEqualTo(PEER);
        assertThat(forwarded("for=\"\"")).isEqualTo(PEER);
        assertThat(xff("203.0.113.7, unknown")).isEqualTo(PEER);
        assertThat(xff("203.0.113.7, pulse.example")).as("host names are never looked up").isEqualTo(PEER);
        assertThat(xff("localhost")).isEqualTo(PEER);
        assertThat(xff("203.0.113.7,")).isEqualTo(PEER);
        assertThat(xff("fe80::1%eth0")).isEqualTo(PEER);
        // Left of an untrusted address it does not matter what is there.
        assertThat(xff("garbage, unknown, 203.0.113.7")).isEqualTo(address("203.0.113.7"));
    }

    @Test
    void shouldFallBackToThePeerWhenForwardedDoesNotParse()
    {
        for (final String unreadable : List.of("for=\"192.0.2.43", "for", "for=", "=192.0.2.43", "for=[2001:db8::1]",
            "for=192.0.2.43 for=198.51.100.1", "for=192.0.2.43;for=198.51.100.1", "for=192.0.2.43\\", "f\u00f6r=192.0.2.43",
            "for=\"192.0.2.43\"x"))
        {
            assertThat(forwarded(unreadable)).as(unreadable).isEqualTo(PEER);
        }
        // One unreadable line spoils the header: its other lines are not believed either.
        assertThat(ForwardedFor.client(PEER, List.of("for=\"oops", "for=192.0.2.43"), List.of("198.51.100.1"), TRUSTED)).isEqualTo(PEER);
    }

    @Test
    void shouldUseThePeerWithoutHeadersOrWithBlankOnes()
    {
        assertThat(ForwardedFor.client(PEER, List.of(), List.of(), TRUSTED)).isEqualTo(PEER);
        assertThat(ForwardedFor.client(PEER, List.of(" "), List.of(""), TRUSTED)).isEqualTo(PEER);
        assertThat(ForwardedFor.client(PEER, List.of(""), List.of("203.0.113.7"), TRUSTED)).as("a blank Forwarded: X-Forwarded-For")
            .isEqualTo(address("203.0.113.7"));
    }

    @Test
    @Timeout(5)
    void shouldReadHostileHeadersInLinearTime()
    {
        // Thousands of hops, as many as 8 KiB of header holds, most of them trusted.
        final String trustedHops = String.join(", ", Collections.nCopies(1_500, "10.1.1.1"));
        assertThat(xff("203.0.113.7, " + trustedHops)).isEqualTo(address("203.0.113.7"));
        assertThat(forwarded("for=203.0.113.7, " + String.join(", ", Collections.nCopies(1_000, "for=10.1.1.1"))))
            .isEqualTo(address("203.0.113.7"));
        // Huge and unbalanced: a megabyte of quotes, semicolons and commas.
        final String junk = "\"".repeat(100_000) + ";".repeat(100_000) + "for=".repeat(100_000) + ",".repeat(100_000);
        assertThat(forwarded(junk)).isEqualTo(PEER);
        assertThat(xff(junk)).isEqualTo(PEER);
        assertThat(xff("1".repeat(100_000))).isEqualTo(PEER);
        assertThat(xff("[" + ":".repeat(100_000) + "]")).isEqualTo(PEER);
        assertThat(forwarded("for=\"" + "\\\"".repeat(100_000) + "\"")).isEqualTo(PEER);
    }

    private static InetAddress xff(final String line)
    {
        return ForwardedFor.client(PEER, List.of(), List.of(line), TRUSTED);
    }

    private static InetAddress forwarded(final String line)
    {
        return ForwardedFor.client(PEER, List.of(line), List.of(), TRUSTED);
    }

    private static InetAddress address(final String literal)
    {
        try
        {
            return InetAddress.getByName(literal);
        }
        catch (final java.net.UnknownHostException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
