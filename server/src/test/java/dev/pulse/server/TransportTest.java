package dev.pulse.server;

import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport's choice and the start-up line that names it, with the reason when it is NIO. */
class TransportTest
{
    @Test
    void shouldUseEpollWhereNettyLoadedItAndNameThePlatform()
    {
        final Transport transport = Transport.choose(true, null, "Linux", "aarch64");

        assertThat(transport.epoll()).isTrue();
        assertThat(transport.serverChannel()).isEqualTo(EpollServerSocketChannel.class);
        assertThat(transport.describe()).isEqualTo("epoll (native, Linux aarch64)");
    }

    @Test
    void shouldFallBackToNioWithNettysReasonOnOneLine()
    {
        final Throwable cause = new UnsatisfiedLinkError("could not load a native library: netty_transport_native_epoll_x86_64\n"
            + "\tSuppressed: java.lang.UnsatisfiedLinkError: /tmp/libnetty.so: failed to map segment from shared object");

        final Transport transport = Transport.choose(false, cause, "Linux", "amd64");

        assertThat(transport.epoll()).isFalse();
        assertThat(transport.serverChannel()).isEqualTo(NioServerSocketChannel.class);
        assertThat(transport.describe()).isEqualTo("NIO, because epoll is unavailable on Linux amd64: "
            + "UnsatisfiedLinkError: could not load a native library: netty_transport_native_epoll_x86_64");
    }

    @Test
    void shouldSayWhichArchitecturesTheJarCarriesOnAnother()
    {
        final Transport transport = Transport.choose(false, new UnsatisfiedLinkError("no library"), "Linux", "riscv64");

        assertThat(transport.describe()).isEqualTo("NIO, because epoll is unavailable on Linux riscv64: "
            + "pulse.jar carries the epoll library for x86_64 and aarch64 only (UnsatisfiedLinkError: no library)");
    }

    @Test
    void shouldSayEpollIsLinuxOnlyElsewhere()
    {
        final Transport transport = Transport.choose(false, new UnsupportedOperationException("x"), "Mac OS X", "aarch64");

        assertThat(transport.describe()).isEqualTo("NIO, because epoll is unavailable on Mac OS X aarch64: epoll exists only on Linux");
    }
}
