package dev.pulse.loadtest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * The server's {@code ws://} URL, without a {@code route} (each virtual user adds its own), checked to name a loopback address: the generator talks only to
 * 127.0.0.0/8, and refuses anything else before it opens a socket. {@code localhost} is read as
 * 127.0.0.1 without asking a resolver; every other host must be a literal 127.x.y.z address.
 */
final class LoopbackUrl
{
    private final InetSocketAddress address;
    private final String pathAndQuery;
    private final String hostAndPort;
    private final String text;

    private LoopbackUrl(final InetSocketAddress address, final String pathAndQuery, final String hostAndPort, final String text)
    {
        this.address = address;
        this.pathAndQuery = pathAndQuery;
        this.hostAndPort = hostAndPort;
        this.text = text;
    }

    /** @throws IllegalArgumentException if the URL is not a {@code ws://} URL of a loopback host. */
    static LoopbackUrl parse(final String text)
    {
        final URI uri;
        try
        {
            uri = new URI(text);
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalArgumentException("--url is not a URL: " + ex.getMessage(), ex);
        }
        if (!"ws".equalsIgnoreCase(uri.getScheme()))
        {
            throw new IllegalArgumentException("--url must be a ws:// URL: " + text);
        }
        final String host = uri.getHost();
        if (host == null)
        {
            throw new IllegalArgumentException("--url has no host: " + text);
        }
        final byte[] octets = loopbackOctets(host);
        if (octets == null)
        {
            throw new IllegalArgumentException("--url must name a host in 127.0.0.0/8 (the generator talks to loopback only): " + host);
        }
        if (uri.getRawQuery() != null && ("&" + uri.getRawQuery()).contains("&route="))
        {
            throw new IllegalArgumentException("--url must not carry route: the generator gives each virtual user a routing key of its own");
        }
        final int port = uri.getPort() == -1 ? 80 : uri.getPort();
        final String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        final String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        try
        {
            final InetSocketAddress address = new InetSocketAddress(InetAddress.getByAddress(octets), port);
            return new LoopbackUrl(address, pathAndQuery, host + ":" + port, text);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException("four octets always make an address", ex);
        }
    }

    /** The octets of a literal 127.x.y.z address (or of localhost), else null. */
    private static byte[] loopbackOctets(final String host)
    {
        if ("localhost".equalsIgnoreCase(host))
        {
            return new byte[] {127, 0, 0, 1};
        }
        final String[] parts = host.split("\\.", -1);
        if (parts.length != 4)
        {
            return null;
        }
        final byte[] octets = new byte[4];
        for (int i = 0; i < 4; i++)
        {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit))
            {
                return null;
            }
            final int value = Integer.parseInt(parts[i]);
            if (value > 255)
            {
                return null;
            }
            octets[i] = (byte)value;
        }
        return octets[0] == 127 ? octets : null;
    }

    InetSocketAddress address()
    {
        return address;
    }

    String pathAndQuery()
    {
        return pathAndQuery;
    }

    String hostAndPort()
    {
        return hostAndPort;
    }

    @Override
    public String toString()
    {
        return text;
    }
}
