package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The generator's routing keys as a balancer sees them: against a server that reads each upgrade's
 * request line and hangs up (so every user reconnects, again and again, with {@code --reconnect}),
 * each virtual user sends a key of its own, and the same one on every connection.
 */
class RouteKeyEndToEndTest
{
    private static final Pattern REQUEST_LINE = Pattern.compile("GET /ws\\?site=loadtest&route=([^ &]*) HTTP/1\\.1");
    private static final int USERS = 8;

    @Test
    @Timeout(60)
    void everyUserSendsAKeyOfItsOwnOnEveryConnection() throws Exception
    {
        final Map<String, AtomicInteger> connectionsByKey = new ConcurrentHashMap<>();
        final AtomicInteger otherRequests = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress()))
        {
            final Thread hangUp = new Thread(() -> {
                while (!server.isClosed())
                {
                    try (Socket socket = server.accept())
                    {
                        final String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                        final Matcher request = line == null ? null : REQUEST_LINE.matcher(line);
                        if (request != null && request.matches())
                        {
                            connectionsByKey.computeIfAbsent(request.group(1), key -> new AtomicInteger()).incrementAndGet();
                        }
                        else if (line != null)
                        {
                            otherRequests.incrementAndGet();
                        }
                    }
                    catch (final IOException closedOrReset)
                    {
                        // the test is over, or the generator gave up on this connection: next
                    }
                }
            }, "hang-up-server");
            hangUp.start();
            final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            new LoadtestMain(quiet, quiet).execute("--url", "ws://127.0.0.1:" + server.getLocalPort() + "/ws?site=loadtest",
                "--sessions", String.valueOf(USERS), "--rate", "16", "--warmup", "0s", "--duration", "3s", "--loops", "2",
                "--reconnect", "--question-timeout", "1s");
        }

        assertThat(otherRequests.get()).isZero();
        assertThat(connectionsByKey).as("one key per user").hasSize(USERS);
        assertThat(connectionsByKey.keySet()).allMatch(key -> key.matches("[0-9a-f]{32}"));
        assertThat(connectionsByKey.values()).as("the same key on each user's reconnects").allMatch(connections -> connections.get() >= 2);
    }
}
