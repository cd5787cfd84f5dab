package dev.pulse.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A webhook URL that is not https (outside loopback), or one without a secret, stops serve and config check with exit 2. */
class WebhookSettingsCliTest
{
    private static final String NOT_HTTPS = "webhook_url: 'http://hooks.example.com/pulse' is not https; only https is allowed, "
        + "or http to a loopback address (127.0.0.0/8, ::1, localhost)";

    @TempDir
    Path dir;

    @Test
    void shouldRefusePlainHttpOutsideLoopbackAtStartAndInTheCheck() throws Exception
    {
        final Path secret = Files.writeString(dir.resolve("webhook.secret"), "whsec_0123456789abcdef\n");
        for (final String command : new String[] {"serve", "config check"})
        {
            final Cli cli = Cli.run(Map.of(), (command + " --data " + dir.resolve("data") + " --webhook-url http://hooks.example.com/pulse"
                + " --webhook-secret-file " + secret).split(" "));
            assertThat(cli.status).as(command).isEqualTo(2);
            assertThat(cli.err.toString()).as(command).contains(NOT_HTTPS);
            assertThat(cli.started).isEmpty();
        }
        final Cli loopback = Cli.run(Map.of(), "config", "check", "--data", dir.resolve("data").toString(),
            "--webhook-url", "http://127.0.0.1:9000/pulse", "--webhook-secret-file", secret.toString());
        assertThat(loopback.status).as(loopback.err.toString()).isZero();
    }

    @Test
    void shouldRefuseAUrlWithoutASecretFileAndAnUnknownEvent()
    {
        final Cli cli = Cli.run(Map.of("PULSE_WEBHOOK_EVENTS", "answer,clicks"), "serve", "--webhook-url", "https://hooks.example.com/pulse");
        assertThat(cli.status).isEqualTo(2);
        assertThat(cli.err.toString()).contains("webhook_url is set but webhook_secret_file is not",
            "webhook_events: 'clicks' is not an event; name any of answer, dismiss, response, feedback, outcome");
    }

    @Test
    void shouldRefuseAServerMadeInCodeWithABadUrlBeforeOpeningAnything()
    {
        final ServerConfig config = ServerConfig.defaults().toBuilder().port(0).bind("127.0.0.1").dataDir(dir.resolve("data"))
            .webhookUrl("ftp://127.0.0.1/h").build();
        assertThatThrownBy(() -> PulseServer.start(config)).isInstanceOf(ConfigException.class)
            .hasMessageContaining("webhook_url: 'ftp://127.0.0.1/h' is not an https URL");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
