package dev.pulse.server.ws;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;

/**
 * At start, the backend events kept for sessions away, read back from the journal: every kept
 * {@link JournalRecordType#BACKEND_EVENT} (code 0) of the session expiry's recent past whose applied
 * record (code 1, the same id) did not follow, of a session that did not end or get erased since.
 * Reads only the segments written within that expiry. A field's value that reads as a number is
 * given as one (the record keeps a value as text).
 */
public final class PendingBackendRecovery
{
    private static final int FIRST_FIELD = 3;

    private PendingBackendRecovery()
    {
    }

    /** @return how many events are kept after reading. */
    public static int recover(final Path journalDir, final PendingBackendEvents pending, final long expiryMs, final long nowWallMs)
        throws IOException
    {
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.openWrittenSince(journalDir, nowWallMs - expiryMs))
        {
            while (reader.next(record))
            {
                final JournalRecordType type = record.type();
                if (type == JournalRecordType.BACKEND_EVENT && record.stringCount() >= FIRST_FIELD)
                {
                    if (record.code() == 0)
                    {
                        pending.keep(event(record), record.value());
                    }
                    else
                    {
                        pending.forget(record.sidHi(), record.sidLo(), record.string(2));
                    }
                }
                else if (type == JournalRecordType.SESSION_END || type == JournalRecordType.SESSION_ERASED)
                {
                    pending.forgetSession(record.sidHi(), record.sidLo());
                }
            }
        }
        return pending.size();
    }

    private static BackendEvent event(final JournalRecordFlyweight record)
    {
        final List<BackendEvent.Field> fields = new ArrayList<>();
        for (int i = FIRST_FIELD; i + 1 < record.stringCount(); i += 2)
        {
            final String text = record.string(i + 1);
            fields.add(new BackendEvent.Field(record.string(i), text, number(text)));
        }
        // The site was checked when the event was taken; the session it names is the one it goes to.
        return new BackendEvent(record.sidHi(), record.sidLo(), 0, record.string(0), record.string(1), record.string(2), record.value(),
            fields);
    }

    private static double number(final String text)
    {
        try
        {
            final double number = Double.parseDouble(text);
            return Double.isFinite(number) && !text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-') ? number : Double.NaN;
        }
        catch (final NumberFormatException ex)
        {
            return Double.NaN;
        }
    }
}
