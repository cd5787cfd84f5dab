package dev.pulse.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pulse.catalog.model.Durations;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.net.AddressRanges;
import dev.pulse.server.net.ClientAddressSource;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.RetentionMode;
/**
 * The forms a setting's value is written in, and how each is read from text. Every source (YAML,
 * environment, flags) reaches a setting as text, so one parser serves all three and an operator
 * may write {@code 90s} or {@code 64MiB} wherever a setting appears.
 */
enum ValueKind
{
    TEXT("a non-empty text"),
    TOKEN("a token of visible ASCII characters without spaces"),
    INTEGER("a whole number"),
    DURATION("a duration such as 500ms, 90s or 2m, or whole milliseconds"),
    SIZE("a size such as 4096 (bytes), 8KiB or 64MiB"),
    BOOLEAN("true or false"),
    PATH("a file path"),
    FSYNC_POLICY("always, interval or never"),
    RETENTION_MODE("delete or compact"),
    ADDRESS_RANGES("IP addresses or CIDR ranges separated by commas, such as 10.0.0.0/8, 127.0.0.1, fd00::/8"),
    CLIENT_ADDRESS("peer, forwarded or proxy_protocol"),
    LOG_FORMAT("text or json"),
    LOG_LEVEL("error, warn, info, debug or trace"),
    SIGNING_KEY(SigningKey.EXPECTED);

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SIZE_TEXT = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?", Pattern.CASE_INSENSITIVE);

    private final String description;

    ValueKind(final String description)
    {
        this.description = description;
    }

    /** What a valid value looks like, for error messages. */
    String description()
    {
        return description;
    }

    /** A value of this kind is a secret: it is never repeated in an error message nor shown by {@code config check}. */
    boolean isSecret()
    {
        return this == SIGNING_KEY || this == TOKEN;
    }

    /** The kind's numbers are compared with a setting's range. */
    boolean isNumeric()
    {
        return this == INTEGER || this == DURATION || this == SIZE;
    }

    /**
     * Reads {@code text}: a {@link Long} for numeric kinds, else a String, Boolean, Path,
     * FsyncPolicy, RetentionMode, AddressRanges, ClientAddressSource, LogFormat, LogLevel or SigningKey.
     *
     * @return null if the text is not of this kind.
     */
    Object parse(final String text)
    {
        final String stripped = text.strip();
        switch (this)
        {
            case TEXT:
                return stripped.isEmpty() ? null : stripped;
            case TOKEN:
                return isToken(text) ? text : null;
            case INTEGER:
                return parseLong(stripped);
            case DURATION:
                return DIGITS.matcher(stripped).matches() ? parseLong(stripped) : Durations.parseMillis(stripped);
            case SIZE:
                return parseSize(stripped);
            case BOOLEAN:
                return "true".equalsIgnoreCase(stripped) ? Boolean.TRUE : "false".equalsIgnoreCase(stripped) ? Boolean.FALSE : null;
            case PATH:
                return parsePath(stripped);
            case FSYNC_POLICY:
                return constantNamed(FsyncPolicy.class, stripped);
            case RETENTION_MODE:
                return RetentionMode.parse(stripped);
            case ADDRESS_RANGES:
                return AddressRanges.parseOrNull(stripped);
            case CLIENT_ADDRESS:
                return constantNamed(ClientAddressSource.class, stripped);
            case LOG_FORMAT:
                return constantNamed(LogFormat.class, stripped);
            case LOG_LEVEL:
                return constantNamed(LogLevel.class, stripped);
            case SIGNING_KEY:
                return SigningKey.parseOrNull(stripped);
            default:
                throw new IllegalStateException("unhandled kind " + this);
        }
    }

    /**
     * {@code value} (as {@link #parse} returns it, never null) written back the way an operator
     * writes it: {@code 90s}, {@code 64MiB}, {@code interval}. Parsing the result gives the value again.
     * Secrets are the caller's to hide.
     */
    String format(final Object value)
    {
        return switch (this)
        {
            case DURATION -> Durations.format((Long)value);
            case SIZE -> formatSize((Long)value);
            case FSYNC_POLICY, RETENTION_MODE -> ((Enum<?>)value).name().toLowerCase(Locale.ROOT);
            case CLIENT_ADDRESS -> ((ClientAddressSource)value).key();
            case LOG_FORMAT -> ((LogFormat)value).key();
            case LOG_LEVEL -> ((LogLevel)value).key();
            default -> value.toString();
        };
    }

    private static String formatSize(final long bytes)
    {
        final String[] units = {"GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++)
        {
            final long unit = 1L << (30 - 10 * i);
            if (bytes != 0 && bytes % unit == 0)
            {
                return bytes / unit + units[i];
            }
        }
        return Long.toString(bytes);
    }

    // Tokens travel in an HTTP header: spaces, controls and non-ASCII would not survive the trip.
    private static boolean isToken(final String text)
    {
        if (text.isEmpty())
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E)
            {
                return false;
            }
        }
        return true;
    }

    private static Long parseLong(final String text)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    private static Long parseSize(final String text)
    {
        final Matcher matcher = SIZE_TEXT.matcher(text);
        if (!matcher.matches())
        {
            return null;
        }
        final Long amount = parseLong(matcher.group(1));
        if (amount == null)
        {
            return null;
        }
        final String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
        final int shift = switch (unit)
        {
            case "kib" -> 10;
            case "mib" -> 20;
            case "gib" -> 30;
            default -> 0;
        };
        // Overflow is a value out of range, not a wrapped-around small one.
        return amount > Long.MAX_VALUE >> shift ? null : amount << shift;
    }

    private static Path parsePath(final String text)
    {
        if (text.isEmpty())
        {
            return null;
        }
        try
        {
            return Path.of(text);
        }
        catch (final InvalidPathException ex)
        {
            return null;
        }
    }

    /** The constant of {@code type} whose name is {@code text}, in any case ({@code always}, {@code proxy_protocol}); null if none. */
    private static <E extends Enum<E>> E constantNamed(final Class<E> type, final String text)
    {
        for (final E constant : type.getEnumConstants())
        {
            if (constant.name().equalsIgnoreCase(text))
            {
                return constant;
            }
        }
        return null;
    }
}
