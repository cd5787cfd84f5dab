package dev.pulse.server.net;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressRangesTest
{
    @Test
    void shouldMatchAddressesInsideAPrefixAndNoneOutside() throws Exception
    {
        final AddressRanges ranges = AddressRanges.parseOrNull("10.0.0.0/8, 192.168.1.1 fd00::/8");

        assertThat(ranges.contains(InetAddress.getByName("10.255.3.4"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(ranges.contains(InetAddress.getByName("192.168.1.1"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("192.168.1.2"))).isFalse();
        assertThat(ranges.contains(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("fe80::1"))).isFalse();
        assertThat(ranges).hasToString("10.0.0.0/8, 192.168.1.1, fd00::/8");
    }

    @Test
    void shouldComparePrefixesThatEndInsideAByte() throws Exception
    {
        final AddressRanges ranges = AddressRanges.parseOrNull("172.16.0.0/12");

        assertThat(ranges.contains(InetAddress.getByName("172.31.255.255"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("172.32.0.0"))).isFalse();
        assertThat(ranges.contains(InetAddress.getByName("172.15.255.255"))).isFalse();
    }

    @Test
    void shouldKeepIpv4AndIpv6Apart() throws Exception
    {
        assertThat(AddressRanges.parseOrNull("0.0.0.0/0").contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(AddressRanges.parseOrNull("::/0").contains(InetAddress.getByName("127.0.0.1"))).isFalse();
        // The JDK reads an IPv4-mapped IPv6 address as the IPv4 address it carries.
        assertThat(AddressRanges.parseOrNull("127.0.0.0/8").contains(InetAddress.getByName("::ffff:127.0.0.9"))).isTrue();
    }

    @Test
    void shouldTrustNobodyWhenEmpty() throws Exception
    {
        assertThat(AddressRanges.parseOrNull("  ")).isSameAs(AddressRanges.NONE);
        assertThat(AddressRanges.NONE.isEmpty()).isTrue();
        assertThat(AddressRanges.NONE.contains(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @Test
    void shouldRefuseAnythingButLiteralAddressesWithPrefixesInRange()
    {
        assertThat(AddressRanges.parseOrNull("localhost")).isNull();
        assertThat(AddressRanges.parseOrNull("10.0.0.0/33")).isNull();
        assertThat(AddressRanges.parseOrNull("::/129")).isNull();
        assertThat(AddressRanges.parseOrNull("10.0.0.0/-1")).isNull();
        assertThat(AddressRanges.parseOrNull("10.0.0/8")).isNull();
        assertThat(AddressRanges.parseOrNull("10.0.0.0/x")).isNull();
        assertThat(AddressRanges.parseOrNull("10.0.0.0/8, nonsense")).isNull();
    }
}
