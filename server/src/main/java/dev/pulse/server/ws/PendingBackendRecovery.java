package dev.pulse.server.ws;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;

/**
 * At start, what the ingest promised before a restart, read back from the journal's
 * {@link JournalRecordType#BACKEND_EVENT} records in one pass:
 * <ul>
 *   <li>the backend events kept for sessions away: every kept record (code 0) taken within the
 *       session expiry whose applied record (code 1, the same key and id) did not follow, of a
 *       session that did not end or get erased since. A field's value that reads as a number is
 *       given as one (the record keeps a value as text);</li>
 *   <li>the event ids taken within the ingest's memory of ids ({@code rememberMs}), kept or
 *       applied, handed to {@code taken} with the time the route took them, so a retry after the
 *       restart is still a duplicate.</li>
 * </ul>
 * Reads only the segments written within the longer of the two.
 */
public final class PendingBackendRecovery
{
    private static final int FIRST_FIELD = 3;

    private PendingBackendRecovery()
    {
    }

    /** An event id the route took: the session, the key that signed it, its id and when it was taken (epoch ms). */
    @FunctionalInterface
    public interface TakenIds
    {
        void taken(long sidHi, long sidLo, String keyId, String eventId, long takenAtMs);
    }

    /** @return how many events are kept after reading. */
    public static int recover(final Path journalDir, final PendingBackendEvents pending, final long expiryMs, final TakenIds taken,
        final long rememberMs, final long nowWallMs) throws IOException
    {
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalReader reader = JournalReader.openWrittenSince(journalDir, nowWallMs - Math.max(expiryMs, rememberMs)))
        {
            while (reader.next(record))
            {
                final JournalRecordType type = record.type();
                if (type == JournalRecordType.BACKEND_EVENT && record.stringCount() >= FIRST_FIELD)
                {
                    final long takenAtMs = record.value();
                    if (takenAtMs > nowWallMs - rememberMs)
                    {
                        taken.taken(record.sidHi(), record.sidLo(), record.string(1), record.string(2), takenAtMs);
                    }
                    if (record.code() == 0 && takenAtMs > nowWallMs - expiryMs)
                    {
                        pending.keep(event(record), takenAtMs);
                    }
                    else if (record.code() != 0)
                    {
                        pending.forget(record.sidHi(), record.sidLo(), record.string(1), record.string(2));
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
