package dev.pulse.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a config file: one YAML mapping of setting keys to single values. Streams tokens rather
 * than binding to a tree so that every problem can name its line. Thread-safe (the factory is).
 */
final class YamlSettingsReader
{
    private final YAMLFactory factory = new YAMLFactory();

    /**
     * One value found in the file.
     *
     * @param line the file and line: {@code pulse.yaml:3}.
     */
    record Entry(String line, Setting setting, String text)
    {
        /** Where, for a problem: {@code pulse.yaml:3: port}. */
        String where()
        {
            return line + ": " + setting.key();
        }
    }

    /** The file's settings in file order; problems (unknown keys, bad shapes) are added to {@code problems}. */
    List<Entry> read(final Path file, final List<String> problems)
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(file);
        }
        catch (final NoSuchFileException ex)
        {
            problems.add("cannot read config file " + file + ": no such file");
            return List.of();
        }
        catch (final IOException ex)
        {
            problems.add("cannot read config file " + file + ": " + ex.getMessage());
            return List.of();
        }
        final List<Entry> entries = new ArrayList<>();
        try (JsonParser parser = factory.createParser(bytes))
        {
            readDocument(file, parser, entries, problems);
        }
        catch (final JsonProcessingException ex)
        {
            final int line = ex.getLocation() == null ? 1 : ex.getLocation().getLineNr();
            problems.add(file + ":" + line + ": not valid YAML: " + firstLine(ex.getOriginalMessage()));
        }
        catch (final IOException ex)
        {
            problems.add("cannot read config file " + file + ": " + ex.getMessage());
        }
        return entries;
    }

    private static void readDocument(final Path file, final JsonParser parser, final List<Entry> entries, final List<String> problems)
        throws IOException
    {
        JsonToken token = parser.nextToken();
        if (token == null)
        {
            return; // an empty file (or only comments) changes nothing
        }
        if (token != JsonToken.START_OBJECT)
        {
            problems.add(where(file, parser) + ": expected a mapping of settings (key: value), found " + describe(token));
            return;
        }
        final Map<String, Integer> lineByKey = new HashMap<>();
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME)
        {
            final String key = parser.currentName();
            final int line = parser.currentTokenLocation().getLineNr();
            final String where = file + ":" + line + ": " + key;
            token = parser.nextToken();
            final Integer firstLine = lineByKey.putIfAbsent(key, line);
            final Setting setting = Setting.byKey(key);
            if (firstLine != null)
            {
                problems.add(where + ": set twice (first on line " + firstLine + ")");
            }
            else if (setting == null)
            {
                problems.add(file + ":" + line + ": " + Unknown.setting(key));
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
            {
                problems.add(where + ": expected a single value, found " + describe(token));
                parser.skipChildren();
            }
            else if (setting != null && firstLine == null)
            {
                entries.add(new Entry(file + ":" + line, setting, token == JsonToken.VALUE_NULL ? null : parser.getText()));
            }
        }
        if (parser.nextToken() != null)
        {
            problems.add(where(file, parser) + ": a config file holds one YAML document; remove the second");
        }
    }

    private static String where(final Path file, final JsonParser parser)
    {
        return file + ":" + parser.currentTokenLocation().getLineNr();
    }

    private static String describe(final JsonToken token)
    {
        return switch (token)
        {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            default -> "a single value";
        };
    }

    private static String firstLine(final String message)
    {
        final int newline = message == null ? -1 : message.indexOf('\n');
        return message == null ? "unreadable" : newline < 0 ? message : message.substring(0, newline);
    }
}
