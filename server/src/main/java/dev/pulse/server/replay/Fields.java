package dev.pulse.server.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.pulse.journal.JournalRecordFlyweight;

/** A RAW_EVENT's name/value pairs (after its event name); hello's repeated context pairs and a backend event's fields kept in order. */
final class Fields
{
    /** A backend field's prefix in a raw event when its value was a number (the server's RawEventCapture writes it). */
    static final String BACKEND_NUMBER = "n.";
    /** ... when its value was text. */
    static final String BACKEND_TEXT = "s.";

    final List<String> contextKeys = new ArrayList<>();
    final List<String> contextValues = new ArrayList<>();
    /** A backend event's fields in the order captured: name, value, and whether the value was a number. */
    final List<String> backendNames = new ArrayList<>();
    final List<String> backendValues = new ArrayList<>();
    final List<Boolean> backendNumbers = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();

    Fields(final JournalRecordFlyweight raw)
    {
        for (int i = 1; i + 1 < raw.stringCount(); i += 2)
        {
            final String name = raw.string(i);
            final String value = raw.string(i + 1);
            if ("ctx_key".equals(name))
            {
                contextKeys.add(value);
            }
            else if ("ctx_value".equals(name))
            {
                contextValues.add(value);
            }
            else if (name.startsWith(BACKEND_NUMBER) || name.startsWith(BACKEND_TEXT))
            {
                backendNames.add(name.substring(2));
                backendValues.add(value);
                backendNumbers.add(name.startsWith(BACKEND_NUMBER));
            }
            else
            {
                values.put(name, value);
            }
        }
    }

    /** The value of a field, or null if the event had none. */
    String get(final String name)
    {
        return values.get(name);
    }
}
