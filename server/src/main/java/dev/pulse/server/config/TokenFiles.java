package dev.pulse.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin and report tokens, given as a value ({@code admin_token}) or in a file
 * ({@code admin_token_file}, so the token stays out of command lines, the environment of other
 * processes and config files that are shared): one or the other, never both. A file holds the token
 * and at most one trailing newline (what {@code echo} and editors leave). {@link ConfigLoader} runs
 * the check, so a missing, unreadable or empty file is a configuration error (exit 2); the server
 * reads the files at start. No message here ever holds a token: only the setting and the file.
 */
public final class TokenFiles
{
    private TokenFiles()
    {
    }

    /** Adds a problem for a token given twice and for each file that does not hold a token. */
    static void check(final ServerConfig config, final List<String> problems)
    {
        token(config.adminToken(), config.adminTokenFile(), Setting.ADMIN_TOKEN, problems);
        token(config.reportToken(), config.reportTokenFile(), Setting.REPORT_TOKEN, problems);
    }

    /**
     * The admin token, from the setting or the file it names.
     *
     * @return null when there is none.
     * @throws ConfigException if the file cannot be read or holds no token.
     */
    public static String adminToken(final ServerConfig config) throws ConfigException
    {
        return required(config.adminToken(), config.adminTokenFile(), Setting.ADMIN_TOKEN);
    }

    /** The report token, as {@link #adminToken}. */
    public static String reportToken(final ServerConfig config) throws ConfigException
    {
        return required(config.reportToken(), config.reportTokenFile(), Setting.REPORT_TOKEN);
    }

    private static String required(final String given, final Path file, final Setting setting) throws ConfigException
    {
        final List<String> problems = new ArrayList<>();
        final String token = token(given, file, setting, problems);
        if (!problems.isEmpty())
        {
            throw new ConfigException(problems);
        }
        return token;
    }

    private static String token(final String given, final Path file, final Setting setting, final List<String> problems)
    {
        final String fileSetting = setting.key() + "_file";
        if (given != null && file != null)
        {
            problems.add(setting.key() + " and " + fileSetting + " are both set: give the token one way");
            return null;
        }
        if (file == null)
        {
            return given;
        }
        final String text;
        try
        {
            // Latin-1 decodes any byte: a file of the wrong kind is "not a token", not a decoding failure.
            text = withoutOneTrailingNewline(Files.readString(file, StandardCharsets.ISO_8859_1));
        }
        catch (final IOException ex)
        {
            problems.add(fileSetting + ": " + FileProblem.cannotRead(file, ex));
            return null;
        }
        if (text.isEmpty())
        {
            problems.add(fileSetting + ": " + file + " is empty; write the token in it");
            return null;
        }
        if (ValueKind.TOKEN.parse(text) == null)
        {
            problems.add(fileSetting + ": " + file + " does not hold a token; expected " + ValueKind.TOKEN.description() + ", on one line");
            return null;
        }
        return text;
    }

    private static String withoutOneTrailingNewline(final String text)
    {
        if (text.endsWith("\r\n"))
        {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
