package dev.pulse.server.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.server.config.SettingFlag;
import dev.pulse.server.tls.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pulse config check}: every setting serve would run with, its value and its source, then
 * the files the settings name; exit 0 when all is well, 2 with every problem otherwise.
 */
class ConfigCheckCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPrintEverySettingWithItsValueAndSourceAndExit0WhenValid() throws Exception
    {
        final Path config = Files.writeString(dir.resolve("pulse.yaml"), "# production\nport: 9001\nread_timeout_ms: 90s\n");
        final Map<String, String> environment = Map.of("PULSE_DATA_DIR", dir.resolve("data").toString(), "PULSE_ADMIN_TOKEN", "adm1n-s3cret");

        final Cli cli = Cli.run(environment, "config", "check", "--config", config.toString(), "--bind", "127.0.0.1",
            "--catalog", catalog().toString(), "--port", "0");

        assertThat(cli.status).as(cli.err.toString()).isZero();
        assertThat(cli.settingLine("port")).matches("port +0  \\(flag --port\\)");
        assertThat(cli.settingLine("read_timeout_ms")).matches("read_timeout_ms +90s  \\(file " + config + ":3\\)");
        assertThat(cli.settingLine("data_dir")).matches("data_dir +" + dir.resolve("data") + "  \\(environment PULSE_DATA_DIR\\)");
        assertThat(cli.settingLine("catalog_file")).endsWith("(flag --catalog-file)");
        assertThat(cli.settingLine("max_connections")).matches("max_connections +100000  \\(default\\)");
        assertThat(cli.settingLine("admin_token")).matches("admin_token +\\(secret\\)  \\(environment PULSE_ADMIN_TOKEN\\)");
        assertThat(cli.out.toString()).doesNotContain("adm1n-s3cret")
            .contains("checked catalog_file " + dir.resolve("catalog.yaml") + ": valid (site demo, version ")
            .contains("checked demo: off, /demo/ is 404")
            .contains("checked data_dir " + dir.resolve("data") + ": does not exist yet; serve will create it")
            .endsWith("the configuration is valid" + System.lineSeparator());
        assertThat(Arrays.stream(cli.out.toString().split("\\R")).filter(line -> line.matches("[a-z_]+ +.*  \\(.*\\)")).count())
            .as("one line per setting").isEqualTo(SettingFlag.all().size());
        assertThat(Files.exists(dir.resolve("data"))).as("a check creates nothing").isFalse();
    }

    @Test
    void shouldSayTheDemoIsServedWhenNoCatalogIsGiven()
    {
        final Cli cli = Cli.run(Map.of(), "config", "check", "--data", dir.toString());

        assertThat(cli.status).isZero();
        assertThat(cli.out.toString()).contains("checked the bundled demo catalog: valid (site demo")
            .contains("checked demo: /demo/ serves the demo shop (no catalog_file is given)");
    }

    @Test
    void shouldExitWith2ListingEveryProblemOfTheSettings()
    {
        final Cli cli = Cli.run(Map.of("PULSE_PROT", "1"), "config", "check", "--port", "70000", "--max-connections", "none");

        assertThat(cli.status).isEqualTo(2);
        assertThat(cli.err.toString()).contains("pulse: the configuration is not valid:",
            "unknown environment variable PULSE_PROT (did you mean PULSE_PORT?)",
            "flag --port: \"70000\" is out of range", "flag --max-connections: \"none\" is not valid");
        assertThat(cli.out.toString()).isEmpty();
    }

    @Test
    void shouldExitWith2OnACatalogWithErrorsNamingItsLines() throws Exception
    {
        final Path catalog = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nsite: { key: demo }\npolicy: { cooldown: soon }\n");

        final Cli cli = Cli.run(Map.of(), "config", "check", "--data", dir.toString(), "--catalog", catalog.toString());

        assertThat(cli.status).isEqualTo(2);
        assertThat(cli.err.toString()).contains("catalog_file: " + catalog + ":3:").contains(": error: ");
        assertThat(cli.settingLine("catalog_file")).as("the settings are printed before the problems").isNotNull();
        assertThat(cli.out.toString()).doesNotContain("the configuration is valid");
    }

    @Test
    void shouldCheckTheTlsCertificateAndKeyAsServeWould() throws Exception
    {
        final TestCertificates good = TestCertificates.generate(dir.resolve("good"), "pulse");
        final TestCertificates other = TestCertificates.generate(dir.resolve("other"), "other");
        final Path notPem = Files.writeString(dir.resolve("cert.txt"), "not a certificate\n");

        final Cli valid = check("--tls-cert-file", good.certFile().toString(), "--tls-key-file", good.keyFile().toString());
        final Cli mismatch = check("--tls-cert", good.certFile().toString(), "--tls-key", other.keyFile().toString());
        final Cli garbage = check("--tls-cert", notPem.toString(), "--tls-key", good.keyFile().toString());

        assertThat(valid.status).as(valid.err.toString()).isZero();
        assertThat(valid.out.toString()).contains("checked tls_cert_file " + good.certFile() + " and tls_key_file " + good.keyFile()
            + ": read, and the key is the certificate's");
        assertThat(mismatch.status).isEqualTo(2);
        assertThat(mismatch.err.toString()).contains("tls_key_file").contains(other.keyFile().toString());
        assertThat(garbage.status).isEqualTo(2);
        assertThat(garbage.err.toString()).contains("tls_cert_file").contains(notPem.toString());
    }

    @Test
    void shouldExitWith2WhenTheDataDirectoryIsAFile() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("data"), "");

        final Cli cli = Cli.run(Map.of(), "config", "check", "--data", file.toString());

        assertThat(cli.status).isEqualTo(2);
        assertThat(cli.err.toString()).contains("data_dir: " + file + " is not a directory");
    }

    @Test
    void shouldExitWith2OnAnEmptyTokenFileInCheckAndInServeAlike() throws Exception
    {
        final Path empty = Files.writeString(dir.resolve("admin.token"), "");

        final Cli check = check("--admin-token-file", empty.toString());
        final Cli serve = Cli.run(Map.of(), "serve", "--data", dir.toString(), "--admin-token-file", empty.toString());

        for (final Cli cli : new Cli[] {check, serve})
        {
            assertThat(cli.status).isEqualTo(2);
            assertThat(cli.err.toString()).contains("admin_token_file: " + empty + " is empty");
        }
        assertThat(serve.started).isEmpty();
    }

    @Test
    void shouldExitWith2OnDemoFalseWithoutACatalogInCheckAndInServeAlike()
    {
        final Cli check = check("--demo=false");
        final Cli serve = Cli.run(Map.of("PULSE_DEMO", "false"), "serve", "--data", dir.toString());

        for (final Cli cli : new Cli[] {check, serve})
        {
            assertThat(cli.status).isEqualTo(2);
            assertThat(cli.err.toString()).contains("no catalog: give catalog_file or demo");
        }
        assertThat(serve.started).isEmpty();
    }

    @Test
    void shouldListEveryFlagWithItsMeaningEnvironmentVariableAndKeyInTheHelpOfServeAndCheck()
    {
        for (final String[] help : new String[][] {{"serve", "--help"}, {"config", "check", "--help"}})
        {
            final Cli cli = Cli.run(Map.of(), help);

            assertThat(cli.status).isZero();
            final String text = cli.out.toString();
            for (final SettingFlag flag : SettingFlag.all())
            {
                assertThat(text).contains(flag.names()).contains(flag.paramLabel());
            }
            assertThat(text).contains("--config=FILE", "Largest message after joining fragments", "PULSE_MAX_MESSAGE_BYTES",
                "max_message_bytes: in the", "Default: 4KiB.");
        }
    }

    private Cli check(final String... flags)
    {
        final String[] args = new String[flags.length + 4];
        args[0] = "config";
        args[1] = "check";
        args[2] = "--data";
        args[3] = dir.toString();
        System.arraycopy(flags, 0, args, 4, flags.length);
        return Cli.run(Map.of(), args);
    }

    private Path catalog() throws Exception
    {
        try (InputStream demo = CatalogLoader.class.getResourceAsStream(CatalogLoader.DEMO_RESOURCE))
        {
            return Files.write(dir.resolve("catalog.yaml"), demo.readAllBytes());
        }
    }
}
