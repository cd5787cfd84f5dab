package dev.pulse.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;
import dev.pulse.report.CsvTable;
import dev.pulse.report.JournalDamage;
import dev.pulse.report.ReportTesting;
import dev.pulse.report.TestJournal;
import dev.pulse.server.PulseMain;

import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code pulse report}: its help, its outputs and its exit statuses, run through the real command tree. */
class ReportCommandTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeJournal() throws Exception
    {
        try (TestJournal journal = TestJournal.open(dir))
        {
            for (int i = 0; i < 40; i++)
            {
                ReportTesting.shownWindow(journal, NOV_24 + i * 60_000L, i, "pricing-hesitation", "a", i % 2 == 0 ? "price" : null,
                    i < 24 ? OutcomeKind.FORWARD : OutcomeKind.STALLED, 50_000);
                ReportTesting.unshownWindow(journal, NOV_24 + i * 60_000L, 100 + i, "pricing-hesitation", OutcomeGroup.HOLDOUT,
                    i < 16 ? OutcomeKind.FORWARD : OutcomeKind.EXITED, 70_000);
            }
            // A record the next day ends observation there: every window above is complete (opened 41 minutes before it or more).
            journal.sessionEnd(NOV_24 + 86_400_000L, 0);
        }
    }

    @Test
    void shouldPrintHelpWithTheOptionsAndExitStatuses()
    {
        final int status = run("report", "--help");

        assertThat(status).isZero();
        assertThat(out.toString()).startsWith("Usage: pulse report").contains("--data=DIR", "--from=DATE", "--to=DATE", "--out=FILE",
            "--format=FORMAT", "--kafka=BOOTSTRAP", "--topic=TOPIC", "--group=GROUP", "--catalogs=DIR", "Exit status:",
            "3   a journal is damaged or unreadable, the topic cannot be read");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("report");
    }

    @Test
    void shouldWriteTheHtmlReportToAFile() throws Exception
    {
        final Path file = dir.resolve("out.html");

        final int status = run("report", "--data", dir.toString(), "--out", file.toString());

        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo("pulse report: wrote " + file + " (80 sessions, 80 closed outcome windows)"
            + System.lineSeparator());
        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>")
            .contains("<tr><th scope=\"row\">pricing-hesitation</th><td>24 / 40</td><td>60.0% [");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldWriteJsonAndCsvToStdoutForTheRangeGiven() throws Exception
    {
        assertThat(run("report", "--data", dir.toString(), "--format", "json", "--from", "2026-11-24", "--to", "2026-11-24")).isZero();
        assertThat(ReportTesting.MAPPER.readTree(out.toString()).get("totals").get("sessions").asLong()).isEqualTo(80);

        out.getBuffer().setLength(0);
        assertThat(run("report", "--data", dir.toString(), "--format", "CSV", "--from", "2026-11-25")).isZero();
        assertThat(out.toString()).startsWith(CsvTable.HEADER + "\r\n").contains("totals,,,,,,,,sessions,0,,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--from yesterday", "--to 2026-11-24T25:00Z", "--from 2026-11-25 --to 2026-11-24", "--format pdf", "--bogus"})
    void shouldExitWith2OnAUsageError(final String arguments)
    {
        final int status = run(Stream.concat(Stream.of("report", "--data", dir.toString()), Stream.of(arguments.split(" ")))
            .toArray(String[]::new));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).containsAnyOf("Usage: pulse report", "Unknown option");
    }

    @Test
    void shouldExitWith2WhenThereIsNoJournal()
    {
        final int status = run("report", "--data", dir.resolve("nowhere").toString(), "--format", "json");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("pulse report: no journal at " + dir.resolve("nowhere").resolve("journal"));
    }

    @Test
    void shouldExitWith3NamingTheDamageOfACorruptJournal() throws Exception
    {
        JournalDamage.flipAByteOfTheFirstRecord(dir.resolve("journal"));

        final int status = run("report", "--data", dir.toString(), "--format", "csv");

        assertThat(status).isEqualTo(3);
        assertThat(err.toString()).contains("pulse report: the journal could not be read: corrupt journal segment", "at offset 0");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldExitWith3WhenTheReportCannotBeWritten()
    {
        final int status = run("report", "--data", dir.toString(), "--out", dir.resolve("missing").resolve("r.html").toString());

        assertThat(status).isEqualTo(3);
        assertThat(err.toString()).contains("pulse report: could not write");
    }

    private int run(final String... args)
    {
        final CommandLine commandLine = PulseMain.commandLine(config ->
        {
            throw new AssertionError("report must not start a server");
        }, Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return PulseMain.execute(commandLine, args);
    }

}
