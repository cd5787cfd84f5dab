package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The frame both command lines share: checked settings run, a wrong option is a usage error told after the command's name. */
class CheckedCommandTest
{
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void shouldRunWithTheCheckedSettingsAndReturnItsStatus()
    {
        assertThat(new Echo(quiet, stderr).execute("--value", "3")).isEqualTo(3);
    }

    @Test
    void shouldExitTwoNamingTheCommandWhenASettingIsWrong()
    {
        assertThat(new Echo(quiet, stderr).execute("--value", "-1")).isEqualTo(CheckedCommand.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("echo: --value must be 0 or more" + System.lineSeparator());
    }

    @Test
    void shouldExitTwoWhenTheSettingsCannotBeMadeOnDisk()
    {
        assertThat(new Echo(quiet, stderr).execute("--value", "99")).isEqualTo(CheckedCommand.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("echo: no room");
    }

    @Test
    void shouldExitTwoForAnOptionPicocliRefuses()
    {
        assertThat(new Echo(quiet, stderr).execute("--no-such-option")).isEqualTo(CheckedCommand.EXIT_USAGE);
    }

    /** Returns its {@code --value} as the exit status. */
    @Command(name = "echo")
    static final class Echo extends CheckedCommand<Integer>
    {
        @Option(names = "--value")
        private int value;

        Echo(final PrintStream stdout, final PrintStream stderr)
        {
            super("echo", stdout, stderr);
        }

        @Override
        Integer settings() throws IOException
        {
            if (value < 0)
            {
                throw new IllegalArgumentException("--value must be 0 or more");
            }
            if (value == 99)
            {
                throw new IOException("no room");
            }
            return value;
        }

        @Override
        int run(final Integer settings)
        {
            return settings;
        }
    }
}
