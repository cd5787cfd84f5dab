package dev.pulse.packaging;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.server.config.ConfigLoader;
import dev.pulse.server.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings the package installs as /etc/pulse/pulse.yaml are read by Pulse's own loader, which
 * refuses an unknown key or a bad value, and agree with the unit that starts the service with them.
 */
class ShippedSettingsTest
{
    private static final Path SETTINGS = BuiltPackage.REPOSITORY.resolve("deploy/debian/pulse.yaml");
    private static final ServiceUnit UNIT = ServiceUnit.read(BuiltPackage.REPOSITORY.resolve("deploy/systemd/pulse.service"));

    @Test
    void shouldLoadAsPulseReadsItWithSafeProductionValues() throws Exception
    {
        final ServerConfig config = new ConfigLoader().load(SETTINGS, Map.of(), Map.of());

        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/pulse"));
        assertThat(config.bind()).as("nothing but this host until the operator opens it").isEqualTo("127.0.0.1");
        assertThat(config.resetCorruptSessions()).as("a damaged session map stops the start, never silently").isFalse();
        assertThat(config.fsyncPolicy()).isEqualTo(FsyncPolicy.INTERVAL);
        assertThat(config.adminToken()).as("no secret in a world-installed file").isNull();
    }

    @Test
    void shouldBeTheFileTheUnitStartsWithAndKeepTheDataWhereTheUnitMayWrite() throws Exception
    {
        final ServerConfig config = new ConfigLoader().load(SETTINGS, Map.of(), Map.of());

        assertThat(UNIT.execStart()).containsSubsequence("--config", "/etc/pulse/pulse.yaml");
        assertThat(UNIT.values("Service.ReadWritePaths")).isEqualTo(List.of(config.dataDir().toString()));
        assertThat(UNIT.value("Service.WorkingDirectory")).isEqualTo(config.dataDir().toString());
    }
}
