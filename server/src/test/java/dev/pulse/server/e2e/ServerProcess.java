package dev.pulse.server.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pulse.server.testing.ChildJvm;

/**
 * {@code pulse serve} in a child JVM ({@link ChildJvm}) on an ephemeral port: for tests that kill,
 * signal or read the exit status of a real process.
 */
final class ServerProcess
{
    private static final String PULSE_MAIN = "dev.pulse.server.PulseMain";
    private static final Pattern LISTENING = Pattern.compile("Pulse listening on http://[^:]+:(\\d+)/");

    private ServerProcess()
    {
    }

    /** Starts {@code serve} on an ephemeral port of 127.0.0.1 with {@code data} and further arguments; output and errors merged. */
    static Process start(final Path data, final String... more) throws Exception
    {
        final List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--bind", "127.0.0.1", "--data", data.toString()));
        args.addAll(List.of(more));
        return new ProcessBuilder(ChildJvm.command(List.of(), PULSE_MAIN, args)).redirectErrorStream(true).start();
    }

    /** Reads the process's output until it says where it listens; keeps draining it afterwards. */
    static int awaitPort(final Process process) throws Exception
    {
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        final Thread reader = new Thread(() ->
        {
            final StringBuilder output = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = lines.readLine()) != null)
                {
                    final Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find())
                    {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                    else if (!port.isDone())
                    {
                        output.append(line).append('\n');
                    }
                }
                port.completeExceptionally(new AssertionError("the server exited without listening:\n" + output));
            }
            catch (final Exception ex)
            {
                port.completeExceptionally(ex);
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        return port.get(60, TimeUnit.SECONDS);
    }
}
