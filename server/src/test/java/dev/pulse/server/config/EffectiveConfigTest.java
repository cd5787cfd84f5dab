package dev.pulse.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Each setting's value as an operator writes it, and the layer it came from: what config check prints. */
class EffectiveConfigTest
{
    private static final String HEX_KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    @Test
    void shouldListEverySettingOnceInRecordOrderWithItsDefaultAsOperatorsWriteIt() throws Exception
    {
        final Map<String, EffectiveConfig.Entry> entries = byKey(loader.loadEffective(null, Map.of(), Map.of()));

        assertThat(entries.keySet()).containsExactly(java.util.Arrays.stream(Setting.values()).map(Setting::key).toArray(String[]::new));
        assertThat(entries.values()).allSatisfy(entry -> assertThat(entry.source()).isEqualTo("default"));
        assertThat(entries.get("max_message_bytes").value()).isEqualTo("4KiB");
        assertThat(entries.get("read_timeout_ms").value()).isEqualTo("2m");
        assertThat(entries.get("journal_segment_bytes").value()).isEqualTo("64MiB");
        assertThat(entries.get("journal_retention").value()).isEqualTo("90d");
        assertThat(entries.get("fsync_policy").value()).isEqualTo("interval");
        assertThat(entries.get("client_address").value()).isEqualTo("peer");
        assertThat(entries.get("trusted_proxies").value()).isEqualTo("none");
        assertThat(entries.get("catalog_file").value()).isEqualTo("none");
        assertThat(entries.get("demo").value()).isEqualTo("none");
        assertThat(entries.get("journal_retention_bytes").value()).isEqualTo("0");
    }

    @Test
    void shouldNameTheFileAndLineTheVariableOrTheFlagEachValueCameFrom() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("pulse.yaml"), "# settings\nbind: 127.0.0.1\nport: 9001\ndata_dir: file-data\n");

        final Map<String, EffectiveConfig.Entry> entries = byKey(loader.loadEffective(file,
            Map.of("PULSE_PORT", "9002", "PULSE_DATA_DIR", "env-data"), Map.of("port", "9003")));

        assertThat(entries.get("bind")).isEqualTo(new EffectiveConfig.Entry("bind", "127.0.0.1", "file " + file + ":2"));
        assertThat(entries.get("data_dir")).isEqualTo(new EffectiveConfig.Entry("data_dir", "env-data", "environment PULSE_DATA_DIR"));
        assertThat(entries.get("port")).isEqualTo(new EffectiveConfig.Entry("port", "9003", "flag --port"));
        assertThat(entries.get("max_connections").source()).isEqualTo("default");
    }

    @Test
    void shouldShowSecretsAsSecretAndNeverTheirValue() throws Exception
    {
        final EffectiveConfig effective = loader.loadEffective(null,
            Map.of("PULSE_ADMIN_TOKEN", "adm1n-s3cret", "PULSE_SIGNING_KEY", HEX_KEY), Map.of("report_token", "rep0rt-s3cret"));
        final Map<String, EffectiveConfig.Entry> entries = byKey(effective);

        assertThat(entries.get("admin_token").value()).isEqualTo("(secret)");
        assertThat(entries.get("report_token").value()).isEqualTo("(secret)");
        assertThat(entries.get("signing_key").value()).isEqualTo("(secret)");
        assertThat(entries.get("signing_key_previous").value()).as("a secret not set").isEqualTo("none");
        assertThat(effective.settings().toString()).doesNotContain("s3cret", HEX_KEY);
    }

    @Test
    void shouldPrintValuesThatReadBackToTheSameConfig() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("pulse.yaml"), String.join("\n", "read_timeout_ms: 1500", "max_message_bytes: 10000",
            "journal_buffer_bytes: 2MiB", "trusted_proxies: 10.0.0.0/8 127.0.0.1", "log_level: DEBUG", "fsync_policy: Always",
            "journal_retention: 36h", "metrics_port: 9091", "demo: true", "tls_watch_ms: 0"));
        final EffectiveConfig effective = loader.loadEffective(file, Map.of(), Map.of());

        final StringBuilder yaml = new StringBuilder();
        for (final EffectiveConfig.Entry entry : effective.settings())
        {
            if (!entry.value().equals("none") && !entry.value().equals("(secret)"))
            {
                yaml.append(entry.key()).append(": \"").append(entry.value()).append("\"\n");
            }
        }
        final Path printed = Files.writeString(dir.resolve("printed.yaml"), yaml);

        assertThat(loader.load(printed, Map.of(), Map.of())).isEqualTo(effective.config());
        assertThat(byKey(effective).get("read_timeout_ms").value()).isEqualTo("1500ms");
        assertThat(byKey(effective).get("max_message_bytes").value()).isEqualTo("10000");
        assertThat(byKey(effective).get("trusted_proxies").value()).isEqualTo("10.0.0.0/8, 127.0.0.1");
    }

    private static Map<String, EffectiveConfig.Entry> byKey(final EffectiveConfig effective)
    {
        final Map<String, EffectiveConfig.Entry> entries = new LinkedHashMap<>();
        effective.settings().forEach(entry -> assertThat(entries.put(entry.key(), entry)).as("listed once: " + entry.key()).isNull());
        return entries;
    }
}
