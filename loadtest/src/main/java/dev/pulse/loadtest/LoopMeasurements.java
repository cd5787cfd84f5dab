package dev.pulse.loadtest;

import org.HdrHistogram.Histogram;

/**
 * What one event loop measured: latency histograms in microseconds and the correctness counts.
 * Single writer (its loop); the generator merges every loop's after the run, once the loops have
 * handed them over.
 */
final class LoopMeasurements
{
    /** One hour in microseconds: nothing slower is told apart. */
    static final long HIGHEST_MICROS = 3_600_000_000L;
    static final int CLOSE_CODES = 5_000;
    /** A connection lost without a close frame (RFC 6455 7.1.5's "abnormal closure"). */
    static final int CLOSE_ABNORMAL = 1006;
    /** A close frame without a status code (RFC 6455 7.1.5). */
    static final int CLOSE_NO_STATUS = 1005;

    final Histogram question = histogram();
    final Histogram response = histogram();
    final Histogram ack = histogram();
    final Histogram connect = histogram();
    final Histogram sendLag = histogram();
    /**
     * Per lost connection (with {@code --reconnect}): from the loss to the next welcome, failed
     * attempts in between included, and a new session started meanwhile too; the time a visitor of
     * a dead node waits to be served again.
     */
    final Histogram reconnectGap = histogram();

    long eventsSent;
    /** Events sent after their slot because the session's connection was not ready (see {@code VirtualUser}). */
    long eventsOwed;
    final long[] runs = new long[Journey.count()];
    final long[] received = new long[Journey.count()];
    final long[] missed = new long[Journey.count()];
    final long[] unexpected = new long[Journey.count()];
    final long[] interrupted = new long[Journey.count()];
    /** Questions that came after their journey had timed out (already counted as missed). */
    final long[] late = new long[Journey.count()];
    long acksLost;
    final long[] errors = new long[ErrorCodes.COUNT];
    final long[] closes = new long[CLOSE_CODES];
    long connectFailures;
    long reconnects;
    long resumed;
    /** Users whose connection was lost and who had no welcome since when the run ended: no gap of theirs is in {@link #reconnectGap}. */
    long neverBack;
    /** Carries the server sent (with {@code cluster_key_file}), and hellos that presented one. */
    long carriesReceived;
    long hellosWithCarry;
    /** Answers to a question from before a hello with a carry, refused by the node that took the session up ({@code UserCarry#excuses}). */
    long orphanedAnswers;

    static Histogram histogram()
    {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** Records the time from {@code fromNs} to {@code toNs}, in microseconds. */
    static void record(final Histogram histogram, final long fromNs, final long toNs)
    {
        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (toNs - fromNs) / 1_000)));
    }

    void close(final int code)
    {
        closes[code >= 0 && code < CLOSE_CODES ? code : 0]++;
    }

    void add(final LoopMeasurements other)
    {
        question.add(other.question);
        response.add(other.response);
        ack.add(other.ack);
        connect.add(other.connect);
        sendLag.add(other.sendLag);
        reconnectGap.add(other.reconnectGap);
        eventsSent += other.eventsSent;
        eventsOwed += other.eventsOwed;
        for (int i = 0; i < runs.length; i++)
        {
            runs[i] += other.runs[i];
            received[i] += other.received[i];
            missed[i] += other.missed[i];
            unexpected[i] += other.unexpected[i];
            interrupted[i] += other.interrupted[i];
            late[i] += other.late[i];
        }
        acksLost += other.acksLost;
        for (int i = 0; i < errors.length; i++)
        {
            errors[i] += other.errors[i];
        }
        for (int i = 0; i < closes.length; i++)
        {
            closes[i] += other.closes[i];
        }
        connectFailures += other.connectFailures;
        reconnects += other.reconnects;
        resumed += other.resumed;
        neverBack += other.neverBack;
        carriesReceived += other.carriesReceived;
        hellosWithCarry += other.hellosWithCarry;
        orphanedAnswers += other.orphanedAnswers;
    }
}
