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
 * be used, here because the operator turned native transports off. The next line says whether
 * Netty's buffer leak detector runs: off unless the operator gives it a level.
 */
@Timeout(120)
class TransportLogEndToEndTest
{
    private static final Pattern TRANSPORT = Pattern.compile("transport: (.*)$");
    private static final Pattern LEAK_DETECTOR = Pattern.compile("buffer leak detector: (.*)$");

    @TempDir
    Path dir;

    @Test
    void shouldLogEpollOnLinuxWithTheArchitecture() throws Exception
    {
        final String arch = System.getProperty("os.arch");
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")
            && (arch.equals("amd64") || arch.equals("aarch64")), "epoll ships for Linux x86_64 and aarch64");

        assertThat(startLine(TRANSPORT, List.of(), dir.resolve("epoll"))).isEqualTo("epoll (native, Linux " + arch + ")");
    }

    @Test
    void shouldLogNioAndWhyWhenNativeTransportsAreTurnedOff() throws Exception
    {
        final String line = startLine(TRANSPORT, List.of("-Dio.netty.transport.noNative=true"), dir.resolve("nio"));

        assertThat(line).startsWith("NIO, because epoll is unavailable on ").contains("io.netty.transport.noNative=true");
    }

    @Test
    void shouldRunWithoutNettysLeakDetectorUnlessALevelIsGiven() throws Exception
    {
        assertThat(startLine(LEAK_DETECTOR, List.of(), dir.resolve("default")))
            .isEqualTo("off (-Dio.netty.leakDetection.level=simple turns it on)");
        assertThat(startLine(LEAK_DETECTOR, List.of("-Dio.netty.leakDetection.level=paranoid"), dir.resolve("paranoid")))
            .isEqualTo("paranoid");
    }

    /** Starts a server in a child JVM with {@code jvmOptions}, returns what its start-up line {@code pattern} says, and kills it. */
    private static String startLine(final Pattern pattern, final List<String> jvmOptions, final Path data) throws Exception
    {
        final Process process = new ProcessBuilder(ChildJvm.command(jvmOptions, "dev.pulse.server.PulseMain",
            List.of("serve", "--port", "0", "--bind", "127.0.0.1", "--data", data.toString()))).redirectErrorStream(true).start();
        try
        {
            final MatchResult line = ChildJvm.awaitLine(process, pattern, new StringBuffer(), "the server exited before its line " + pattern);
            return line.group(1).trim();
        }
        finally
        {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
