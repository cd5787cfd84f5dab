package dev.pulse.packaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.testing.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package's life on a Debian machine: install, serve as the user pulse under the unit's
 * sandbox, install again, upgrade and downgrade (settings and data kept, the service restarted),
 * remove (settings and data kept), purge (both gone, the user kept). In a {@link ThrowawayRoot}, so the
 * machine is unchanged and the test can run again; it needs root, so it runs only when
 * {@code PULSE_PACKAGE_INSTALL_TEST=1} (.ci/run sets it). No systemd runs here: the service is
 * started as {@link ServiceLaunch} reads the unit, and systemctl and deb-systemd-invoke are
 * stand-ins that record what the maintainer scripts asked of systemd.
 */
@EnabledIfEnvironmentVariable(named = "PULSE_PACKAGE_INSTALL_TEST", matches = "1")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PackageInstallIT
{
    private static final Pattern LISTENING = Pattern.compile("Pulse listening on http://[^:]+:(\\d+)/");
    private static final String SYSTEMD_CALLS = "/run/systemd-calls.log";
    private static final String NEWER_SETTING = "journal_retention_mode: delete\n";

    @TempDir
    Path scratch;

    private ThrowawayRoot root;
    private Process server;

    @BeforeEach
    void mount() throws Exception
    {
        root = ThrowawayRoot.create(scratch.resolve("overlay"));
        // The maintainer scripts talk to systemd only where it runs (/run/systemd/system); these
        // stand-ins take its place and write down each request. systemctl's offline work on the
        // files (--root=/, as deb-systemd-helper enables a unit with) is left to the real one.
        Files.createDirectories(root.file("/run/systemd/system"));
        root.writeScript("/usr/local/sbin/deb-systemd-invoke", "#!/bin/sh\necho \"deb-systemd-invoke $*\" >> " + SYSTEMD_CALLS + "\n");
        root.writeScript("/usr/local/sbin/systemctl", "#!/bin/sh\necho \"systemctl $*\" >> " + SYSTEMD_CALLS + "\n"
            + "case \"$*\" in *--root=*) exec /usr/bin/systemctl \"$@\" ;; esac\n");
    }

    @AfterEach
    void unmount() throws Exception
    {
        try
        {
            stopServer();
        }
        finally
        {
            root.close();
        }
    }

    @Test
    void shouldInstallServeUpgradeRemoveAndPurge() throws Exception
    {
        final Path deb = BuiltPackage.file();

        assertThat(dpkg("--install", deb.toString())).contains("Setting up pulse");
        assertInstalledForUserPulse();
        assertThat(systemdCalls()).containsSubsequence("systemctl --system daemon-reload", "deb-systemd-invoke start pulse.service");
        assertThat(root.run("setpriv", "--reuid=pulse", "--regid=pulse", "--init-groups", "pulse", "--version").succeeded())
            .startsWith("pulse ");

        serveAndStop();
        final List<String> journal = journalSegments();
        assertThat(journal).isNotEmpty();
        final String edited = Files.readString(root.file("/etc/pulse/pulse.yaml")) + "journal_retention: 30d\n";
        Files.writeString(root.file("/etc/pulse/pulse.yaml"), edited);

        // The same package again (dpkg's upgrade path: configure with the installed version), then a newer one.
        dpkg("--install", deb.toString());
        assertThat(systemdCalls()).endsWith("deb-systemd-invoke restart pulse.service");
        // The newer package changed pulse.yaml too: dpkg would ask; --force-confold keeps the operator's.
        dpkg("--install", "--force-confold", newerVersionOf(deb).toString());
        assertThat(installedVersion()).endsWith("+1");
        assertThat(systemdCalls()).endsWith("deb-systemd-invoke restart pulse.service");
        assertThat(Files.readString(root.file("/etc/pulse/pulse.yaml"))).as("the operator's edit survives").isEqualTo(edited);
        assertThat(Files.readString(root.file("/etc/pulse/pulse.yaml.dpkg-dist"))).endsWith(NEWER_SETTING);
        assertInstalledForUserPulse();
        assertThat(journalSegments()).as("the journal survives").containsAll(journal);
        assertThat(systemdCalls()).as("an upgrade never stops the service").doesNotContain("deb-systemd-invoke stop pulse.service");
        serveAndStop();

        // Back to the first package: dpkg takes it as a downgrade.
        final String first = installedVersion().substring(0, installedVersion().length() - "+1".length());
        dpkg("--install", "--force-confold", deb.toString());
        assertThat(installedVersion()).isEqualTo(first);
        assertThat(Files.readString(root.file("/etc/pulse/pulse.yaml"))).isEqualTo(edited);

        dpkg("--remove", "pulse");
        assertThat(systemdCalls()).contains("deb-systemd-invoke stop pulse.service");
        assertThat(root.file("/usr/bin/pulse")).doesNotExist();
        assertThat(root.file("/usr/share/pulse")).doesNotExist();
        assertThat(root.file("/usr/lib/systemd/system/pulse.service")).doesNotExist();
        assertThat(Files.readString(root.file("/etc/pulse/pulse.yaml"))).as("remove keeps the settings").isEqualTo(edited);
        assertThat(journalSegments()).as("remove keeps the data").containsAll(journal);

        dpkg("--purge", "pulse");
        assertThat(root.file("/etc/pulse/pulse.yaml")).doesNotExist();
        assertThat(root.file("/etc/pulse/pulse.yaml.dpkg-dist")).doesNotExist();
        assertThat(root.file("/var/lib/pulse")).as("purge deletes the data").doesNotExist();
        assertThat(root.file("/etc/systemd/system/multi-user.target.wants/pulse.service")).doesNotExist();
        assertThat(root.run("dpkg-query", "--show", "pulse").exitStatus()).as("dpkg knows no pulse").isNotZero();
        assertThat(root.run("getent", "passwd", "pulse").exitStatus()).as("the user stays, as Debian policy advises").isZero();
    }

    @Test
    void shouldSayWhenTheUserPulseBelongsToAnotherProgram() throws Exception
    {
        // PulseAudio's system mode names its user pulse too, at home in /run/pulse.
        root.run("adduser", "--quiet", "--system", "--group", "--home", "/run/pulse", "--no-create-home", "pulse").succeeded();

        final String output = dpkg("--install", BuiltPackage.file().toString());

        assertThat(output).contains("warning: the user pulse already exists with home /run/pulse");
        assertThat(root.file("/var/lib/pulse")).isDirectory();
    }

    private String dpkg(final String... arguments)
    {
        final String[] command = Stream.concat(Stream.of("dpkg"), Stream.of(arguments)).toArray(String[]::new);
        return root.run(command).succeeded();
    }

    private void assertInstalledForUserPulse() throws Exception
    {
        final String[] user = root.run("getent", "passwd", "pulse").succeeded().trim().split(":");
        assertThat(Integer.parseInt(user[2])).as("a system user").isLessThan(1000);
        assertThat(user[5]).isEqualTo("/var/lib/pulse");
        assertThat(user[6]).isEqualTo("/usr/sbin/nologin");
        assertThat(ownerAndMode("/var/lib/pulse")).isEqualTo("pulse:pulse 750");
        assertThat(ownerAndMode("/etc/pulse/pulse.yaml")).isEqualTo("root:pulse 640");
        assertThat(ownerAndMode("/usr/bin/pulse")).isEqualTo("root:root 755");
        assertThat(Files.readSymbolicLink(root.file("/etc/systemd/system/multi-user.target.wants/pulse.service")).toString())
            .as("enabled").endsWith("/systemd/system/pulse.service");
    }

    /** Starts the service as its unit says, checks it serves as the user pulse, stops it with SIGTERM. */
    private void serveAndStop() throws Exception
    {
        final ServiceUnit unit = ServiceUnit.read(root.file("/usr/lib/systemd/system/pulse.service"));
        // A free port instead of 8080; no drain, which this test does not measure.
        final Map<String, String> overrides = Map.of("PULSE_PORT", "0", "PULSE_DRAIN_DELAY", "0", "PULSE_CLOSE_SPREAD", "0");
        server = new ProcessBuilder(ServiceLaunch.command(unit, root, "/var/lib/pulse", overrides)).redirectErrorStream(true).start();
        final StringBuffer output = new StringBuffer();
        final int port = Integer.parseInt(ChildJvm.awaitLine(server, LISTENING, output, "the service did not start").group(1));

        assertThat(awaitReady(port)).as(output.toString()).isEqualTo(200);
        final Path process = Path.of("/proc", String.valueOf(server.pid()));
        assertThat(Files.readString(process.resolve("cmdline")).replace('\0', ' ')).contains("-jar /usr/share/pulse/pulse.jar serve");
        final String uid = root.run("id", "-u", "pulse").succeeded().trim();
        assertThat(Files.readString(process.resolve("status"))).containsPattern("(?m)^Uid:\\s+" + uid + "\\s+" + uid + "\\s");
        assertThat(Files.readString(process.resolve("limits"))).containsPattern("Max open files\\s+" + ServiceLaunch.openFiles(unit) + "\\s");

        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as(output.toString()).isTrue();
        assertThat(server.exitValue()).as(output.toString()).isZero();
        server = null;
        assertThat(root.file("/var/lib/pulse/clean-shutdown")).as(output.toString()).exists();
        assertNothingReadableByOthers(root.file("/var/lib/pulse"));
    }

    private static int awaitReady(final int port) throws Exception
    {
        final HttpClient client = HttpClient.newHttpClient();
        final HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).timeout(Duration.ofSeconds(10)).build();
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status = client.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode();
        while (status != 200 && System.nanoTime() < deadlineNs)
        {
            Thread.sleep(200);
            status = client.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        return status;
    }

    /** The unit's UMask=0027: what the server writes into its data directory is not world-readable. */
    private static void assertNothingReadableByOthers(final Path dataDir) throws Exception
    {
        try (Stream<Path> files = Files.walk(dataDir))
        {
            for (final Path file : files.toList())
            {
                assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                    .doesNotContain(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
            }
        }
    }

    private List<String> journalSegments() throws Exception
    {
        try (Stream<Path> files = Files.list(root.file("/var/lib/pulse/journal")))
        {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".journal")).sorted().toList();
        }
    }

    private String installedVersion()
    {
        return root.run("dpkg-query", "--show", "--showformat=${Version}", "pulse").succeeded();
    }

    private String ownerAndMode(final String path)
    {
        return root.run("stat", "--format=%U:%G %a", path).succeeded().trim();
    }

    private List<String> systemdCalls() throws Exception
    {
        return Files.readAllLines(root.file(SYSTEMD_CALLS));
    }

    /** The same package with its version raised and a setting added: what the next release's package does to this one. */
    private Path newerVersionOf(final Path deb) throws Exception
    {
        final Path tree = BuiltPackage.extract(scratch.resolve("newer"));
        final Path control = tree.resolve("DEBIAN/control");
        Files.writeString(control, Files.readString(control).replaceFirst("(?m)^(Version: .*)$", "$1+1"));
        final Path settings = tree.resolve("etc/pulse/pulse.yaml");
        Files.writeString(settings, Files.readString(settings) + NEWER_SETTING);
        final Path newer = scratch.resolve("pulse_newer_all.deb");
        // Uncompressed: xz would spend most of this test compressing the jar again.
        Command.succeed(BuiltPackage.dpkgDeb().toString(), "-Znone", "--root-owner-group", "--build", tree.toString(), newer.toString());
        return newer;
    }

    private void stopServer() throws InterruptedException
    {
        if (server != null)
        {
            server.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            server = null;
        }
    }
}
