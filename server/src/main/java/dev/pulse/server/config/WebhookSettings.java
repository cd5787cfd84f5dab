package dev.pulse.server.config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.pulse.catalog.validate.SafeUrls;
import dev.pulse.journal.JournalRecordType;

/**
 * The webhooks' settings ({@code webhook_url}, {@code webhook_secret_file}, {@code webhook_events}):
 * what {@link ConfigLoader} refuses (exit 2 from {@code serve} and from {@code config check}) and
 * what the webhooks read at start. A URL is https, or http to a loopback address only (127.0.0.0/8,
 * ::1, {@code localhost}: a receiver on the same machine), so a body and its signature never cross a
 * network in clear; a URL never carries a user name or password (it is written to the dead-letter
 * file). Webhooks are always signed: a URL without a secret file is refused.
 */
public final class WebhookSettings
{
    /** A secret shorter than this is refused: an HMAC key an attacker could guess. */
    static final int MIN_SECRET_CHARS = 16;
    /** {@code webhook_events} names to the record each one sends. */
    private static final Map<String, JournalRecordType> EVENTS = Map.of(
        "answer", JournalRecordType.ANSWER,
        "dismiss", JournalRecordType.DISMISS,
        "response", JournalRecordType.RESPONSE_SHOWN,
        "feedback", JournalRecordType.FEEDBACK,
        "outcome", JournalRecordType.OUTCOME);

    private WebhookSettings()
    {
    }

    static void check(final ServerConfig config, final List<String> problems)
    {
        events(config.webhookEvents(), problems);
        final List<URI> urls = urls(config.webhookUrl(), problems);
        if (urls.isEmpty())
        {
            return;
        }
        if (config.webhookSecretFile() == null)
        {
            problems.add("webhook_url is set but webhook_secret_file is not: webhooks are always signed; "
                + "give a file holding the secret (at least " + MIN_SECRET_CHARS + " characters)");
            return;
        }
        secret(config, problems);
    }

    /**
     * The check {@link ConfigLoader} runs, for a server started from a {@link ServerConfig} made in code.
     *
     * @throws ConfigException naming every problem.
     */
    public static void require(final ServerConfig config) throws ConfigException
    {
        final List<String> problems = new ArrayList<>();
        check(config, problems);
        if (!problems.isEmpty())
        {
            throw new ConfigException(problems);
        }
    }

    /** The endpoints; empty when webhooks are off. The settings have been checked. */
    public static List<URI> urls(final ServerConfig config)
    {
        return urls(config.webhookUrl(), new ArrayList<>());
    }

    /** The record types to send. */
    public static Set<JournalRecordType> events(final ServerConfig config)
    {
        return events(config.webhookEvents(), new ArrayList<>());
    }

    /** The name an event goes by in a body and in {@code webhook_events}: answer, dismiss, response, feedback, outcome. */
    public static String eventName(final JournalRecordType type)
    {
        for (final Map.Entry<String, JournalRecordType> entry : EVENTS.entrySet())
        {
            if (entry.getValue() == type)
            {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException(type + " is not a webhook event");
    }

    /**
     * The signing secret: the file's text without one trailing newline, as UTF-8 bytes (what a
     * receiver given the same file uses).
     *
     * @throws ConfigException if the file cannot be read or holds too short a secret.
     */
    public static byte[] secret(final ServerConfig config) throws ConfigException
    {
        final List<String> problems = new ArrayList<>();
        final byte[] secret = secret(config, problems);
        if (!problems.isEmpty())
        {
            throw new ConfigException(problems);
        }
        return secret;
    }

    private static byte[] secret(final ServerConfig config, final List<String> problems)
    {
        final String text;
        try
        {
            text = Files.readString(config.webhookSecretFile(), StandardCharsets.UTF_8).replaceFirst("\r?\n$", "");
        }
        catch (final IOException ex)
        {
            problems.add("webhook_secret_file: " + FileProblem.cannotRead(config.webhookSecretFile(), ex));
            return null;
        }
        if (text.length() < MIN_SECRET_CHARS || text.isBlank())
        {
            problems.add("webhook_secret_file: " + config.webhookSecretFile() + " holds a secret of " + text.length()
                + " characters; write at least " + MIN_SECRET_CHARS + " (openssl rand -hex 32 makes one)");
            return null;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Set<JournalRecordType> events(final String text, final List<String> problems)
    {
        final Set<JournalRecordType> events = EnumSet.noneOf(JournalRecordType.class);
        for (final String part : text == null ? new String[0] : text.split(","))
        {
            final String name = part.strip().toLowerCase(Locale.ROOT);
            final JournalRecordType type = EVENTS.get(name);
            if (name.isEmpty())
            {
                continue;
            }
            if (type == null)
            {
                problems.add("webhook_events: '" + part.strip() + "' is not an event; name any of answer, dismiss, response, feedback, outcome");
            }
            else
            {
                events.add(type);
            }
        }
        if (events.isEmpty() && problems.isEmpty())
        {
            problems.add("webhook_events names no event; name any of answer, dismiss, response, feedback, outcome");
        }
        return events;
    }

    private static List<URI> urls(final String text, final List<String> problems)
    {
        final List<URI> urls = new ArrayList<>();
        if (text == null || text.isBlank())
        {
            return urls;
        }
        for (final String part : text.split(","))
        {
            final String given = part.strip();
            final String problem = SafeUrls.webhookProblem(given);
            if (problem != null)
            {
                problems.add("webhook_url: " + problem);
            }
            else
            {
                urls.add(URI.create(given));
            }
        }
        return urls;
    }
}
