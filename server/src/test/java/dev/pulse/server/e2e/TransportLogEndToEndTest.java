package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.testing.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code pulse serve} names its transport in one start-up line: epoll on Linux x86_64 and aarch64
 * (the architectures whose library the build ships), and NIO with Netty's reason when epoll cannot
 * be used, here because the operator turned native transports off.
 */
@Timeout(120)
class TransportLogEndToEndTest
{
    private static final Pattern TRANSPORT = Pattern.compile("transport: (.*)$");

    @TempDir
    Path dir;

    @Test
    void shouldLogEpollOnLinuxWithTheArchitecture() throws Exception
    {
        final String arch = System.getProperty("os.arch");
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")
            && (arch.equals("amd64") || arch.equals("aarch64")), "epoll ships for Linux x86_64 and aarch64");

        assertThat(transportLine(List.of(), dir.resolve("epoll"))).isEqualTo("epoll (native, Linux " + arch + ")");
    }

    @Test
    void shouldLogNioAndWhyWhenNativeTransportsAreTurnedOff() throws Exception
    {
        final String line = transportLine(List.of("-Dio.netty.transport.noNative=true"), dir.resolve("nio"));

        assertThat(line).startsWith("NIO, because epoll is unavailable on ").contains("io.netty.transport.noNative=true");
    }

    /** Starts a server in a child JVM with {@code jvmOptions}, returns what its transport line says, and kills it. */
    private static String transportLine(final List<String> jvmOptions, final Path data) throws Exception
    {
        final Process process = new ProcessBuilder(ChildJvm.command(jvmOptions, "dev.pulse.server.PulseMain",
            List.of("serve", "--port", "0", "--bind", "127.0.0.1", "--data", data.toString()))).redirectErrorStream(true).start();
        try
        {
            final MatchResult line = ChildJvm.awaitLine(process, TRANSPORT, new StringBuffer(), "the server exited before naming its transport");
            return line.group(1).trim();
        }
        finally
        {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
