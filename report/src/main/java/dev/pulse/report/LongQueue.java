package dev.pulse.report;

import java.util.function.LongConsumer;

/**
 * A first-in first-out queue of longs in one growing ring array: any long may be queued (Agrona's
 * {@code LongArrayQueue} reserves one as its "null"), nothing is boxed. It keeps the capacity of its
 * longest moment. Not thread-safe.
 */
final class LongQueue
{
    private long[] ring = new long[64];
    private int head;
    private int size;

    void add(final long value)
    {
        if (size == ring.length)
        {
            final long[] grown = new long[ring.length * 2];
            for (int i = 0; i < size; i++)
            {
                grown[i] = ring[(head + i) & (ring.length - 1)];
            }
            ring = grown;
            head = 0;
        }
        ring[(head + size) & (ring.length - 1)] = value;
        size++;
    }

    /** The first value; the queue must not be empty. */
    long peek()
    {
        if (size == 0)
        {
            throw new IllegalStateException("empty");
        }
        return ring[head];
    }

    /** Takes the first value; the queue must not be empty. */
    long poll()
    {
        final long value = peek();
        head = (head + 1) & (ring.length - 1);
        size--;
        return value;
    }

    void forEach(final LongConsumer each)
    {
        for (int i = 0; i < size; i++)
        {
            each.accept(ring[(head + i) & (ring.length - 1)]);
        }
    }

    void clear()
    {
        head = 0;
        size = 0;
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    int size()
    {
        return size;
    }
}
