package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
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

    /** Waits until the process says where it listens (draining its output from then on); returns the port. */
    static int awaitPort(final Process process) throws Exception
    {
        return awaitPort(process, new StringBuffer());
    }

    /** As {@link #awaitPort(Process)}, keeping every line the process prints in {@code output}. */
    static int awaitPort(final Process process, final StringBuffer output) throws Exception
    {
        final MatchResult listening = ChildJvm.awaitLine(process, LISTENING, output, "the server exited without listening");
        return Integer.parseInt(listening.group(1));
    }
}
