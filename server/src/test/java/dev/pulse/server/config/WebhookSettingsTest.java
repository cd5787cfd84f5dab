package dev.pulse.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalRecordType;

import static org.assertj.core.api.Assertions.assertThat;

/** A webhook URL is https, or http to loopback only; it needs a secret file; the events are known kinds. */
class WebhookSettingsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldTakeHttpsAnywhereAndHttpOnlyToLoopback() throws Exception
    {
        final String urls = "https://hooks.example.com/pulse, http://127.0.0.1:8099/h,http://127.9.8.7/h, http://localhost:1/h, "
            + "http://[::1]:8080/h, HTTPS://Example.COM";
        assertThat(problems(urls)).isEmpty();
        final ServerConfig config = new ConfigLoader().load(null, environment(urls, secretFile()), Map.of());
        assertThat(WebhookSettings.urls(config)).hasSize(6);
    }

    @Test
    void shouldRefusePlainHttpElsewhereOtherSchemesAndGarbage() throws Exception
    {
        assertThat(problems("http://hooks.example.com/pulse")).containsExactly("webhook_url: 'http://hooks.example.com/pulse' is not https; "
            + "only https is allowed, or http to a loopback address (127.0.0.0/8, ::1, localhost)");
        assertThat(problems("http://10.0.0.1/h")).singleElement().asString().contains("is not https");
        assertThat(problems("http://127.0.0.1.evil.example/h")).as("a name that starts like loopback").singleElement().asString()
            .contains("is not https");
        assertThat(problems("http://128.0.0.1/h")).singleElement().asString().contains("is not https");
        assertThat(problems("ftp://127.0.0.1/h")).containsExactly("webhook_url: 'ftp://127.0.0.1/h' is not an https URL; "
            + "give https://host/path (http only to a loopback address)");
        assertThat(problems("not a url")).singleElement().asString().startsWith("webhook_url: 'not a url' is not a URL");
        assertThat(problems("hooks.example.com/pulse")).singleElement().asString().contains("is not an https URL");
        assertThat(problems("https:///pulse")).singleElement().asString().contains("names no host");
        assertThat(problems("https://user:pw@hooks.example.com/")).singleElement().asString().contains("user name or password");
        assertThat(problems("https://ok.example.com/,http://bad.example.com/")).as("each URL is checked").hasSize(1);
    }

    @Test
    void shouldRefuseAUrlWithoutASecretFileOrWithAShortSecret() throws Exception
    {
        final Map<String, String> noSecret = Map.of("PULSE_WEBHOOK_URL", "https://hooks.example.com/pulse");
        assertThat(ConfigProblems.of(new ConfigLoader(), noSecret)).singleElement().asString()
            .startsWith("webhook_url is set but webhook_secret_file is not: webhooks are always signed");
        final Path shortSecret = Files.writeString(dir.resolve("short.secret"), "tooshort\n");
        assertThat(ConfigProblems.of(new ConfigLoader(), environment("https://hooks.example.com/pulse", shortSecret))).singleElement()
            .asString().contains("holds a secret of 8 characters; write at least 16");
        assertThat(ConfigProblems.of(new ConfigLoader(), environment("https://hooks.example.com/pulse", dir.resolve("missing"))))
            .singleElement().asString().contains("webhook_secret_file: ").contains("does not exist");
    }

    @Test
    void shouldTakeTheSecretWithoutItsTrailingNewline() throws Exception
    {
        final ServerConfig config = new ConfigLoader().load(null, environment("https://h.example.com/", secretFile()), Map.of());
        assertThat(new String(WebhookSettings.secret(config))).isEqualTo("whsec_0123456789abcdef");
    }

    @Test
    void shouldNameOnlyKnownEvents() throws Exception
    {
        final ConfigLoader loader = new ConfigLoader();
        assertThat(ConfigProblems.of(loader, Map.of("PULSE_WEBHOOK_EVENTS", "answer,signal"))).containsExactly(
            "webhook_events: 'signal' is not an event; name any of answer, dismiss, response, feedback, outcome");
        assertThat(ConfigProblems.of(loader, Map.of("PULSE_WEBHOOK_EVENTS", " , "))).containsExactly(
            "webhook_events names no event; name any of answer, dismiss, response, feedback, outcome");
        final ServerConfig config = loader.load(null, Map.of("PULSE_WEBHOOK_EVENTS", "Response, outcome"), Map.of());
        assertThat(WebhookSettings.events(config)).containsExactlyInAnyOrder(JournalRecordType.RESPONSE_SHOWN, JournalRecordType.OUTCOME);
        assertThat(WebhookSettings.events(ServerConfig.defaults())).hasSize(4);
    }

    private List<String> problems(final String urls) throws Exception
    {
        return ConfigProblems.of(new ConfigLoader(), environment(urls, secretFile()));
    }

    private Path secretFile() throws Exception
    {
        return Files.writeString(dir.resolve("webhook.secret"), "whsec_0123456789abcdef\n");
    }

    private static Map<String, String> environment(final String urls, final Path secret)
    {
        final Map<String, String> environment = new HashMap<>();
        environment.put("PULSE_WEBHOOK_URL", urls);
        environment.put("PULSE_WEBHOOK_SECRET_FILE", secret.toString());
        return environment;
    }
}
