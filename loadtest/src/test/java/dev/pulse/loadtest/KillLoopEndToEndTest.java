package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 loop of {@code scripts/kill-loop.sh} in its shortened form: the same
 * {@link KillLoopMain}, three kills per fsync policy of a real server in a child JVM (run from this
 * test's class path), 100 sessions at 20 messages a second each. Every acked message must be in
 * the journal exactly once, and nothing that was not sent. Without a kill the same run shows the
 * driver and the check agree with a server that stops cleanly.
 */
class KillLoopEndToEndTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void shouldRecordEveryAckedMessageExactlyOnceAcrossKillsUnderFsyncAlways()
    {
        assertKillLoopPasses("always", 3, "0.8..2");
    }

    @Test
    @Timeout(120)
    void shouldRecordEveryAckedMessageExactlyOnceAcrossKillsUnderFsyncInterval()
    {
        assertKillLoopPasses("interval", 3, "0.8..2");
    }

    @Test
    @Timeout(120)
    void shouldRecordEveryMessageExactlyOnceWithoutAKill()
    {
        assertKillLoopPasses("interval", 0, "2..2");
    }

    @Test
    void shouldRefuseAnUnknownPolicyOrABackwardRange()
    {
        assertThat(run("--policy", "sometimes", "--work", dir.toString(), "--", "pulse").status).isEqualTo(KillLoopMain.EXIT_USAGE);
        assertThat(run("--policy", "always", "--seconds-between", "3..1", "--work", dir.toString(), "--", "pulse").status)
            .isEqualTo(KillLoopMain.EXIT_USAGE);
        assertThat(run("--policy", "always", "--rate", "60", "--work", dir.toString(), "--", "pulse").status)
            .isEqualTo(KillLoopMain.EXIT_USAGE);
    }

    private void assertKillLoopPasses(final String policy, final int kills, final String secondsBetween)
    {
        final List<String> args = new ArrayList<>(List.of("--kills", Integer.toString(kills), "--policy", policy,
            "--seconds-between", secondsBetween, "--sessions", "100", "--rate", "20", "--max-minutes", "1", "--work", dir.toString(), "--"));
        args.addAll(pulseCommand());
        final Run run = run(args.toArray(String[]::new));
        System.out.println(run.stdout + run.stderr);

        assertThat(run.stdout).as(run.stdout + run.stderr).contains("kill-loop " + policy + ": kills " + kills + ", sessions 100, ");
        final Matcher sent = Pattern.compile("messages sent (\\d+), acked (\\d+)").matcher(run.stdout);
        assertThat(sent.find()).as(run.stdout).isTrue();
        assertThat(Long.parseLong(sent.group(2))).as("messages acked").isPositive();
        assertThat(run.stdout).as(run.stdout).contains("missing 0, duplicated 0, unsent-with-record 0");
        assertThat(run.stdout).as(run.stdout).contains("not resumed 0, welcomes below acked 0, welcomes above sent 0, acks above sent 0");
        assertThat(run.stdout).as(run.stdout).contains("sessions not drained at the end 0, pulse journal cat status 0");
        assertThat(run.status).as(run.stdout + run.stderr).isEqualTo(KillLoopMain.EXIT_OK);
    }

    /**
     * {@code java <this JVM's opens for Chronicle Map and Agrona> -cp <this class path> PulseMain}: the
     * server jar's manifest carries those flags; a class path run takes them from surefire's argLine.
     */
    private static List<String> pulseCommand()
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-opens") || argument.startsWith("--add-exports") || argument.startsWith("-Dchronicle."))
            {
                command.add(argument);
            }
        }
        // Start-up is most of the loop's time on a small machine: C1 only and the serial collector start fastest.
        command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.pulse.server.PulseMain"));
        return command;
    }

    private static Run run(final String... args)
    {
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final int status = new KillLoopMain(new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8)).execute(args);
        return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String stdout, String stderr)
    {
    }
}
