package dev.pulse.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.pulse.report.JournalReportReader;
import dev.pulse.report.Report;
import dev.pulse.report.ReportFormat;
import dev.pulse.report.ReportRange;

/**
 * {@code pulse report}: the outcome report of {@code DIR/journal} (or of several nodes' data
 * directories, or of the topic they ship to: {@link ClusterJournals}) over a period, as a self-contained
 * HTML page (the default, to {@code report.html}), JSON or CSV (to stdout unless {@code --out}).
 * Safe on a live server's journal. The report is complete in memory before the file is opened.
 * Exit 0 ok, 2 usage (bad date, no journal), 3 the journal could not be read
 * (damaged mid-file, unreadable) or the report could not be written, with the reason on stderr.
 */
@Command(name = "report", description = {
    "Writes the outcome report: per trigger, the forward rate of people asked against the holdout, with the lift and its "
        + "95%% interval; answer splits, copy variants, time to forward, exposure and totals."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:ok", "2:usage error, or no journal under a --data", "3:a journal is damaged or unreadable, the topic cannot be read, or the report could not be written"})
public final class ReportCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Mixin
    private JournalLocation location;

    @Mixin
    private TopicLocation topic;

    @Option(names = "--from", paramLabel = "DATE",
        description = "First day (UTC) or instant counted: 2026-11-24 or 2026-11-24T09:30:00Z (default: the journal's start).")
    private String from;

    @Option(names = "--to", paramLabel = "DATE",
        description = "Last day (UTC, the whole day) or instant counted, inclusive (default: the journal's end).")
    private String to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "html",
        description = "html (a self-contained page), json or csv (default ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--out", paramLabel = "FILE",
        description = "Where to write it; - for stdout (default: report.html for html, stdout for json and csv).")
    private Path out;

    @Override
    public Integer call()
    {
        final ReportRange range;
        final ReportFormat reportFormat;
        try
        {
            range = ReportRange.parse(from, to);
            reportFormat = ReportFormat.parse(format);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
        final PrintWriter err = spec.commandLine().getErr();
        final Report report;
        try (ClusterJournals journals = journals(range, err))
        {
            if (journals == null)
            {
                err.flush();
                return PulseMain.EXIT_USAGE;
            }
            report = JournalReportReader.read(journals.journalDirs(), journals.catalogDirs(), range, System.currentTimeMillis());
        }
        catch (final IOException ex)
        {
            err.println("pulse report: the journal could not be read: " + ex.getMessage());
            err.flush();
            return PulseMain.EXIT_FAILURE;
        }
        final Path target = out != null ? out : reportFormat == ReportFormat.HTML ? Path.of(reportFormat.fileName()) : null;
        try
        {
            if (target == null || target.toString().equals("-"))
            {
                final PrintWriter stdout = spec.commandLine().getOut();
                reportFormat.write(report, stdout);
                return PulseMain.EXIT_OK;
            }
            writeFile(report, reportFormat, target);
        }
        catch (final IOException ex)
        {
            err.println("pulse report: could not write " + (target == null ? "stdout" : target) + ": " + ex);
            err.flush();
            return PulseMain.EXIT_FAILURE;
        }
        final PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("pulse report: wrote " + target + " (" + report.totals().sessions() + " sessions, "
            + report.totals().windows().closed() + " closed outcome windows)");
        stdout.flush();
        return PulseMain.EXIT_OK;
    }

    /** The data directories' journals, or the topic's; null after saying on {@code err} what is wrong with the options. */
    private ClusterJournals journals(final ReportRange range, final PrintWriter err) throws IOException
    {
        if (topic.given() && location.given())
        {
            err.println("pulse report: give --data or --kafka, not both");
            return null;
        }
        if (topic.given())
        {
            return ClusterJournals.ofTopic(topic, range.fromMs(), range.toMs(), "report", err);
        }
        final List<Path> journalDirs = location.journalDirsOrComplain("report", err);
        return journalDirs == null ? null : ClusterJournals.ofDirectories(journalDirs);
    }

    private static void writeFile(final Report report, final ReportFormat format, final Path target) throws IOException
    {
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8))
        {
            format.write(report, writer);
        }
    }
}
