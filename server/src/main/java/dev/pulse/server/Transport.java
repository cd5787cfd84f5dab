package dev.pulse.server;

import java.util.Locale;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The Netty transport the server's sockets use: native epoll where Netty could load its library
 * (pulse.jar carries it for Linux x86_64 and aarch64), NIO anywhere else. Chosen once at start, and
 * said in one log line, with the reason when it is NIO: an operator who expected epoll learns why
 * (another architecture, {@code -Dio.netty.transport.noNative=true}, a temporary directory mounted
 * {@code noexec} where Netty unpacks the library...).
 */
final class Transport
{
    private static final String[] CARRIED_ARCHITECTURES = {"amd64", "x86_64", "aarch64"};

    private final boolean epoll;
    private final String description;

    private Transport(final boolean epoll, final String description)
    {
        this.epoll = epoll;
        this.description = description;
    }

    /** The transport this JVM can use, with Netty's own answer to whether epoll loaded and why not. */
    static Transport detect()
    {
        return choose(Epoll.isAvailable(), Epoll.unavailabilityCause(), System.getProperty("os.name", "?"),
            System.getProperty("os.arch", "?"));
    }

    /**
     * Epoll when {@code epollAvailable}, else NIO with {@code cause} (Netty's reason, may be null) in
     * its description; {@code osName} and {@code osArch} name the platform in both.
     */
    static Transport choose(final boolean epollAvailable, final Throwable cause, final String osName, final String osArch)
    {
        final String platform = osName + " " + osArch;
        if (epollAvailable)
        {
            return new Transport(true, "epoll (native, " + platform + ")");
        }
        return new Transport(false, "NIO, because epoll is unavailable on " + platform + ": " + reason(cause, osName, osArch));
    }

    private static String reason(final Throwable cause, final String osName, final String osArch)
    {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux"))
        {
            return "epoll exists only on Linux";
        }
        final String netty = cause == null ? "no reason given" : cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
        for (final String carried : CARRIED_ARCHITECTURES)
        {
            if (carried.equals(osArch))
            {
                return netty;
            }
        }
        return "pulse.jar carries the epoll library for x86_64 and aarch64 only (" + netty + ")";
    }

    /** Netty's messages for a library that did not load run over several lines; the log line keeps the first. */
    private static String firstLine(final String message)
    {
        if (message == null)
        {
            return "";
        }
        final int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }

    boolean epoll()
    {
        return epoll;
    }

    /** For the start-up log: which transport, on what, and why NIO when it is. */
    String describe()
    {
        return description;
    }

    IoHandlerFactory ioHandlers()
    {
        return epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    Class<? extends ServerChannel> serverChannel()
    {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
