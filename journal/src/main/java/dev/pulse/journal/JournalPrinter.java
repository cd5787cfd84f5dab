package dev.pulse.journal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Prints a journal record as one JSON object for people and scripts ({@code pulse journal cat}):
 * <pre>
 * {"type":"signal","time":"2026-11-24T00:00:00.123Z","time_ms":1795478400123,"sid":"&lt;32 hex&gt;",
 *  "catalog":"&lt;16 hex&gt;","iid":7,"code":0,"value":2,"trigger":"...","detector":"...",...}
 * </pre>
 * Strings follow under their {@link JournalRecordType#stringFields()} names; SESSION_START's and
 * HANDOFF's context pairs as a {@code "context"} object, RAW_EVENT's field pairs as a {@code "fields"} object;
 * other strings beyond the named ones as {@code "extra"}.
 * {@code sid} is left out for records without a session (both halves zero, as in CATALOG_RELOAD).
 * Cold path: allocates freely.
 */
public final class JournalPrinter
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private JournalPrinter()
    {
    }

    /** Appends the record as one JSON object, without a trailing newline. */
    public static void appendJson(final JournalRecordFlyweight record, final StringBuilder out)
    {
        final JournalRecordType type = record.type();
        out.append("{\"type\":\"").append(type.wireName()).append('"');
        out.append(",\"time\":\"").append(TIME.format(Instant.ofEpochMilli(record.timestampMs()))).append('"');
        out.append(",\"time_ms\":").append(record.timestampMs());
        if (record.sidHi() != 0 || record.sidLo() != 0)
        {
            out.append(",\"sid\":\"");
            hex(record.sidHi(), out);
            hex(record.sidLo(), out);
            out.append('"');
        }
        out.append(",\"catalog\":\"");
        hex(record.catalogVersion(), out);
        out.append('"');
        out.append(",\"iid\":").append(record.iid());
        out.append(",\"code\":").append(record.code());
        out.append(",\"value\":").append(record.value());
        final long seq = record.seq();
        if (seq > 0)
        {
            out.append(",\"seq\":").append(seq);
        }
        if (type == JournalRecordType.SESSION_END)
        {
            final SessionEndReason reason = SessionEndReason.fromOrdinal(record.code());
            out.append(",\"reason\":");
            string(reason == null ? "unknown" : reason.name().toLowerCase(java.util.Locale.ROOT), out);
        }
        final List<String> names = type.stringFields();
        final int count = record.stringCount();
        final int named = Math.min(count, names.size());
        for (int i = 0; i < named; i++)
        {
            out.append(',');
            string(names.get(i), out);
            out.append(':');
            string(record.string(i), out);
        }
        if (count > named)
        {
            final boolean pairs = type == JournalRecordType.SESSION_START || type == JournalRecordType.RAW_EVENT
                || type == JournalRecordType.HANDOFF;
            out.append(type == JournalRecordType.RAW_EVENT ? ",\"fields\":{" : pairs ? ",\"context\":{" : ",\"extra\":[");
            for (int i = named; i < count; i++)
            {
                if (i > named)
                {
                    out.append(',');
                }
                string(record.string(i), out);
                if (pairs)
                {
                    out.append(':');
                    string(++i < count ? record.string(i) : "", out);
                }
            }
            out.append(pairs ? '}' : ']');
        }
        out.append('}');
    }

    private static void hex(final long value, final StringBuilder out)
    {
        for (int shift = 60; shift >= 0; shift -= 4)
        {
            out.append(Character.forDigit((int)(value >>> shift) & 0xF, 16));
        }
    }

    /** A JSON string: quotes, backslash and control characters escaped (also U+2028/9, for JavaScript). */
    private static void string(final String text, final StringBuilder out)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default ->
                {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029')
                    {
                        out.append("\\u").append(String.format("%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
