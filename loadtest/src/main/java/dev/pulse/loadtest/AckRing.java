package dev.pulse.loadtest;

/**
 * The messages of one session that the server has not acknowledged yet, oldest first: each one's
 * seq, intended send time and what it was (a {@link Step} id, or {@link #ANSWER}),
 * so an ack can be timed from the intended send and a reconnect can resend what was not handled.
 * A session sends an event every few hundred milliseconds and the server acks within a read
 * batch, so a few entries suffice; the ring doubles if the server stops acknowledging.
 *
 * <p>Not thread-safe: owned by the user's event loop.
 */
final class AckRing
{
    /** The kind of an entry that was an answer (to the session's latest question). */
    static final int ANSWER = -1;

    private long[] seqs = new long[8];
    private long[] intendedNs = new long[8];
    private int[] kinds = new int[8];
    private int head;
    private int size;

    void add(final long seq, final long intendedNs, final int kind)
    {
        if (size == seqs.length)
        {
            grow();
        }
        final int at = (head + size) & (seqs.length - 1);
        seqs[at] = seq;
        this.intendedNs[at] = intendedNs;
        kinds[at] = kind;
        size++;
    }

    int size()
    {
        return size;
    }

    /** The oldest entry's seq; only when {@link #size} is positive. */
    long oldestSeq()
    {
        return seqs[head];
    }

    long oldestIntendedNs()
    {
        return intendedNs[head];
    }

    /** The entry {@code age} places after the oldest. */
    long seqAt(final int age)
    {
        return seqs[(head + age) & (seqs.length - 1)];
    }

    int kindAt(final int age)
    {
        return kinds[(head + age) & (seqs.length - 1)];
    }


    void removeOldest()
    {
        head = (head + 1) & (seqs.length - 1);
        size--;
    }

    void clear()
    {
        head = 0;
        size = 0;
    }

    private void grow()
    {
        final int capacity = seqs.length * 2;
        final long[] newSeqs = new long[capacity];
        final long[] newIntended = new long[capacity];
        final int[] newKinds = new int[capacity];
        for (int age = 0; age < size; age++)
        {
            final int from = (head + age) & (seqs.length - 1);
            newSeqs[age] = seqs[from];
            newIntended[age] = intendedNs[from];
            newKinds[age] = kinds[from];
        }
        seqs = newSeqs;
        intendedNs = newIntended;
        kinds = newKinds;
        head = 0;
    }
}
