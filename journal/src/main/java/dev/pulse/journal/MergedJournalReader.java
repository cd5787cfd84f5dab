package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the journals of several nodes as one: each node's records in its own journal order, the
 * nodes merged by record time (at each step the record with the earliest timestamp among the nodes'
 * next records; a tie goes to the node given first). A node's journal is read exactly as
 * {@link JournalReader} reads it (CRC checks, a torn tail ends that node, damage throws). With one
 * directory it is that directory's {@link JournalReader}.
 *
 * <p>The order of a session's records is kept whatever node wrote them, as long as the nodes'
 * clocks agree: a session that moved from a dead node to another one has its records on the first
 * node before its records on the second. How records of different sessions interleave is not
 * something the report or the replay may depend on (tested: the cluster's report equals the report
 * of one journal holding every record, in another order of ties). Memory: one
 * {@link JournalReader} (a mebibyte window) per directory. Not thread-safe.
 */
public final class MergedJournalReader implements AutoCloseable
{
    private final JournalReader[] readers;
    private final JournalRecordFlyweight[] heads;
    private final boolean[] live;
    /** The source whose head was returned last: it is advanced at the next call, not before (its view is still in use). */
    private int returned = -1;

    private MergedJournalReader(final JournalReader[] readers)
    {
        this.readers = readers;
        this.heads = new JournalRecordFlyweight[readers.length];
        this.live = new boolean[readers.length];
        for (int i = 0; i < readers.length; i++)
        {
            heads[i] = new JournalRecordFlyweight();
        }
    }

    /** A reader of the journals in {@code dirs}, in that order for ties. */
    public static MergedJournalReader open(final List<Path> dirs) throws IOException
    {
        final JournalReader[] readers = new JournalReader[dirs.size()];
        try
        {
            for (int i = 0; i < readers.length; i++)
            {
                readers[i] = JournalReader.open(dirs.get(i));
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            closeAll(readers);
            throw ex;
        }
        final MergedJournalReader merged = new MergedJournalReader(readers);
        try
        {
            for (int i = 0; i < readers.length; i++)
            {
                merged.live[i] = readers[i].next(merged.heads[i]);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            merged.close();
            throw ex;
        }
        return merged;
    }

    /** The next record of the merged order (a view valid until the next call), or null at the end. */
    public JournalRecordFlyweight next() throws IOException
    {
        if (returned >= 0)
        {
            live[returned] = readers[returned].next(heads[returned]);
        }
        int earliest = -1;
        for (int i = 0; i < heads.length; i++)
        {
            if (live[i] && (earliest < 0 || heads[i].timestampMs() < heads[earliest].timestampMs()))
            {
                earliest = i;
            }
        }
        returned = earliest;
        return earliest < 0 ? null : heads[earliest];
    }

    /** Which directory (its index in the list given) the record last returned came from. */
    public int source()
    {
        return returned;
    }

    @Override
    public void close() throws IOException
    {
        closeAll(readers);
    }

    private static void closeAll(final JournalReader[] readers) throws IOException
    {
        IOException first = null;
        for (final JournalReader reader : readers)
        {
            if (reader == null)
            {
                continue;
            }
            try
            {
                reader.close();
            }
            catch (final IOException ex)
            {
                first = first == null ? ex : first;
            }
        }
        if (first != null)
        {
            throw first;
        }
    }
}
