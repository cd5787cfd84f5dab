package dev.pulse.server.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.pulse.journal.JournalRecordFlyweight;

/** A RAW_EVENT's name/value pairs (after its event name); hello's repeated context pairs kept in order. */
final class Fields
{
    final List<String> contextKeys = new ArrayList<>();
    final List<String> contextValues = new ArrayList<>();
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
