package dev.pulse.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.auth.SigningKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The access settings: signing keys in every spelling, never echoed; the rules between settings; key files. */
class AccessSettingsTest
{
    private static final byte[] KEY_BYTES = HexFormat.of().parseHex("8f1c2b7a90d4e35612ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90");
    private static final String HEX = HexFormat.of().formatHex(KEY_BYTES);

    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    @Test
    void shouldReadTheSameKeyFromHexBase64AndUrlSafeBase64WithOrWithoutPadding() throws Exception
    {
        final SigningKey fromHex = load(Map.of("PULSE_SIGNING_KEY", HEX)).signingKey();
        final String base64 = Base64.getEncoder().encodeToString(KEY_BYTES);
        final String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(KEY_BYTES);

        assertThat(fromHex).isNotNull();
        assertThat(load(Map.of("PULSE_SIGNING_KEY", HEX.toUpperCase())).signingKey()).isEqualTo(fromHex);
        assertThat(load(Map.of("PULSE_SIGNING_KEY", base64)).signingKey()).isEqualTo(fromHex);
        assertThat(load(Map.of("PULSE_SIGNING_KEY", base64.replace("=", ""))).signingKey()).isEqualTo(fromHex);
        assertThat(load(Map.of("PULSE_SIGNING_KEY", " " + urlSafe + "\n")).signingKey()).isEqualTo(fromHex);
        assertThat(urlSafe).as("the test vector really uses the URL-safe alphabet").containsAnyOf("-", "_");
    }

    @Test
    void shouldRefuseAShortOrUnreadableKeyWithoutRepeatingIt()
    {
        final String short31 = HEX.substring(0, 62);

        final List<String> problems = problems(Map.of("PULSE_SIGNING_KEY", short31));
        final List<String> garbage = problems(Map.of("PULSE_SIGNING_KEY_PREVIOUS", "not a key at all!", "PULSE_SIGNING_KEY", HEX));

        assertThat(problems).containsExactly("environment variable PULSE_SIGNING_KEY: the value is not valid; expected hex or base64 of at "
            + "least 32 random bytes (openssl rand -hex 32) (or leave it out for none)");
        assertThat(garbage).singleElement().asString().startsWith("environment variable PULSE_SIGNING_KEY_PREVIOUS: the value is not valid")
            .doesNotContain("not a key at all");
    }

    @Test
    void shouldNeverShowTheKeyWhenTheConfigIsPrinted() throws Exception
    {
        final ServerConfig config = load(Map.of("PULSE_SIGNING_KEY", HEX));

        assertThat(config.toString()).doesNotContain(HEX).contains("SigningKey[redacted]");
    }

    @Test
    void shouldReadKeysFromFilesForARotation() throws Exception
    {
        final Path current = Files.writeString(dir.resolve("current.key"), HEX + "\n");
        final Path previous = Files.writeString(dir.resolve("previous.key"), Base64.getEncoder().encodeToString(new byte[48]));
        final Map<String, String> env = new HashMap<>();
        env.put("PULSE_SIGNING_KEY_FILE", current.toString());
        env.put("PULSE_SIGNING_KEY_PREVIOUS_FILE", previous.toString());

        final SigningKeys keys = AccessSettings.signingKeys(load(env));

        assertThat(keys.current()).isEqualTo(SigningKey.parseOrNull(HEX));
        assertThat(keys.previous()).isEqualTo(SigningKey.parseOrNull(Base64.getEncoder().encodeToString(new byte[48])));
        assertThat(AccessSettings.signingKeys(ServerConfig.defaults())).as("no key: unsigned").isNull();
    }

    @Test
    void shouldNameAMissingOrWrongKeyFile() throws Exception
    {
        final Path missing = dir.resolve("missing.key");
        final Path shortKey = Files.writeString(dir.resolve("short.key"), "abcd\n");

        assertThat(problems(Map.of("PULSE_SIGNING_KEY_FILE", missing.toString())))
            .containsExactly("signing_key_file: " + missing + " does not exist");
        assertThat(problems(Map.of("PULSE_SIGNING_KEY_FILE", shortKey.toString())))
            .containsExactly("signing_key_file: " + shortKey + " does not hold a key; expected hex or base64 of at least 32 random bytes "
                + "(openssl rand -hex 32)");
    }

    @Test
    void shouldReadTheClusterKeyFileAndNameAMissingOrShortOne() throws Exception
    {
        final Path key = Files.writeString(dir.resolve("cluster.key"), HEX + "\n");
        final Path missing = dir.resolve("missing.key");
        final Path shortKey = Files.writeString(dir.resolve("short.key"), "abcd\n");

        assertThat(AccessSettings.clusterKey(load(Map.of("PULSE_CLUSTER_KEY_FILE", key.toString())))).isEqualTo(SigningKey.parseOrNull(HEX));
        assertThat(AccessSettings.clusterKey(ServerConfig.defaults())).as("no key: no carry").isNull();
        assertThat(problems(Map.of("PULSE_CLUSTER_KEY_FILE", missing.toString())))
            .containsExactly("cluster_key_file: " + missing + " does not exist");
        assertThat(problems(Map.of("PULSE_CLUSTER_KEY_FILE", shortKey.toString())))
            .containsExactly("cluster_key_file: " + shortKey + " does not hold a key; expected hex or base64 of at least 32 random bytes "
                + "(openssl rand -hex 32)");
    }

    @Test
    void shouldRefuseAKeyGivenTwiceOrAPreviousKeyAlone() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("k.key"), HEX);

        assertThat(problems(Map.of("PULSE_SIGNING_KEY", HEX, "PULSE_SIGNING_KEY_FILE", file.toString())))
            .containsExactly("signing_key and signing_key_file are both set: give the key one way");
        assertThat(problems(Map.of("PULSE_SIGNING_KEY_PREVIOUS", HEX))).singleElement().asString()
            .startsWith("signing_key_previous is set without signing_key");
        assertThat(problems(Map.of("PULSE_SIGNING_KEY", HEX, "PULSE_SIGNING_KEY_PREVIOUS", HEX, "PULSE_SIGNING_KEY_PREVIOUS_FILE",
            file.toString()))).containsExactly("signing_key_previous and signing_key_previous_file are both set: give the key one way");
    }

    @Test
    void shouldRefuseHalfATlsConfig()
    {
        assertThat(problems(Map.of("PULSE_TLS_CERT_FILE", "cert.pem")))
            .containsExactly("tls_cert_file and tls_key_file go together: give both, or neither");
        assertThat(problems(Map.of("PULSE_TLS_KEY_FILE", "key.pem")))
            .containsExactly("tls_cert_file and tls_key_file go together: give both, or neither");
    }

    @Test
    void shouldKeepTheMetricsListenerOffTheMainPort() throws Exception
    {
        assertThat(problems(Map.of("PULSE_PORT", "9000", "PULSE_METRICS_PORT", "9000")))
            .containsExactly("metrics_port is the same as port: give the metrics listener a port of its own");
        assertThat(problems(Map.of("PULSE_METRICS_BIND", "127.0.0.1")))
            .containsExactly("metrics_bind is set without metrics_port: the metrics listener needs a port");
        assertThat(problems(Map.of("PULSE_METRICS_PORT", "65536"))).singleElement().asString().contains("is out of range");

        assertThat(load(Map.of("PULSE_PORT", "9000", "PULSE_METRICS_PORT", "9000", "PULSE_METRICS_BIND", "127.0.0.1")).metricsPort())
            .as("the same port on another address is another socket").isEqualTo(9000);
        assertThat(load(Map.of("PULSE_PORT", "0", "PULSE_METRICS_PORT", "0")).metricsPort()).as("both picked by the system").isZero();
        assertThat(ServerConfig.defaults().metricsPort()).as("off by default").isNull();
    }

    @Test
    void shouldBoundTheTokenLifetime() throws Exception
    {
        assertThat(ServerConfig.defaults().tokenMaxTtlMs()).isEqualTo(24 * 3_600_000L);
        assertThat(load(Map.of("PULSE_TOKEN_MAX_TTL_MS", "15m")).tokenMaxTtlMs()).isEqualTo(900_000);
        assertThat(problems(Map.of("PULSE_TOKEN_MAX_TTL_MS", "500ms"))).singleElement().asString().contains("is out of range");
    }

    private ServerConfig load(final Map<String, String> env) throws ConfigException
    {
        return loader.load(null, env, Map.of());
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
}
