package dev.pulse.packaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.pulse.server.PulseMain;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.tools.ExternalTool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit the package installs passes {@code systemd-analyze verify} without a word (systemd
 * only warns about a misspelt key or a bad value and exits 0, so any output fails), is hardened as
 * docs/operations.md says, and keeps {@code systemd-analyze security}'s exposure score low.
 */
class SystemdUnitIT
{
    /** systemd-analyze security's overall exposure, 0.0 (locked down) to 10.0; the unit scores 2.9. */
    private static final double MAX_EXPOSURE = 3.5;
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for pulse.service: (\\d+\\.\\d)");

    @TempDir
    Path dir;

    private Path unpacked;

    @BeforeEach
    void unpack()
    {
        unpacked = BuiltPackage.extract(dir.resolve("package"));
    }

    @Test
    void shouldPassSystemdAnalyzeVerifyWithoutAWarning() throws Exception
    {
        final Command verify = verify(Files.readString(installedUnit()));

        assertThat(verify.output()).as("systemd-analyze verify says nothing about a sound unit").isEmpty();
        assertThat(verify.exitStatus()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ProtectSystem=strict|ProtectSystem=strictly",
        "LimitNOFILE=131072|LimitNOFILE=lots",
        "NoNewPrivileges=yes|NoNewPrivilege=yes",
        "RestartPreventExitStatus=2 4|RestartPreventExitStatus=two four",
        "[Service]|[Servce]"})
    void shouldCatchABrokenUnit(final String line, final String broken) throws Exception
    {
        final String unit = Files.readString(installedUnit());
        assertThat(unit).contains(line + "\n");

        final Command verify = verify(unit.replace(line + "\n", broken + "\n"));

        assertThat(verify.output()).as("systemd-analyze verify notices " + broken).isNotEmpty();
    }

    @Test
    void shouldRunAsItsOwnUserWithOnlyTheDataDirectoryWritable()
    {
        final ServiceUnit unit = ServiceUnit.read(installedUnit());

        assertThat(unit.value("Service.User")).isEqualTo("pulse");
        assertThat(unit.value("Service.Group")).isEqualTo("pulse");
        assertThat(unit.value("Service.ProtectSystem")).isEqualTo("strict");
        assertThat(unit.values("Service.ReadWritePaths")).containsExactly("/var/lib/pulse");
        assertThat(unit.value("Service.WorkingDirectory")).isEqualTo("/var/lib/pulse");
        assertThat(unit.value("Service.UMask")).as("nothing it writes is world-readable").isEqualTo("0027");
        for (final String key : List.of("ProtectHome", "PrivateTmp", "PrivateDevices", "PrivateMounts", "NoNewPrivileges",
            "ProtectKernelTunables", "ProtectKernelModules", "ProtectKernelLogs", "ProtectControlGroups", "ProtectClock",
            "ProtectHostname", "RestrictNamespaces", "RestrictRealtime", "RestrictSUIDSGID", "LockPersonality", "RemoveIPC"))
        {
            assertThat(unit.value("Service." + key)).as(key).isEqualTo("yes");
        }
        assertThat(unit.value("Service.ProtectProc")).isEqualTo("invisible");
        assertThat(unit.value("Service.RestrictAddressFamilies")).isEqualTo("AF_UNIX AF_INET AF_INET6 AF_NETLINK");
        assertThat(unit.value("Service.SystemCallArchitectures")).isEqualTo("native");
        assertThat(unit.value("Service.CapabilityBoundingSet")).as("no capabilities").isEmpty();
        assertThat(unit.value("Service.AmbientCapabilities")).as("no capabilities").isEmpty();
        // The JIT and Chronicle Map's compiler write the code they run: W^X would stop the JVM.
        assertThat(unit.values("Service.MemoryDenyWriteExecute")).isEmpty();
        // Not tried under a real systemd here: docs/operations.md says how to add it.
        assertThat(unit.values("Service.SystemCallFilter")).isEmpty();
    }

    @Test
    void shouldRestartOnFailureButNotOnAnErrorARestartCannotMend()
    {
        final ServiceUnit unit = ServiceUnit.read(installedUnit());

        assertThat(unit.value("Service.Restart")).isEqualTo("on-failure");
        // Any other failure to start (exit 3: a session map of another version) ends after five tries.
        assertThat(unit.value("Unit.StartLimitBurst")).isEqualTo("5");
        assertThat(unit.value("Unit.StartLimitIntervalSec")).isEqualTo("120");
        assertThat(unit.value("Service.RestartPreventExitStatus").split(" "))
            .containsExactlyInAnyOrder(String.valueOf(PulseMain.EXIT_USAGE), String.valueOf(PulseMain.EXIT_SESSION_MAP_DAMAGED));
        assertThat(unit.value("Service.RestartSec")).isEqualTo("5s");
        // The JVM's status for SIGTERM before Pulse's own handler is in place: a stop, not a failure.
        assertThat(unit.value("Service.SuccessExitStatus")).isEqualTo("143");
        assertThat(unit.value("Service.ExecReload")).isEqualTo("/bin/kill -s HUP $MAINPID");
        assertThat(unit.value("Service.ExecStart")).isEqualTo("/usr/bin/pulse serve --config /etc/pulse/pulse.yaml");
    }

    @Test
    void shouldWaitForTheDrainBeforeSystemdKillsTheServer()
    {
        final ServiceUnit unit = ServiceUnit.read(installedUnit());
        final ServerConfig defaults = ServerConfig.defaults();

        // After SIGTERM: drain_delay, then close_spread, then at most shutdown_timeout_ms to stop.
        final long stopMs = defaults.drainDelay() + defaults.closeSpread() + defaults.shutdownTimeoutMs();
        assertThat(unit.value("Service.TimeoutStopSec")).isEqualTo("60");
        assertThat(60_000L).isGreaterThanOrEqualTo(2 * stopMs);
    }

    @Test
    void shouldOpenEnoughFilesForEveryConnectionPulseAllows()
    {
        final long limit = Long.parseLong(ServiceUnit.read(installedUnit()).value("Service.LimitNOFILE"));

        // One socket per connection, plus the journal, the session map, listeners and the JVM's own.
        assertThat(limit).isGreaterThanOrEqualTo(ServerConfig.defaults().maxConnections() + 10_000L);
    }

    @Test
    void shouldStartTheJvmWithTheFlagsTheReadmeRecommendsForProduction() throws Exception
    {
        final String javaOpts = ServiceUnit.read(installedUnit()).environment().get("JAVA_OPTS");
        final String readme = Files.readString(BuiltPackage.REPOSITORY.resolve("README.md"));

        assertThat(javaOpts).isEqualTo("-XX:+UseZGC -Xms512m -Xmx512m -XX:+AlwaysPreTouch");
        assertThat(readme).contains("java " + javaOpts + " -jar server/target/pulse.jar serve");
    }

    @Test
    void shouldScoreALowExposureInSystemdAnalyzeSecurity() throws Exception
    {
        final Path unit = dir.resolve("pulse.service");
        Files.writeString(unit, runnableCopy(Files.readString(installedUnit())));

        final Command security = Command.run(analyze().toString(), "security", "--offline=yes", unit.toString());

        final Matcher exposure = EXPOSURE.matcher(security.output());
        assertThat(exposure.find()).as(security.output()).isTrue();
        assertThat(Double.parseDouble(exposure.group(1))).as(security.output()).isLessThanOrEqualTo(MAX_EXPOSURE);
    }

    private Path installedUnit()
    {
        return unpacked.resolve("usr/lib/systemd/system/pulse.service");
    }

    private Command verify(final String unitText) throws Exception
    {
        final Path unit = dir.resolve("pulse.service");
        Files.writeString(unit, runnableCopy(unitText));
        return Command.run(analyze().toString(), "verify", unit.toString());
    }

    /**
     * verify refuses an ExecStart whose program does not exist, and /usr/bin/pulse exists only once
     * installed: the copy names the launcher unpacked from the package instead. Nothing else changes.
     */
    private String runnableCopy(final String unitText)
    {
        assertThat(unitText).contains("ExecStart=/usr/bin/pulse ");
        return unitText.replace("ExecStart=/usr/bin/pulse ", "ExecStart=" + unpacked.resolve("usr/bin/pulse") + " ");
    }

    private static Path analyze()
    {
        return ExternalTool.require("systemd", "/usr/bin/systemd-analyze", "/bin/systemd-analyze");
    }
}
