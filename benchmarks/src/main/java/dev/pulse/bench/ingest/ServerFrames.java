package dev.pulse.bench.ingest;

/**
 * Reads the few fields the benchmark needs from the server's messages (docs/protocol.md, "Server to
 * client") without a JSON library on the timed path: a message's type, the welcome's {@code sid}, the
 * question's {@code iid} and its first choice's {@code id}. Every id in the protocol is a JSON
 * string of plain characters (hex digits, catalog ids), so no escape can occur inside one; and a
 * quote inside a question's text is escaped ({@code \"}), so a field name is never matched
 * inside text.
 */
final class ServerFrames
{
    private ServerFrames()
    {
    }

    /** The message's {@code t}, or "" if it has none. */
    static String type(final String message)
    {
        return string(message, "t", 0);
    }

    /** The welcome's {@code sid}. */
    static String sid(final String welcome)
    {
        return string(welcome, "sid", 0);
    }

    /** The question's {@code iid}. */
    static String iid(final String question)
    {
        return string(question, "iid", 0);
    }

    /** The {@code id} of the question's first choice. */
    static String firstChoice(final String question)
    {
        final int choices = question.indexOf("\"choices\":[");
        return choices < 0 ? "" : string(question, "id", choices);
    }

    /** The string value of the first field {@code name} at or after {@code from}, or "" if there is none. */
    private static String string(final String json, final String name, final int from)
    {
        final String key = "\"" + name + "\":\"";
        final int at = json.indexOf(key, from);
        if (at < 0)
        {
            return "";
        }
        final int start = at + key.length();
        final int end = json.indexOf('"', start);
        return end < 0 ? "" : json.substring(start, end);
    }
}
