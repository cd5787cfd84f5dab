package dev.pulse.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.config.SettingFlag;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting has a flag, a {@code PULSE_*} environment variable and a key of the config file,
 * and all three (and the older short flag where there is one) give the server the same value, which
 * {@code config check} then names the source of. A setting added without a sample here fails the test.
 */
class EverySettingTest
{
    private static final String KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final String PREVIOUS_KEY = "ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final Set<String> SECRETS = Set.of("admin_token", "report_token", "signing_key", "signing_key_previous");

    @TempDir
    Path dir;

    /** A value other than the default for each setting, by key. */
    private final Map<String, String> samples = new HashMap<>();
    /** Settings a sample cannot go without (a previous key needs a current one), by key. */
    private final Map<String, Map<String, String>> companions = new HashMap<>();

    @BeforeEach
    void samples() throws Exception
    {
        final Path keyFile = Files.writeString(dir.resolve("signing.key"), KEY + "\n");
        final Path previousKeyFile = Files.writeString(dir.resolve("previous.key"), PREVIOUS_KEY + "\n");
        final Path tokenFile = Files.writeString(dir.resolve("admin.token"), "t0ken-from-file\n");
        final String[][] rows = {
            {"bind", "127.0.0.2"}, {"port", "9091"}, {"data_dir", "other-data"}, {"catalog_file", "shop.yaml"},
            {"catalog_watch_ms", "2s"}, {"max_message_bytes", "8KiB"}, {"read_timeout_ms", "90s"}, {"handshake_timeout_ms", "5s"},
            {"messages_per_second", "20"}, {"message_burst", "40"}, {"rate_limit_close_ms", "5s"}, {"max_rejected_messages", "3"},
            {"allow_missing_origin", "true"}, {"max_connections", "1000"}, {"expected_sessions", "2000"},
            {"reset_corrupt_sessions", "true"}, {"fsync_policy", "always"}, {"fsync_interval_ms", "250ms"},
            {"journal_segment_bytes", "32MiB"}, {"journal_buffer_bytes", "1MiB"}, {"journal_search_text", "true"},
            {"journal_retention", "30d"}, {"journal_retention_bytes", "10GiB"}, {"journal_erasure_delay", "90s"},
            {"journal_retention_mode", "compact"}, {"admin_token", "s3cret-admin"}, {"report_token", "s3cret-report"},
            {"event_loop_threads", "3"}, {"shutdown_timeout_ms", "30s"}, {"max_connections_per_address", "0"},
            {"handshakes_per_second", "500"}, {"max_pending_write_bytes", "1MiB"}, {"write_stall_timeout_ms", "5s"},
            {"signing_key", KEY}, {"signing_key_file", keyFile.toString()}, {"signing_key_previous", PREVIOUS_KEY},
            {"signing_key_previous_file", previousKeyFile.toString()}, {"token_max_ttl_ms", "2h"}, {"metrics_bind", "127.0.0.3"},
            {"metrics_port", "9092"}, {"tls_cert_file", "cert.pem"}, {"tls_key_file", "key.pem"},
            {"trusted_proxies", "10.0.0.0/8"}, {"client_address", "forwarded"}, {"log_format", "json"}, {"log_level", "debug"},
            {"drain_delay", "2s"}, {"close_spread", "3s"}, {"admin_token_file", tokenFile.toString()},
            {"report_token_file", tokenFile.toString()}, {"demo", "true"}, {"tls_watch_ms", "250ms"},
            {"node_id", "node-2"}, {"cluster_key_file", keyFile.toString()}, {"kafka_bootstrap", "127.0.0.1:9092"}, {"kafka_topic", "shop-journal"}, {"kafka_properties_file", keyFile.toString()}, {"webhook_url", "https://hooks.example.com/pulse"}, {"webhook_secret_file", keyFile.toString()}, {"webhook_max_attempts", "5"}, {"webhook_events", "answer,outcome"},
            {"ingest_keys_file", keyFile.toString()}, {"ingest_rate_per_key", "250"}, {"ingest_max_body_bytes", "8KiB"}};
        for (final String[] row : rows)
        {
            samples.put(row[0], row[1]);
        }
        companions.put("signing_key_previous", Map.of("signing_key", KEY));
        companions.put("signing_key_previous_file", Map.of("signing_key", KEY));
        companions.put("webhook_url", Map.of("webhook_secret_file", keyFile.toString()));
        companions.put("metrics_bind", Map.of("metrics_port", "9092"));
        companions.put("tls_cert_file", Map.of("tls_key_file", "key.pem"));
        companions.put("tls_key_file", Map.of("tls_cert_file", "cert.pem"));
    }

    @Test
    void shouldHaveASampleForEverySetting()
    {
        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(SettingFlag.all().stream().map(SettingFlag::key).toList());
    }

    @Test
    void shouldGiveTheSameValueByFlagAliasEnvironmentAndFileAndNameTheSource() throws Exception
    {
        for (final SettingFlag flag : SettingFlag.all())
        {
            final String key = flag.key();
            final String value = samples.get(key);
            final Map<String, String> companion = companions.getOrDefault(key, Map.of());
            final Map<String, String> given = new LinkedHashMap<>(companion);
            given.put(key, value);

            final ServerConfig byFlag = Cli.served(Map.of(), flags(companion, flag.names().get(0), value));
            final ServerConfig byEnvironment = Cli.served(environment(given));
            final Path file = Files.writeString(dir.resolve(key + ".yaml"), yaml(given));
            final ServerConfig byFile = Cli.served(Map.of(), "serve", "--config", file.toString());

            assertThat(byEnvironment).as("PULSE_" + key.toUpperCase() + " as the flag").isEqualTo(byFlag);
            assertThat(byFile).as(key + ": in the file as the flag").isEqualTo(byFlag);
            for (final String alias : flag.names().subList(1, flag.names().size()))
            {
                assertThat(Cli.served(Map.of(), flags(companion, alias, value))).as(alias + " as " + flag.names().get(0)).isEqualTo(byFlag);
            }

            final String checked = checkLine(Map.of(), key, flags(companion, flag.names().get(0), value));
            assertThat(checked).as("config check names the flag").endsWith("(flag " + flag.names().get(0) + ")");
            assertThat(valueIn(checked)).as(flag.names().get(0) + " changes " + key)
                .isNotEqualTo(valueIn(checkLine(Map.of(), key, "serve")));
            assertThat(checkLine(environment(given), key, "serve")).endsWith("(environment PULSE_" + key.toUpperCase() + ")");
            assertThat(checkLine(Map.of(), key, "serve", "--config", file.toString()))
                .endsWith("(file " + file + ":" + (companion.size() + 1) + ")");
            if (SECRETS.contains(key))
            {
                assertThat(checked).as("a secret is never printed").contains("(secret)").doesNotContain(value);
            }
        }
    }

    /** The line {@code config check} prints for {@code key} when run with {@code args} (whose first is replaced by the command). */
    private static String checkLine(final Map<String, String> environment, final String key, final String... args)
    {
        final List<String> check = new ArrayList<>(List.of("config", "check"));
        check.addAll(List.of(args).subList(1, args.length));
        final Cli cli = Cli.run(environment, check.toArray(String[]::new));
        final String line = cli.settingLine(key);
        assertThat(line).as("config check prints " + key + "; it said:\n" + cli.out + cli.err).isNotNull();
        return line;
    }

    /** The value column of a {@code config check} line: {@code 9090} of {@code port  9090  (flag --port)}. */
    private static String valueIn(final String line)
    {
        return line.substring(0, line.lastIndexOf("  (")).strip().split("\\s+", 2)[1];
    }

    /** {@code serve --companion value ... name value}: the companions by their generated flags; no {@code name}, no setting. */
    private static String[] flags(final Map<String, String> companions, final String name, final String value)
    {
        final List<String> args = new ArrayList<>(List.of("serve"));
        companions.forEach((key, companion) -> args.addAll(List.of("--" + key.replace('_', '-'), companion)));
        if (name != null)
        {
            args.addAll(List.of(name, value));
        }
        return args.toArray(String[]::new);
    }

    private static Map<String, String> environment(final Map<String, String> settings)
    {
        final Map<String, String> environment = new HashMap<>();
        settings.forEach((key, value) -> environment.put("PULSE_" + key.toUpperCase(), value));
        return environment;
    }

    private static String yaml(final Map<String, String> settings)
    {
        final StringBuilder yaml = new StringBuilder();
        settings.forEach((key, value) -> yaml.append(key).append(": \"").append(value).append("\"\n"));
        return yaml.toString();
    }
}
