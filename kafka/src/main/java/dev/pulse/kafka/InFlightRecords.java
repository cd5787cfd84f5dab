package dev.pulse.kafka;

import java.util.ArrayDeque;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

import dev.pulse.journal.TailPosition;

/**
 * The records one producer has been given and Kafka has not all acknowledged, in journal order.
 * Acknowledgements arrive out of order across partitions, so the shipper's safe position is the
 * end of the longest acknowledged prefix ({@link #drainAcknowledged}), never the newest
 * acknowledgement. Each record's callback runs on the producer's I/O thread and only sets its
 * entry; the shipper's thread reads the entries. One instance per producer: a producer given up on
 * keeps calling back into its own instance, never the next one's.
 */
final class InFlightRecords
{
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final ShipperMetrics metrics;
    private volatile Exception failure;

    InFlightRecords(final ShipperMetrics metrics)
    {
        this.metrics = metrics;
    }

    /** A new entry, last in order: {@code end} is where the journal resumes after the record. */
    Callback add(final TailPosition end, final int bytes, final long timestampMs)
    {
        final Entry entry = new Entry(end, bytes, timestampMs);
        entries.addLast(entry);
        return entry;
    }

    int size()
    {
        return entries.size();
    }

    /** The journal time of the oldest record not yet acknowledged; 0 when none is in flight. */
    long oldestTimestampMs()
    {
        final Entry head = entries.peekFirst();
        return head == null ? 0 : head.timestampMs;
    }

    /** The first failure any record met, or null. */
    Exception failure()
    {
        return failure;
    }

    /**
     * Removes the acknowledged records at the head and hands each to {@code sink}.
     *
     * @return how many.
     */
    int drainAcknowledged(final AcknowledgedSink sink)
    {
        int drained = 0;
        Entry head;
        while ((head = entries.peekFirst()) != null && head.acknowledged)
        {
            entries.removeFirst();
            sink.acknowledged(head.end, head.bytes);
            drained++;
        }
        return drained;
    }

    /** Receives the acknowledged prefix, record by record. */
    interface AcknowledgedSink
    {
        void acknowledged(TailPosition end, int bytes);
    }

    private final class Entry implements Callback
    {
        private final TailPosition end;
        private final int bytes;
        private final long timestampMs;
        private volatile boolean acknowledged;

        Entry(final TailPosition end, final int bytes, final long timestampMs)
        {
            this.end = end;
            this.bytes = bytes;
            this.timestampMs = timestampMs;
        }

        @Override
        public void onCompletion(final RecordMetadata metadata, final Exception exception)
        {
            if (exception != null)
            {
                if (failure == null)
                {
                    failure = exception;
                }
                return;
            }
            metrics.shipped(bytes, System.currentTimeMillis());
            acknowledged = true;
        }
    }
}
