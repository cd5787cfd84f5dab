package dev.pulse.server.ws;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFieldReaderTest
{
    /**
     * A parser made for a hello with {@code ctx} (one a connection, under churn hundreds a second)
     * finds the protocol's names in the factory's shared table: it makes no String and copies no
     * table for them. So a new parser reading the protocol's 24 names allocates far less than one
     * reading 24 strangers of the same lengths, which it must add (without the shared table's
     * lesson both add every name and cost the same).
     */
    @Test
    void shouldFindEveryProtocolNameInTheSharedTableFromTheFirstMessage() throws IOException
    {
        final byte[] known = message(MessageFields.NAMES);
        final byte[] strangers = message(MessageFields.NAMES.stream().map(name -> name.toUpperCase(Locale.ROOT)).toList());
        for (int warm = 0; warm < 2_000; warm++)
        {
            readAll(known);
            readAll(strangers);
        }
        final long knownBytes = bytesPerNewParser(known);
        final long strangerBytes = bytesPerNewParser(strangers);
        assertThat(strangerBytes - knownBytes).as("a new parser's bytes: %d for the protocol's names, %d for strangers", knownBytes,
            strangerBytes).isGreaterThan(24 * 40);
    }

    /** The names the factory learns are exactly the ones the field switch reads, so a new field cannot be forgotten. */
    @Test
    void shouldLearnExactlyTheNamesTheFieldSwitchReads() throws IOException
    {
        final String source = Files.readString(Path.of("src/main/java/dev/pulse/server/ws/MessageFields.java"));
        final Matcher label = Pattern.compile("case \"([^\"]+)\":").matcher(source);
        final List<String> labels = new ArrayList<>();
        while (label.find())
        {
            labels.add(label.group(1));
        }
        assertThat(labels).isNotEmpty();
        assertThat(MessageFields.NAMES).containsExactlyElementsOf(labels);
    }

    private static long bytesPerNewParser(final byte[] message) throws IOException
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final int parsers = 1_000;
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < parsers; i++)
        {
            readAll(message);
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / parsers;
    }

    private static void readAll(final byte[] message) throws IOException
    {
        final JsonFieldReader reader = new JsonFieldReader();
        reader.feed(message, message.length);
        int names = 0;
        for (JsonToken token = reader.nextToken(); token != null && token != JsonToken.NOT_AVAILABLE; token = reader.nextToken())
        {
            names += token == JsonToken.FIELD_NAME ? 1 : 0;
        }
        assertThat(names).isEqualTo(MessageFields.NAMES.size());
    }

    private static byte[] message(final List<String> names)
    {
        return names.stream().map(name -> "\"" + name + "\":1").collect(Collectors.joining(",", "{", "}")).getBytes(StandardCharsets.UTF_8);
    }
}
