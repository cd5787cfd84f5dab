package dev.pulse.loadtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The kill loop's verdict, from the clients' ledgers and the journal: every message a session had
 * acked (by an {@code ack} or a {@code welcome}) has exactly one {@code raw_event} record, no
 * message has more than one (a count, not a set: a resend recorded twice is a failure), and no
 * record names a seq that was never sent (of a session the clients never had, or above what its
 * client sent). A message sent but never acked may have no record or one.
 *
 * <p>Records are read from {@code pulse journal cat} (one JSON object per line): a raw event carries
 * the message's seq in {@code value}; a hello's and a timer's carry 0 and are not messages.
 * Not thread-safe.
 */
final class KillLoopCheck
{
    /** What a client knew of one session at the end: its id, the highest seq it sent, the highest acked. */
    record SessionLedger(String sid, long sentSeq, long ackedSeq)
    {
    }

    private static final JsonFactory JSON = new JsonFactory();
    /** How many of each kind of failure are named (sid and seq), for a person to look up. */
    private static final int EXAMPLES = 5;

    private final Map<String, int[]> recordsBySid = new HashMap<>();
    private final Map<String, SessionLedger> ledgerBySid = new HashMap<>();
    private long sent;
    private long acked;
    private long records;
    private long unsentWithRecord;
    private long missing;
    private long duplicated;
    private boolean finished;
    private final List<String> examples = new ArrayList<>();

    KillLoopCheck(final Collection<SessionLedger> ledgers)
    {
        for (final SessionLedger ledger : ledgers)
        {
            if (ledgerBySid.put(ledger.sid(), ledger) != null)
            {
                throw new IllegalArgumentException("two ledgers for session " + ledger.sid());
            }
            // Counts by seq, index 0 unused: seqs start at 1.
            recordsBySid.put(ledger.sid(), new int[(int)ledger.sentSeq() + 1]);
            sent += ledger.sentSeq();
            acked += ledger.ackedSeq();
        }
    }

    /** One record of message {@code seq} of session {@code sid}. */
    void record(final String sid, final long seq)
    {
        records++;
        final int[] counts = recordsBySid.get(sid);
        if (counts == null || seq < 1 || seq >= counts.length)
        {
            example(unsentWithRecord++, "unsent " + sid + "/" + seq);
            return;
        }
        counts[(int)seq]++;
    }

    /** Feeds every message record of {@code pulse journal cat} output; other records are skipped. */
    void readJournal(final BufferedReader lines) throws IOException
    {
        String line;
        while ((line = lines.readLine()) != null)
        {
            if (!line.isBlank())
            {
                readLine(line);
            }
        }
    }

    private void readLine(final String line) throws IOException
    {
        String type = null;
        String sid = null;
        long value = 0;
        try (JsonParser parser = JSON.createParser(line))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IOException("not a journal record: " + line);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                final JsonToken token = parser.nextToken();
                switch (name)
                {
                    case "type" -> type = parser.getText();
                    case "sid" -> sid = parser.getText();
                    case "value" -> value = parser.getLongValue();
                    default ->
                    {
                        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
                        {
                            parser.skipChildren();
                        }
                    }
                }
            }
        }
        if ("raw_event".equals(type) && value > 0)
        {
            record(sid == null ? "" : sid, value);
        }
    }

    /** Counts the missing and duplicated messages; call once, after the last record. */
    void finish()
    {
        if (finished)
        {
            return;
        }
        finished = true;
        for (final SessionLedger ledger : ledgerBySid.values())
        {
            final int[] counts = recordsBySid.get(ledger.sid());
            for (int seq = 1; seq < counts.length; seq++)
            {
                if (counts[seq] > 1)
                {
                    example(duplicated++, "duplicated " + ledger.sid() + "/" + seq + " (" + counts[seq] + " records)");
                }
                else if (counts[seq] == 0 && seq <= ledger.ackedSeq())
                {
                    example(missing++, "missing " + ledger.sid() + "/" + seq + " (acked to " + ledger.ackedSeq() + ")");
                }
            }
        }
    }

    private void example(final long countBefore, final String example)
    {
        if (countBefore < EXAMPLES)
        {
            examples.add(example);
        }
    }

    boolean ok()
    {
        finish();
        return missing == 0 && duplicated == 0 && unsentWithRecord == 0;
    }

    long sessions()
    {
        return ledgerBySid.size();
    }

    long sent()
    {
        return sent;
    }

    long acked()
    {
        return acked;
    }

    long records()
    {
        return records;
    }

    /** Acked messages without a record. */
    long missing()
    {
        finish();
        return missing;
    }

    /** Messages with more than one record. */
    long duplicated()
    {
        finish();
        return duplicated;
    }

    /** Records of a seq that was never sent (or of a session no client had). */
    long unsentWithRecord()
    {
        return unsentWithRecord;
    }

    /** The counts, one line. */
    void print(final PrintStream out)
    {
        finish();
        out.printf("sessions %d, messages sent %d, acked %d, records %d, missing %d, duplicated %d, unsent-with-record %d%n",
            sessions(), sent, acked, records, missing, duplicated, unsentWithRecord);
    }

    /** A few of each kind of failure, as {@code sid/seq}. */
    List<String> examples()
    {
        finish();
        return List.copyOf(examples);
    }
}
