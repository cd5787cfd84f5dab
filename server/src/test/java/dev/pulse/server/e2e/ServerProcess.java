package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import dev.pulse.server.testing.ChildJvm;

/**
 * {@code pulse serve} in a child JVM ({@link ChildJvm}) on an ephemeral port: for tests that kill,
 * signal or read the exit status of a real process. It stops at once on SIGTERM ({@link ChildJvm#NO_DRAIN})
 * unless a test that is about draining sets {@code PULSE_DRAIN_DELAY} and {@code PULSE_CLOSE_SPREAD}.
 */
final class ServerProcess
{
    private static final String PULSE_MAIN = "dev.pulse.server.PulseMain";
    private static final Pattern LISTENING = Pattern.compile("Pulse listening on https?://[^:]+:(\\d+)/");

    private ServerProcess()
    {
    }

    /** Starts {@code serve} on an ephemeral port of 127.0.0.1 with {@code data} and further arguments; output and errors merged. */
    static Process start(final Path data, final String... more) throws Exception
    {
        return start(Map.of(), data, more);
    }

    /** As {@link #start(Path, String...)}, with {@code environment} added to (and overriding) {@link ChildJvm#NO_DRAIN}. */
    static Process start(final Map<String, String> environment, final Path data, final String... more) throws Exception
    {
        return startUnder(List.of(), environment, data, more);
    }

    /** As {@link #start(Map, Path, String...)}, run by {@code launcher} (such as {@code nohup}, which then execs the JVM). */
    static Process startUnder(final List<String> launcher, final Map<String, String> environment, final Path data, final String... more)
        throws Exception
    {
        final List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--bind", "127.0.0.1", "--data", data.toString()));
        args.addAll(List.of(more));
        final List<String> command = new ArrayList<>(launcher);
        command.addAll(ChildJvm.command(List.of(), PULSE_MAIN, args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(ChildJvm.NO_DRAIN);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Sends signal {@code name} ({@code TERM}, {@code HUP}) to the process, as {@code kill -s NAME PID} does. */
    static void signal(final Process process, final String name) throws Exception
    {
        final Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0)
        {
            throw new AssertionError("kill -s " + name + " " + process.pid() + " failed");
        }
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
