package dev.pulse.server.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import dev.pulse.detect.Event;
import dev.pulse.server.ws.BackendEvent;

/**
 * A backend event's JSON body, read strictly:
 * <pre>
 *   {"sid": "&lt;32 hex&gt;", "name": "payment_declined", "id": "evt_8c1f", "fields": {"amount": 129.5, "reason": "card_declined"}}
 * </pre>
 * {@code sid} and {@code name} are required; {@code id} (the sender's event id, so a retried POST
 * is taken once) and {@code fields} are optional. A name (of the event or a field) is 1 to 64 of
 * {@code a-z 0-9 _ . -}; an id 1 to 128 printable ASCII characters; at most
 * {@link Event#BACKEND_FIELD_CAPACITY} fields, each a string (up to {@link #MAX_TEXT_CHARS}) or a
 * finite number. Anything else (another key, a nested value, a duplicate key) is malformed: the
 * message says what, for the sender's logs.
 */
final class BackendEventBody
{
    /** The longest field value taken as text. */
    static final int MAX_TEXT_CHARS = 256;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_.-]{1,64}");
    private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final Pattern SID = Pattern.compile("[0-9a-f]{32}");
    private static final JsonFactory JSON = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxStringLength(4096).build()).build();

    final long sidHi;
    final long sidLo;
    final String name;
    /** The sender's id, or null. */
    final String eventId;
    final List<BackendEvent.Field> fields;

    private BackendEventBody(final String sid, final String name, final String eventId, final List<BackendEvent.Field> fields)
    {
        this.sidHi = Long.parseUnsignedLong(sid.substring(0, 16), 16);
        this.sidLo = Long.parseUnsignedLong(sid.substring(16), 16);
        this.name = name;
        this.eventId = eventId;
        this.fields = fields;
    }

    /**
     * Reads {@code body}.
     *
     * @throws MalformedBody naming what is wrong.
     */
    static BackendEventBody read(final byte[] body) throws MalformedBody
    {
        String sid = null;
        String name = null;
        String eventId = null;
        List<BackendEvent.Field> fields = null;
        try (JsonParser parser = JSON.createParser(body))
        {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            expect(parser.nextToken() == JsonToken.START_OBJECT, "the body is not a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String key = parser.currentName();
                final JsonToken value = parser.nextToken();
                switch (key)
                {
                    case "sid":
                        sid = text(parser, value, SID, "sid is the 32 lower-case hex digits the welcome gave");
                        break;
                    case "name":
                        name = text(parser, value, NAME, "name is 1 to 64 of a-z 0-9 _ . -");
                        break;
                    case "id":
                        eventId = text(parser, value, EVENT_ID, "id is 1 to 128 printable ASCII characters");
                        break;
                    case "fields":
                        fields = fields(parser, value);
                        break;
                    default:
                        throw new MalformedBody("unknown key '" + shorten(key) + "'; a body has sid, name, id, fields");
                }
            }
            expect(parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null, "the body is one JSON object");
        }
        catch (final MalformedBody ex)
        {
            throw ex;
        }
        catch (final JsonProcessingException ex)
        {
            throw new MalformedBody("not JSON: " + shorten(ex.getOriginalMessage()));
        }
        catch (final IOException ex)
        {
            throw new MalformedBody("not JSON: " + shorten(ex.getMessage()));
        }
        expect(sid != null, "sid is missing");
        expect(name != null, "name is missing");
        return new BackendEventBody(sid, name, eventId, fields == null ? List.of() : fields);
    }

    private static List<BackendEvent.Field> fields(final JsonParser parser, final JsonToken start) throws IOException
    {
        expect(start == JsonToken.START_OBJECT, "fields is an object of names and values");
        final List<BackendEvent.Field> fields = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String key = parser.currentName();
            expect(NAME.matcher(key).matches(), "a field's name is 1 to 64 of a-z 0-9 _ . -");
            expect(fields.size() < Event.BACKEND_FIELD_CAPACITY, "more than " + Event.BACKEND_FIELD_CAPACITY + " fields");
            final JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING)
            {
                final String text = parser.getText();
                expect(text.length() <= MAX_TEXT_CHARS, "field " + key + " is longer than " + MAX_TEXT_CHARS + " characters");
                fields.add(new BackendEvent.Field(key, text, Double.NaN));
            }
            else if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT)
            {
                final double number = parser.getDoubleValue();
                expect(Double.isFinite(number), "field " + key + " is not a finite number");
                fields.add(new BackendEvent.Field(key, parser.getText(), number));
            }
            else
            {
                throw new MalformedBody("field " + key + " is neither a string nor a number");
            }
        }
        return fields;
    }

    private static String text(final JsonParser parser, final JsonToken value, final Pattern pattern, final String rule) throws IOException
    {
        expect(value == JsonToken.VALUE_STRING && pattern.matcher(parser.getText()).matches(), rule);
        return parser.getText();
    }

    private static void expect(final boolean condition, final String problem) throws MalformedBody
    {
        if (!condition)
        {
            throw new MalformedBody(problem);
        }
    }

    private static String shorten(final String text)
    {
        final String line = String.valueOf(text).replaceAll("[^\\x20-\\x7e]", "?");
        return line.length() > 80 ? line.substring(0, 80) : line;
    }

    /** The body is not a backend event; the message says why. */
    static final class MalformedBody extends IOException
    {
        private static final long serialVersionUID = 1L;

        MalformedBody(final String problem)
        {
            super(problem);
        }
    }
}
