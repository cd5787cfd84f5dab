package dev.pulse.catalog.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a catalog document (YAML, or JSON which is also YAML) into {@link Node}s that remember
 * where each value was written. Jackson's streaming parser does the reading; a tree model would
 * lose the positions and binding to objects would stop at the first error. A key written twice
 * in one map is reported, not silently overwritten.
 */
public final class SourceReader
{
    private static final int MAX_DEPTH = 64;

    private final JsonFactory yaml = YAMLFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();
    private final JsonFactory json = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();

    /**
     * Reads {@code content} as the file {@code fileName}; JSON if the name ends in {@code .json}
     * or the text starts with '{', YAML otherwise.
     *
     * @return the root node, or null if the text is not well-formed (the reason is in {@code diagnostics}).
     */
    public Node read(final String fileName, final String content, final Diagnostics diagnostics)
    {
        final boolean isJson = fileName.endsWith(".json") || content.stripLeading().startsWith("{");
        try (JsonParser parser = (isJson ? json : yaml).createParser(content))
        {
            final JsonToken first = parser.nextToken();
            if (first == null)
            {
                diagnostics.error(new Location(fileName, 1, 1), "(document)", "the file is empty", "start from the example in catalog/README.md");
                return null;
            }
            final Node root = readValue(parser, fileName, diagnostics);
            if (parser.nextToken() != null)
            {
                diagnostics.error(location(fileName, parser.currentTokenLocation()), "(document)",
                    "more than one document in the file", "a catalog is one document: remove the extra '---' section");
            }
            return root;
        }
        catch (final JsonParseException ex)
        {
            diagnostics.error(location(fileName, ex.getLocation()), "(document)", "not well-formed: " + ex.getOriginalMessage(),
                "fix the syntax at this position");
            return null;
        }
        catch (final IOException ex)
        {
            diagnostics.error(new Location(fileName, 1, 1), "(document)", "cannot be read: " + ex.getMessage(), "check the file is UTF-8 YAML or JSON");
            return null;
        }
    }

    private Node readValue(final JsonParser parser, final String file, final Diagnostics diagnostics) throws IOException
    {
        final Location location = location(file, parser.currentTokenLocation());
        final JsonToken token = parser.currentToken();
        switch (token)
        {
            case START_OBJECT:
                final Map<String, Node.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String key = parser.currentName();
                    final Location keyLocation = location(file, parser.currentTokenLocation());
                    parser.nextToken();
                    final Node value = readValue(parser, file, diagnostics);
                    if (entries.containsKey(key))
                    {
                        diagnostics.error(keyLocation, key, "the key '" + key + "' is written twice in this map",
                            "keep one; the first is at line " + entries.get(key).keyLocation().line());
                        continue;
                    }
                    entries.put(key, new Node.Entry(key, keyLocation, value));
                }
                return new Node.MapNode(location, entries);
            case START_ARRAY:
                final List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY)
                {
                    items.add(readValue(parser, file, diagnostics));
                }
                return new Node.ListNode(location, items);
            case VALUE_STRING:
                return new Node.ScalarNode(location, Node.ScalarKind.STRING, parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node.ScalarNode(location, Node.ScalarKind.NUMBER, parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.ScalarNode(location, Node.ScalarKind.BOOLEAN, parser.getText());
            case VALUE_NULL:
                return new Node.ScalarNode(location, Node.ScalarKind.NULL, "null");
            default:
                return new Node.ScalarNode(location, Node.ScalarKind.STRING, parser.getText());
        }
    }

    private static Location location(final String file, final JsonLocation location)
    {
        return location == null ? new Location(file, 1, 1) :
            new Location(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
