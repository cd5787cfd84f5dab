package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The generator talks to 127.0.0.0/8 only, and says so with exit status 2 before opening a socket; a URL that
 * carries a {@code route} is refused too (every virtual user adds its own).
 */
class LoopbackUrlTest
{
    @Test
    void acceptsLoopbackHosts()
    {
        final LoopbackUrl url = LoopbackUrl.parse("ws://127.0.0.1:8080/ws?site=loadtest");
        assertThat(url.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(url.address().getPort()).isEqualTo(8080);
        assertThat(url.pathAndQuery()).isEqualTo("/ws?site=loadtest");
        assertThat(url.hostAndPort()).isEqualTo("127.0.0.1:8080");

        assertThat(LoopbackUrl.parse("ws://127.200.3.4:9/ws").address().getAddress().getHostAddress()).isEqualTo("127.200.3.4");
        assertThat(LoopbackUrl.parse("ws://localhost:9/ws").address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(LoopbackUrl.parse("ws://127.0.0.1/ws?site=loadtest&noroute=k").pathAndQuery()).isEqualTo("/ws?site=loadtest&noroute=k");
    }

    @Test
    void refusesEveryOtherHostAndScheme()
    {
        for (final String bad : new String[] {
            "ws://10.0.0.1:8080/ws", "ws://128.0.0.1/ws", "ws://example.com/ws", "ws://127.0.0.256/ws",
            "ws://[::1]:8080/ws", "ws://127.1/ws", "wss://127.0.0.1/ws", "http://127.0.0.1/ws", "ws:///ws",
            "ws://127.0.0.1/ws?site=loadtest&route=k", "ws://127.0.0.1/ws?route=k&site=loadtest"})
        {
            assertThatThrownBy(() -> LoopbackUrl.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theCommandLineExitsWithTwoForAHostOutsideLoopback()
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = new LoadtestMain(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)).execute("--url", "ws://192.168.1.10:8080/ws?site=loadtest");

        assertThat(status).isEqualTo(LoadtestMain.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("127.0.0.0/8");
    }

    @Test
    void theCommandLineExitsWithTwoForABadOptionAndThreeForNoServer()
    {
        final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(new LoadtestMain(quiet, quiet).execute("--url", "ws://127.0.0.1:1/ws", "--duration", "60"))
            .isEqualTo(LoadtestMain.EXIT_USAGE);
        assertThat(new LoadtestMain(quiet, quiet).execute("--url", "ws://127.0.0.1:1/ws", "--no-such-option"))
            .isEqualTo(LoadtestMain.EXIT_USAGE);
        assertThat(new LoadtestMain(quiet, quiet).execute("--url", "ws://127.0.0.1:1/ws", "--sessions", "10", "--rate", "20",
            "--duration", "1s", "--warmup", "0s")).isEqualTo(LoadtestMain.EXIT_UNREACHABLE);
    }
}
