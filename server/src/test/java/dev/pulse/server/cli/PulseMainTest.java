package dev.pulse.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.journal.FsyncPolicy;
import dev.pulse.server.PulseMain;
import dev.pulse.server.ServerLauncher;
import dev.pulse.server.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;

class PulseMainTest
{
    @TempDir
    Path dir;

    private final FakeLauncher launcher = new FakeLauncher();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Map<String, String> environment = Map.of();

    @Test
    void shouldPassAValidCatalogWithItsSummaryLine() throws IOException
    {
        final Path catalog = dir.resolve("catalog.yaml");
        try (InputStream demo = CatalogLoader.class.getResourceAsStream(CatalogLoader.DEMO_RESOURCE))
        {
            Files.write(catalog, demo.readAllBytes());
        }

        final int status = run("catalog", "validate", catalog.toString());

        assertThat(status).isZero();
        assertThat(out.toString()).contains("0 errors, 0 warnings: " + catalog + " is valid (site demo");
    }

    @Test
    void shouldPrintTheVersionAndTheCommitItWasBuiltFrom() throws Exception
    {
        final int status = run("--version");

        assertThat(status).isZero();
        final String head = headCommit();
        if (head == null)
        {
            // Built and tested without git (a source archive): it must say so, not invent a commit.
            assertThat(out.toString().trim()).matches("pulse \\d+\\.\\d+\\.\\d+\\S* \\(commit unknown: built without git\\)");
        }
        else
        {
            // This build's commit: the one checked out now (the tests run in the build that wrote it).
            assertThat(out.toString().trim()).matches("pulse \\d+\\.\\d+\\.\\d+\\S* \\(commit " + head + "(, with uncommitted changes)?\\)");
        }
        assertThat(out.toString()).doesNotContain("development build");
    }

    /** {@code git rev-parse --short=12 HEAD} of the checkout the tests run in; null when there is no git or no repository. */
    private static String headCommit() throws InterruptedException
    {
        try
        {
            final Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
            final String output = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
            return git.waitFor() == 0 && output.matches("[0-9a-f]{12}") ? output : null;
        }
        catch (final IOException noGit)
        {
            return null;
        }
    }

    @Test
    void shouldFailAnInvalidCatalogWithItsErrorLines() throws IOException
    {
        final Path catalog = dir.resolve("bad.yaml");
        Files.writeString(catalog, "version: 1\nsite: { key: demo }\npolicy: { cooldown: soon }\n");

        final int status = run("catalog", "validate", catalog.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains(catalog + ":3:").contains(": error: ").doesNotContain("is valid");
    }

    @Test
    void shouldFailAMissingCatalogFile()
    {
        final Path missing = dir.resolve("missing.yaml");

        final int status = run("catalog", "validate", missing.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains(missing + ":1:1: error: (file): cannot be read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "serve --help", "catalog --help", "catalog validate --help", "journal --help", "journal cat --help", "help serve"})
    void shouldPrintHelpForEveryCommand(final String args)
    {
        final int status = run(args.split(" "));

        assertThat(status).isZero();
        assertThat(out.toString()).startsWith("Usage: pulse");
        assertThat(launcher.started).isEmpty();
    }

    @Test
    void shouldListTheExitStatusesInTheTopLevelHelp()
    {
        run("--help");

        assertThat(out.toString()).contains("Exit status:", "serve", "catalog", "journal", "2   usage or configuration error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve --nope", "--nope", "catalog validate", "catalog validate a b", "catalog", "journal cat --bogus", "bogus", "serve --port eighty", "serve --fsync sometimes"})
    void shouldExitWith2OnAUsageError(final String args)
    {
        final int status = run(args.split(" "));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).containsAnyOf("Usage: pulse", "Did you mean", "is not valid; expected", "Unknown option");
        assertThat(launcher.started).isEmpty();
    }

    @Test
    void shouldServeWithTheMergedConfigAndPrintWhereItListens() throws IOException
    {
        final Path config = dir.resolve("pulse.yaml");
        Files.writeString(config, "port: 9001\nbind: 10.0.0.1\nread_timeout_ms: 90s\nfsync_policy: never\n");
        environment = Map.of("PULSE_PORT", "9002", "PULSE_DATA_DIR", "env-data", "PULSE_ADMIN_TOKEN", "from-env", "HOME", "/root");

        final int status = run("serve", "--config", config.toString(), "--port", "9003", "--bind", "127.0.0.1",
            "--catalog", "c.yaml", "--fsync", "ALWAYS", "--allow-missing-origin");

        assertThat(status).isZero();
        final ServerConfig expected = ServerConfig.defaults().toBuilder()
            .port(9003).bind("127.0.0.1").readTimeoutMs(90_000).fsyncPolicy(FsyncPolicy.ALWAYS)
            .dataDir(Path.of("env-data")).adminToken("from-env").catalogFile(Path.of("c.yaml")).allowMissingOrigin(true)
            .build();
        assertThat(launcher.started).containsExactly(expected);
        assertThat(out.toString()).as("a catalog and no demo setting: no demo")
            .isEqualTo("Pulse listening on http://127.0.0.1:9003/" + System.lineSeparator());
        assertThat(launcher.closed).isTrue();
    }

    @Test
    void shouldServeTheDemoBesideACatalogWhenAskedAndSayWhere()
    {
        run("serve", "--port", "9000", "--catalog", "c.yaml", "--demo");

        assertThat(launcher.started).singleElement().satisfies(config -> assertThat(config.demo()).isTrue());
        assertThat(out.toString()).isEqualTo("Pulse listening on http://0.0.0.0:9000/  (demo: http://localhost:9000/demo/)" + System.lineSeparator());
    }

    @Test
    void shouldLetAbsentFlagsLeaveTheEnvironmentAlone()
    {
        environment = Map.of("PULSE_DATA_DIR", "env-data", "PULSE_FSYNC_POLICY", "never");

        run("serve", "--data", "flag-data");

        assertThat(launcher.started).singleElement().satisfies(config ->
        {
            assertThat(config.dataDir()).isEqualTo(Path.of("flag-data"));
            assertThat(config.fsyncPolicy()).isEqualTo(FsyncPolicy.NEVER);
            assertThat(config.allowMissingOrigin()).isFalse();
        });
    }

    @Test
    void shouldServeByDefaultWithoutACommand()
    {
        final int status = run();

        assertThat(status).isZero();
        assertThat(launcher.started).containsExactly(ServerConfig.defaults());
    }

    @Test
    void shouldServeByDefaultWhenTheFirstArgumentIsAServeOption()
    {
        launcher.boundPort = 43_210;

        final int status = run("--port=0", "--admin-token", "t");

        assertThat(status).isZero();
        assertThat(launcher.started).singleElement().satisfies(config -> assertThat(config.port()).isZero());
        assertThat(out.toString()).contains("http://0.0.0.0:43210/", "http://localhost:43210/demo/");
    }

    @Test
    void shouldBracketAnIpv6BindAddress()
    {
        run("serve", "--bind", "::1", "--port", "9000");

        assertThat(out.toString()).startsWith("Pulse listening on http://[::1]:9000/");
    }

    @Test
    void shouldExitWith2NamingTheProblemOnABadConfig()
    {
        environment = Map.of("PULSE_PROT", "1");

        final int status = run("serve", "--port", "70000");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString())
            .contains("pulse: the configuration is not valid:")
            .contains("unknown environment variable PULSE_PROT (did you mean PULSE_PORT?)")
            .contains("flag --port: \"70000\" is out of range");
        assertThat(launcher.started).isEmpty();
    }

    @Test
    void shouldExitWith2BeforeStartingWhenTheJournalRetentionWouldDeleteTodaysSegment()
    {
        environment = Map.of("PULSE_JOURNAL_RETENTION", "6h");

        final int status = run("serve");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("pulse: the configuration is not valid:").contains("journal_retention 21600000 ms is under one day");
        assertThat(launcher.started).isEmpty();
    }

    @Test
    void shouldExitWith2BeforeStartingWhenTheJournalRetentionModeIsNeitherDeleteNorCompact()
    {
        environment = Map.of("PULSE_JOURNAL_RETENTION_MODE", "shred");

        final int status = run("serve");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("pulse: the configuration is not valid:").contains("expected delete or compact");
        assertThat(launcher.started).isEmpty();
    }

    @Test
    void shouldExitWith3WhenTheServerCannotStart()
    {
        launcher.failure = new IOException("Address already in use");

        final int status = run("serve");

        assertThat(status).isEqualTo(3);
        assertThat(err.toString()).contains("pulse serve: Address already in use");
    }

    @Test
    void shouldExitWith2WhenThereIsNoJournal()
    {
        final int status = run("journal", "cat", "--data", dir.resolve("nowhere").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("no journal at " + dir.resolve("nowhere").resolve("journal"));
    }

    @Test
    void shouldPrintNothingForAnEmptyJournal() throws IOException
    {
        Files.createDirectories(dir.resolve("journal"));

        final int status = run("journal", "cat", "--data", dir.toString());

        assertThat(status).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldExitWith3OnACorruptJournal() throws IOException
    {
        // A gap in the segment sequence is damage no torn write explains.
        final Path journal = Files.createDirectories(dir.resolve("journal"));
        Files.createFile(journal.resolve("segment-00000000000000000000.journal"));
        Files.createFile(journal.resolve("segment-00000000000000000002.journal"));

        final int status = run("journal", "cat", "--data", dir.toString());

        assertThat(status).isEqualTo(3);
        assertThat(err.toString()).contains("pulse journal cat: corrupt journal segment");
    }

    @Test
    void shouldSetSystemPropertyDefaultsWithoutOverridingWhatIsGiven()
    {
        final Properties properties = new Properties();
        properties.setProperty("agrona.disable.bounds.checks", "false");

        PulseMain.applySystemPropertyDefaults(properties);

        assertThat(properties)
            .containsEntry("chronicle.analytics.disable", "true")
            .containsEntry("chronicle.announcer.disable", "true")
            .containsEntry("agrona.disable.bounds.checks", "false")
            .containsEntry("io.netty.leakDetection.level", "disabled");
    }

    @Test
    void shouldLeaveNettysLeakDetectorOnWhenALevelIsGiven()
    {
        final Properties properties = new Properties();
        properties.setProperty("io.netty.leakDetection.level", "paranoid");

        PulseMain.applySystemPropertyDefaults(properties);

        assertThat(properties).containsEntry("io.netty.leakDetection.level", "paranoid");
    }

    private int run(final String... args)
    {
        final CommandLine commandLine = PulseMain.commandLine(launcher, environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return PulseMain.execute(commandLine, args);
    }

    /** Records the configs it is asked to start; its servers stop at once. */
    private static final class FakeLauncher implements ServerLauncher
    {
        final List<ServerConfig> started = new ArrayList<>();
        Exception failure;
        int boundPort = -1;
        boolean closed;

        @Override
        public Running start(final ServerConfig config) throws Exception
        {
            if (failure != null)
            {
                throw failure;
            }
            started.add(config);
            return new Running()
            {
                @Override
                public int port()
                {
                    return boundPort >= 0 ? boundPort : config.port();
                }

                @Override
                public void awaitShutdown()
                {
                }

                @Override
                public void close()
                {
                    closed = true;
                }

                @Override
                public void drainAndClose()
                {
                    closed = true;
                }

                @Override
                public void reload()
                {
                }
            };
        }
    }

}
