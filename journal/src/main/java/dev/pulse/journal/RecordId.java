package dev.pulse.journal;

import java.util.regex.Pattern;

/**
 * A journal record's id across a cluster: the node that wrote it and where it lies in that node's
 * journal (segment and byte offset, see {@link TailPosition}), written {@code <node>/<segment>/<offset>}.
 * Every record shipped to Kafka and every webhook carries it; a consumer that keeps the ids it has
 * seen drops the duplicates a resend makes, so at-least-once delivery has an exactly-once effect.
 */
public record RecordId(String node, long segment, long offset)
{
    /** What a node id may be: 1 to 64 of {@code A-Z a-z 0-9 . _ -} (so it never holds the separator). */
    public static final Pattern NODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public RecordId
    {
        if (node == null || !NODE.matcher(node).matches())
        {
            throw new IllegalArgumentException("a node id is 1 to 64 characters of A-Z a-z 0-9 . _ -, not '" + node + "'");
        }
        if (segment < 0 || offset < 0)
        {
            throw new IllegalArgumentException("a record's segment and offset are not negative: " + segment + ", " + offset);
        }
    }

    /** Reads {@code <node>/<segment>/<offset>}. */
    public static RecordId parse(final String text)
    {
        final String[] parts = text.split("/", -1);
        if (parts.length != 3)
        {
            throw new IllegalArgumentException("a record id is <node>/<segment>/<offset>, not '" + text + "'");
        }
        try
        {
            return new RecordId(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("a record id is <node>/<segment>/<offset>, not '" + text + "'", ex);
        }
    }

    @Override
    public String toString()
    {
        return node + "/" + segment + "/" + offset;
    }
}
