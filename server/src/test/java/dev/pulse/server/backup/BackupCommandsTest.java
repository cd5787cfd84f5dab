package dev.pulse.server.backup;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import dev.pulse.server.PulseMain;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pulse backup verify} and {@code pulse backup restore}: what they print and their exit statuses. */
class BackupCommandsTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int pulse(final String... args)
    {
        final CommandLine commandLine = PulseMain.commandLine(config -> null, Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return PulseMain.execute(commandLine, args);
    }

    private Path backup() throws Exception
    {
        try (BackupFixture data = new BackupFixture(dir.resolve("data")))
        {
            return data.backup();
        }
    }

    @Test
    void shouldVerifyAWholeBackupWithExit0AndSayWhatItHolds() throws Exception
    {
        final Path backup = backup();

        assertThat(pulse("backup", "verify", backup.toString())).isEqualTo(PulseMain.EXIT_OK);
        assertThat(out.toString()).contains(backup + ": complete and intact; taken ").contains("by pulse test; 10 sessions, ")
            .contains("records, the last of ");
    }

    @Test
    void shouldExit3ForADamagedBackupNamingTheFile() throws Exception
    {
        final Path backup = backup();
        try (FileChannel sessions = FileChannel.open(backup.resolve("sessions.dat"), StandardOpenOption.WRITE))
        {
            sessions.truncate(100);
        }

        assertThat(pulse("backup", "verify", backup.toString())).isEqualTo(PulseMain.EXIT_FAILURE);
        assertThat(err.toString()).startsWith("pulse backup verify: the backup ").contains("cannot be restored: sessions.dat is damaged");
        assertThat(pulse("backup", "restore", backup.toString(), "--data", dir.resolve("new").toString())).isEqualTo(PulseMain.EXIT_FAILURE);
        assertThat(dir.resolve("new")).doesNotExist();
    }

    @Test
    void shouldExit2WithoutABackupThere() throws Exception
    {
        assertThat(pulse("backup", "verify", dir.resolve("nothing").toString())).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(err.toString()).contains("pulse backup verify: no backup at ");
        assertThat(pulse("backup", "restore", dir.resolve("nothing").toString(), "--data", dir.resolve("new").toString()))
            .isEqualTo(PulseMain.EXIT_USAGE);
    }

    @Test
    void shouldRestoreWithExit0AndRefuseATargetThatIsNotEmptyWithExit2() throws Exception
    {
        final Path backup = backup();

        assertThat(pulse("backup", "restore", backup.toString(), "--data", dir.resolve("new").toString())).isEqualTo(PulseMain.EXIT_OK);
        assertThat(out.toString()).contains("restored into " + dir.resolve("new") + ": start the server with --data " + dir.resolve("new"));
        assertThat(dir.resolve("new").resolve("sessions.dat")).exists();

        final byte[] before = Files.readAllBytes(dir.resolve("new").resolve("sessions.dat"));
        assertThat(pulse("backup", "restore", backup.toString(), "--data", dir.resolve("new").toString())).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(err.toString()).contains("is not an empty directory");
        assertThat(Files.readAllBytes(dir.resolve("new").resolve("sessions.dat"))).isEqualTo(before);
    }

    @Test
    void shouldRequireTheDataDirectoryToRestoreInto() throws Exception
    {
        assertThat(pulse("backup", "restore", backup().toString())).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(err.toString()).contains("Missing required option: '--data=NEW'");
    }
}
