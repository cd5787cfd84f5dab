package dev.pulse.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.net.AddressRanges;
import dev.pulse.server.net.ClientAddressSource;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.RetentionMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest
{
    private static final String HEX_KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    @Test
    void shouldReturnDefaultsWhenNothingIsGiven() throws Exception
    {
        assertThat(loader.load(null, Map.of(), Map.of())).isEqualTo(ServerConfig.defaults());
    }

    @Test
    void shouldReadEverySettingFromYaml() throws Exception
    {
        final Path previousKeyFile = Files.writeString(dir.resolve("previous.key"), HEX_KEY.replace('0', 'f') + "\n");
        final Path webhookSecret = Files.writeString(dir.resolve("webhook.secret"), HEX_KEY + "\n");
        final Path file = yaml(
            "bind: 127.0.0.1",
            "port: 9090",
            "data_dir: /var/lib/pulse",
            "catalog_file: catalog.yaml",
            "catalog_watch_ms: 2s",
            "max_message_bytes: 8KiB",
            "read_timeout_ms: 2m",
            "handshake_timeout_ms: 500ms",
            "messages_per_second: 20",
            "message_burst: 40",
            "rate_limit_close_ms: 5000",
            "max_rejected_messages: 0",
            "allow_missing_origin: true",
            "max_connections: 1000",
            "expected_sessions: 2000",
            "reset_corrupt_sessions: true",
            "fsync_policy: always",
            "fsync_interval_ms: 1.5s",
            "journal_segment_bytes: 64MiB",
            "journal_buffer_bytes: 1048576",
            "journal_search_text: TRUE",
            "journal_retention: 30d",
            "journal_retention_bytes: 10GiB",
            "journal_erasure_delay: 90s",
            "journal_retention_mode: compact",
            "admin_token: s3cret-Token_1",
            "report_token: read-0nly",
            "event_loop_threads: 4",
            "shutdown_timeout_ms: 30s",
            "max_connections_per_address: 0",
            "handshakes_per_second: 500",
            "max_pending_write_bytes: 1MiB",
            "write_stall_timeout_ms: 5s",
            "signing_key: " + HEX_KEY,
            "signing_key_file: ~",
            "signing_key_previous: ~",
            "signing_key_previous_file: " + previousKeyFile,
            "token_max_ttl_ms: 2h",
            "metrics_bind: 127.0.0.2",
            "metrics_port: 9091",
            "tls_cert_file: cert.pem",
            "tls_key_file: key.pem",
            "trusted_proxies: 10.0.0.0/8, 127.0.0.1",
            "client_address: forwarded",
            "log_format: json",
            "log_level: debug",
            "drain_delay: 2s",
            "close_spread: 3s",
            "admin_token_file: ~",
            "report_token_file: ~",
            "demo: true",
            "tls_watch_ms: 250ms",
            "node_id: node-2",
            "cluster_key_file: " + previousKeyFile,
            "kafka_bootstrap: 127.0.0.1:9092",
            "kafka_topic: shop-journal",
            "kafka_properties_file: kafka.properties",
            "webhook_url: https://hooks.example.com/pulse",
            "webhook_secret_file: " + webhookSecret,
            "webhook_max_attempts: 5",
            "webhook_events: answer,outcome",
            "ingest_keys_file: ingest.keys",
            "ingest_rate_per_key: 250",
            "ingest_max_body_bytes: 8KiB");

        final ServerConfig config = loader.load(file, Map.of(), Map.of());

        assertThat(config).isEqualTo(new ServerConfig(
            "127.0.0.1", 9090, Path.of("/var/lib/pulse"), Path.of("catalog.yaml"), 2_000,
            8 * 1024, 120_000, 500,
            20, 40, 5_000, 0,
            true, 1_000, 2_000, true,
            FsyncPolicy.ALWAYS, 1_500, 64L * 1024 * 1024, 1_048_576, true,
            30L * 86_400_000, 10L << 30, 90_000, RetentionMode.COMPACT,
            "s3cret-Token_1", "read-0nly", 4, 30_000,
            0, 500, 1024 * 1024, 5_000,
            SigningKey.parseOrNull(HEX_KEY), null, null, previousKeyFile, 2 * 3_600_000L, "127.0.0.2", 9091,
            Path.of("cert.pem"), Path.of("key.pem"),
            AddressRanges.parseOrNull("10.0.0.0/8,127.0.0.1"), ClientAddressSource.FORWARDED, LogFormat.JSON, LogLevel.DEBUG,
            2_000, 3_000, null, null, true, 250,
            "node-2", previousKeyFile, "127.0.0.1:9092", "shop-journal", Path.of("kafka.properties"),
            "https://hooks.example.com/pulse", webhookSecret, 5, "answer,outcome",
            Path.of("ingest.keys"), 250, 8 * 1024));
    }

    @Test
    void shouldLetEnvironmentOverrideFileAndFlagsOverrideEnvironment() throws Exception
    {
        final Path file = yaml("port: 9001", "bind: 10.0.0.1", "data_dir: from-file", "fsync_policy: never");
        final Map<String, String> env = Map.of("PULSE_PORT", "9002", "PULSE_DATA_DIR", "from-env");
        final Map<String, Object> flags = Map.of("port", 9003);

        final ServerConfig config = loader.load(file, env, flags);

        assertThat(config.port()).isEqualTo(9003);
        assertThat(config.dataDir()).isEqualTo(Path.of("from-env"));
        assertThat(config.bind()).isEqualTo("10.0.0.1");
        assertThat(config.fsyncPolicy()).isEqualTo(FsyncPolicy.NEVER);
        assertThat(config.readTimeoutMs()).isEqualTo(ServerConfig.defaults().readTimeoutMs());
    }

    @Test
    void shouldReadEveryEnvironmentVariableByItsUpperSnakeName() throws Exception
    {
        final Map<String, String> env = new HashMap<>();
        env.put("PULSE_ADMIN_TOKEN", "tok");
        env.put("PULSE_FSYNC_POLICY", "Interval");
        env.put("PULSE_ALLOW_MISSING_ORIGIN", "true");
        env.put("PULSE_JOURNAL_BUFFER_BYTES", "16MiB");
        env.put("PULSE_READ_TIMEOUT_MS", "90s");
        env.put("PATH", "/usr/bin");
        env.put("HOME", "/root");

        final ServerConfig config = loader.load(null, env, Map.of());

        assertThat(config.adminToken()).isEqualTo("tok");
        assertThat(config.fsyncPolicy()).isEqualTo(FsyncPolicy.INTERVAL);
        assertThat(config.allowMissingOrigin()).isTrue();
        assertThat(config.journalBufferBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(config.readTimeoutMs()).isEqualTo(90_000);
    }

    @Test
    void shouldAcceptTypedFlagValuesAndCamelCaseKeys() throws Exception
    {
        final Map<String, Object> flags = new HashMap<>();
        flags.put("dataDir", Path.of("flag-dir"));
        flags.put("fsync_policy", FsyncPolicy.NEVER);
        flags.put("allow_missing_origin", Boolean.TRUE);
        flags.put("catalog_file", Path.of("c.yaml"));
        flags.put("shutdown_timeout_ms", 2_500L);

        final ServerConfig config = loader.load(null, Map.of(), flags);

        assertThat(config.dataDir()).isEqualTo(Path.of("flag-dir"));
        assertThat(config.fsyncPolicy()).isEqualTo(FsyncPolicy.NEVER);
        assertThat(config.allowMissingOrigin()).isTrue();
        assertThat(config.catalogFile()).isEqualTo(Path.of("c.yaml"));
        assertThat(config.shutdownTimeoutMs()).isEqualTo(2_500);
    }

    @Test
    void shouldTreatYamlNullAsNoneForOptionalSettings() throws Exception
    {
        final Path file = yaml("catalog_file: ~", "admin_token: null");
        final Map<String, Object> flags = Map.of("admin_token", "x");

        final ServerConfig fromFile = loader.load(file, Map.of(), Map.of());
        final ServerConfig withFlag = loader.load(file, Map.of(), flags);

        assertThat(fromFile.catalogFile()).isNull();
        assertThat(fromFile.adminToken()).isNull();
        assertThat(withFlag.adminToken()).isEqualTo("x");
    }

    @Test
    void shouldChangeNothingForAnEmptyFile() throws Exception
    {
        assertThat(loader.load(yaml("# only a comment"), Map.of(), Map.of())).isEqualTo(ServerConfig.defaults());
    }

    @Test
    void shouldNameFileLineKeyValueAndExpectationForABadYamlValue() throws Exception
    {
        final Path file = yaml("bind: 0.0.0.0", "port: 80x");

        assertThatThrownBy(() -> loader.load(file, Map.of(), Map.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessage(file + ":2: port: \"80x\" is not valid; expected a whole number, from 0 to 65535");
    }

    @Test
    void shouldRefuseAnOutOfRangePort()
    {
        assertThatThrownBy(() -> loader.load(null, Map.of("PULSE_PORT", "70000"), Map.of()))
            .hasMessage("environment variable PULSE_PORT: \"70000\" is out of range; expected a whole number, from 0 to 65535");
    }

    @Test
    void shouldRefuseBadDurations()
    {
        assertThat(problems(Map.of("PULSE_READ_TIMEOUT_MS", "90 parsecs"))).containsExactly(
            "environment variable PULSE_READ_TIMEOUT_MS: \"90 parsecs\" is not valid; " +
                "expected a duration such as 500ms, 90s or 2m, or whole milliseconds");
        assertThat(problems(Map.of("PULSE_FSYNC_INTERVAL_MS", "-5"))).hasSize(1);
        assertThat(problems(Map.of("PULSE_FSYNC_INTERVAL_MS", "1.5"))).hasSize(1);
    }

    @Test
    void shouldRefuseAJournalRetentionThatWouldDeleteTodaysSegment()
    {
        assertThat(problems(Map.of("PULSE_JOURNAL_RETENTION", "12h"))).singleElement().asString()
            .startsWith("journal_retention 43200000 ms is under one day").contains("keep at least 1d");
        assertThat(problems(Map.of("PULSE_JOURNAL_RETENTION_BYTES", "32MiB"))).singleElement().asString()
            .startsWith("journal_retention_bytes 33554432 is under one segment (journal_segment_bytes 67108864)");
        assertThat(problems(Map.of("PULSE_JOURNAL_RETENTION_BYTES", "32MiB", "PULSE_JOURNAL_SEGMENT_BYTES", "16MiB"))).isEmpty();
        assertThat(problems(Map.of("PULSE_JOURNAL_RETENTION", "1d", "PULSE_JOURNAL_RETENTION_BYTES", "0"))).as("0: no size limit").isEmpty();
        assertThat(problems(Map.of("PULSE_JOURNAL_RETENTION", "0"))).hasSize(1);
        assertThat(problems(Map.of("PULSE_JOURNAL_ERASURE_DELAY", "forever"))).hasSize(1);
    }

    @Test
    void shouldReadTheRetentionModeAndRefuseAnyOther() throws Exception
    {
        assertThat(loader.load(null, Map.of(), Map.of()).journalRetentionMode()).as("default").isEqualTo(RetentionMode.DELETE);
        assertThat(loader.load(null, Map.of("PULSE_JOURNAL_RETENTION_MODE", "Compact"), Map.of()).journalRetentionMode())
            .isEqualTo(RetentionMode.COMPACT);
        assertThat(JournalSettings.upkeep(loader.load(null, Map.of(), Map.of("journal_retention_mode", "compact"))).retentionMode())
            .as("the journal's upkeep gets it").isEqualTo(RetentionMode.COMPACT);
        assertThat(problems(Map.of("PULSE_JOURNAL_RETENTION_MODE", "archive"))).containsExactly(
            "environment variable PULSE_JOURNAL_RETENTION_MODE: \"archive\" is not valid; expected delete or compact");
    }

    @Test
    void shouldKeepNinetyDaysOfJournalByDefault() throws Exception
    {
        final ServerConfig config = loader.load(null, Map.of(), Map.of());

        assertThat(config.journalRetention()).isEqualTo(90L * 86_400_000);
        assertThat(config.journalRetentionBytes()).as("no size limit").isZero();
        assertThat(config.journalErasureDelay()).isEqualTo(300_000);
    }

    @Test
    void shouldRefuseNetworkLimitsThatWouldCloseHealthyConnections() throws Exception
    {
        assertThat(problems(Map.of("PULSE_MAX_PENDING_WRITE_BYTES", "32KiB"))).containsExactly(
            "environment variable PULSE_MAX_PENDING_WRITE_BYTES: \"32KiB\" is out of range; " +
                "expected a size such as 4096 (bytes), 8KiB or 64MiB, at least 65536 and below 2GiB");
        assertThat(problems(Map.of("PULSE_WRITE_STALL_TIMEOUT_MS", "50ms"))).singleElement().asString().contains("is out of range");
        assertThat(problems(Map.of("PULSE_HANDSHAKES_PER_SECOND", "-1"))).singleElement().asString().contains("is out of range");
        final ServerConfig off = loader.load(null, Map.of("PULSE_MAX_CONNECTIONS_PER_ADDRESS", "0", "PULSE_HANDSHAKES_PER_SECOND", "0"), Map.of());
        assertThat(off.maxConnectionsPerAddress()).as("0 turns the cap off").isZero();
        assertThat(off.handshakesPerSecond()).isZero();
    }

    @Test
    void shouldRefuseBadSizesAndSizesTooBigForTheirField()
    {
        assertThat(problems(Map.of("PULSE_MAX_MESSAGE_BYTES", "64MB"))).containsExactly(
            "environment variable PULSE_MAX_MESSAGE_BYTES: \"64MB\" is not valid; " +
                "expected a size such as 4096 (bytes), 8KiB or 64MiB, at least 1 and below 2GiB");
        assertThat(problems(Map.of("PULSE_MAX_MESSAGE_BYTES", "2GiB"))).singleElement().asString().contains("is out of range");
        assertThat(problems(Map.of("PULSE_MAX_MESSAGE_BYTES", "0"))).singleElement().asString().contains("is out of range");
        assertThat(problems(Map.of("PULSE_JOURNAL_SEGMENT_BYTES", "99999999999GiB"))).singleElement().asString().contains("is not valid");
    }

    @Test
    void shouldRefuseBadBooleansPoliciesAndTokens()
    {
        assertThat(problems(Map.of("PULSE_ALLOW_MISSING_ORIGIN", "yes"))).containsExactly(
            "environment variable PULSE_ALLOW_MISSING_ORIGIN: \"yes\" is not valid; expected true or false");
        assertThat(problems(Map.of("PULSE_FSYNC_POLICY", "sometimes"))).containsExactly(
            "environment variable PULSE_FSYNC_POLICY: \"sometimes\" is not valid; expected always, interval or never");
        // A token is a secret even when it is not valid: the message names the variable, never the value.
        assertThat(problems(Map.of("PULSE_ADMIN_TOKEN", "two words"))).containsExactly("environment variable PULSE_ADMIN_TOKEN: "
            + "the value is not valid; expected a token of visible ASCII characters without spaces (or leave it out for none)");
        assertThat(problems(Map.of("PULSE_ADMIN_TOKEN", ""))).hasSize(1);
        assertThat(problems(Map.of("PULSE_BIND", " "))).hasSize(1);
        assertThat(problems(Map.of("PULSE_DATA_DIR", ""))).singleElement().asString().contains("expected a file path");
    }

    @Test
    void shouldRefuseNullForARequiredSetting() throws Exception
    {
        final Path file = yaml("port: ~");

        assertThatThrownBy(() -> loader.load(file, Map.of(), Map.of()))
            .hasMessage(file + ":1: port: has no value; expected a whole number, from 0 to 65535");
    }

    @Test
    void shouldSuggestTheNearestKeyForAnUnknownYamlKey() throws Exception
    {
        final Path file = yaml("prot: 9090");

        assertThatThrownBy(() -> loader.load(file, Map.of(), Map.of()))
            .hasMessage(file + ":1: unknown setting \"prot\" (did you mean \"port\"?)");
    }

    @Test
    void shouldListKnownKeysWhenAnUnknownKeyIsNotATypo() throws Exception
    {
        final Path file = yaml("colour: blue");

        assertThatThrownBy(() -> loader.load(file, Map.of(), Map.of()))
            .hasMessageStartingWith(file + ":1: unknown setting \"colour\"; known settings: bind, port, data_dir, ");
    }

    @Test
    void shouldRefuseAPulseEnvironmentVariableThatLooksLikeATypo()
    {
        assertThat(problems(Map.of("PULSE_PROT", "1"))).containsExactly(
            "unknown environment variable PULSE_PROT (did you mean PULSE_PORT?)");
    }

    @Test
    void shouldIgnoreAnotherProgramsPulseVariables() throws Exception
    {
        final ServerConfig config = loader.load(null, Map.of("PULSE_SERVER", "unix:/run/pulse/native", "PULSE_COOKIE", "/x",
            "PULSE_REQUIRE_BROWSER", "1", "PULSE_PORT", "9090"), Map.of());

        assertThat(config.port()).isEqualTo(9090);
    }

    @Test
    void shouldRefuseAnUnknownFlagKey()
    {
        assertThatThrownBy(() -> loader.load(null, Map.of(), Map.of("portt", 1)))
            .hasMessage("command line: unknown setting \"portt\" (did you mean \"port\"?)");
    }

    @Test
    void shouldRefuseABadFlagValue()
    {
        assertThatThrownBy(() -> loader.load(null, Map.of(), Map.of("port", 123_456)))
            .hasMessage("flag --port: \"123456\" is out of range; expected a whole number, from 0 to 65535");
    }

    @Test
    void shouldRefuseNestedValuesListsDuplicatesAndSecondDocuments() throws Exception
    {
        final Path nested = yaml("data_dir:", "  path: x");
        final Path list = yaml("- port: 1");
        final Path duplicate = yaml("port: 1", "port: 2");
        final Path twoDocuments = yaml("port: 1", "---", "port: 2");

        assertThatThrownBy(() -> loader.load(nested, Map.of(), Map.of()))
            .hasMessage(nested + ":1: data_dir: expected a single value, found a mapping");
        assertThatThrownBy(() -> loader.load(list, Map.of(), Map.of()))
            .hasMessage(list + ":1: expected a mapping of settings (key: value), found a list");
        assertThatThrownBy(() -> loader.load(duplicate, Map.of(), Map.of()))
            .hasMessage(duplicate + ":2: port: set twice (first on line 1)");
        assertThatThrownBy(() -> loader.load(twoDocuments, Map.of(), Map.of()))
            .hasMessageContaining("a config file holds one YAML document");
    }

    @Test
    void shouldReportAMissingFileAndInvalidYaml() throws Exception
    {
        final Path missing = dir.resolve("nope.yaml");
        final Path broken = yaml("port: [1, 2", "bind: x");

        assertThatThrownBy(() -> loader.load(missing, Map.of(), Map.of()))
            .hasMessage("cannot read config file " + missing + ": no such file");
        assertThatThrownBy(() -> loader.load(broken, Map.of(), Map.of()))
            .hasMessageStartingWith(broken + ":").hasMessageContaining("not valid YAML");
    }

    @Test
    void shouldCollectEveryProblemOfEveryLayer() throws Exception
    {
        final Path file = yaml("port: x", "colour: blue");

        assertThatThrownBy(() -> loader.load(file, Map.of("PULSE_BIND", ""), Map.of("fsync_policy", "often")))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).hasSize(4));
    }

    @Test
    void shouldHaveOneSettingPerServerConfigComponent()
    {
        final List<String> components = Arrays.stream(ServerConfig.class.getRecordComponents())
            .map(component -> ConfigLoader.snakeCase(component.getName()))
            .toList();
        final List<String> settings = Arrays.stream(Setting.values()).map(Setting::key).toList();

        assertThat(settings).containsExactlyElementsOf(components);
    }

    private List<String> problems(final Map<String, String> env)
    {
        try
        {
            loader.load(null, env, Map.of());
            return List.of();
        }
        catch (final ConfigException ex)
        {
            return ex.problems();
        }
    }

    private Path yaml(final String... lines) throws IOException
    {
        final Path file = Files.createTempFile(dir, "pulse", ".yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }
}
