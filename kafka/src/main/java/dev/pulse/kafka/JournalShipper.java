package dev.pulse.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.journal.JournalCorruptionException;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalTail;
import dev.pulse.journal.SegmentHold;
import dev.pulse.journal.SegmentHolds;
import dev.pulse.journal.TailOffsetFile;
import dev.pulse.journal.TailPosition;

/**
 * Ships a node's journal to a Kafka topic, record for record, on a thread of its own: follows the
 * journal ({@link JournalTail}) from its durable offset ({@link TailOffsetFile}), sends every record
 * as {@link ShippedRecords} says with the idempotent producer ({@link ShipperProducerProperties}),
 * and moves the offset (at most every {@code commitInterval}) and its {@link SegmentHold} only to
 * the end of the longest prefix Kafka has acknowledged ({@link InFlightRecords}).
 * <ul>
 *   <li>Nothing else waits for it: the journal is the buffer. Kafka down or slow blocks only this
 *   thread ({@code send} at most {@code max.block.ms}); the hold keeps every unshipped segment from
 *   the upkeep.</li>
 *   <li>A failure (a timeout, a broker gone) counts, closes the producer, and after a backoff (100 ms
 *   doubling to {@code backoffMax}) starts over from the last acknowledged record: records sent but
 *   not acknowledged are sent again, and consumers drop them by their {@code pulse-id}.</li>
 *   <li>A refusal for good ({@link ShipFailures}: too large, not authorized; or a wrong topic,
 *   {@link TopicCheck}) stops shipping with an error log and {@link ShipperMetrics#stoppedBecause()}:
 *   skipping the record would lose it. The hold stays, so nothing unshipped is deleted meanwhile.</li>
 *   <li>{@link #close(Duration)} ships what it can within the time given (call it after the journal's
 *   last record is written), then writes the offset.</li>
 * </ul>
 */
public final class JournalShipper implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalShipper.class);
    private static final long BACKOFF_MIN_MS = 100;
    /** Records read and sent per turn of the loop, so acknowledgements are collected often. */
    private static final int SEND_LIMIT = 2_000;
    /** The wait at the journal's end: short beside the producer's linger, long enough that waking costs little. */
    private static final long IDLE_NS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final Duration TOPIC_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final ShipperSettings settings;
    private final ShippedPosition position;
    private final ShipperMetrics metrics = new ShipperMetrics();
    private final Map<String, Object> producerProperties;
    private final JournalLagCounter lag;
    private final JournalRecordFlyweight record = new JournalRecordFlyweight();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long stopDeadlineNs;

    // The shipper thread's own.
    private long backoffMs = BACKOFF_MIN_MS;
    private boolean topicChecked;
    private boolean atEnd;
    private Producer<byte[], byte[]> producer;
    private InFlightRecords inFlight;
    private JournalTail tail;

    private JournalShipper(final ShipperSettings settings, final TailOffsetFile offsetFile, final SegmentHold hold, final TailPosition from)
    {
        this.settings = settings;
        this.position = new ShippedPosition(offsetFile, hold, from, settings.commitInterval(), metrics);
        this.producerProperties = ShipperProducerProperties.producer(settings.clientProperties());
        this.lag = new JournalLagCounter(settings.journalDir(), from);
        this.thread = new Thread(this::run, "pulse-kafka-shipper");
        thread.setDaemon(true);
    }

    /**
     * Reads the durable offset and holds its segment in {@code holds} at once (call it before the
     * journal's upkeep starts, or its first pass may delete what was not shipped); ships nothing
     * until {@link #start()}.
     *
     * @throws IOException if the offset file cannot be read or is damaged.
     */
    public static JournalShipper open(final SegmentHolds holds, final ShipperSettings settings) throws IOException
    {
        final TailOffsetFile offsetFile = new TailOffsetFile(settings.offsetFile());
        final TailPosition stored = offsetFile.read();
        final TailPosition from = stored == null ? TailPosition.START : stored;
        return new JournalShipper(settings, offsetFile, holds.hold("kafka shipper", from.segment()), from);
    }

    /** Starts shipping on the shipper's thread. */
    public JournalShipper start()
    {
        LOG.info("shipping the journal to Kafka topic {} from {} (offset file {})", settings.topic(), position.committed(),
            position.offsetFile().path());
        thread.start();
        return this;
    }

    public ShipperMetrics metrics()
    {
        return metrics;
    }

    /** The position last written to the offset file: every record before it is in Kafka. */
    public TailPosition committedPosition()
    {
        return position.committed();
    }

    /**
     * Ships what it can within {@code timeout} (every record written so far, if Kafka takes them),
     * writes the offset, closes the producer and releases the hold. True if the thread stopped in time.
     */
    public boolean close(final Duration timeout)
    {
        stopDeadlineNs = System.nanoTime() + timeout.toNanos();
        stopping = true;
        try
        {
            if (thread.isAlive())
            {
                LockSupport.unpark(thread);
                thread.join(timeout.toMillis() + 1_000);
                if (thread.isAlive())
                {
                    // Blocked in send() on a full buffer or missing metadata: an interrupt ends the wait.
                    thread.interrupt();
                    thread.join(5_000);
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        final boolean stopped = !thread.isAlive();
        position.release();
        closeQuietly(lag);
        return stopped;
    }

    @Override
    public void close()
    {
        close(Duration.ofSeconds(10));
    }

    private void run()
    {
        try
        {
            while (!(stopping && stopNow()))
            {
                final long nowNs = System.nanoTime();
                if (producer == null && !connect())
                {
                    pause();
                    continue;
                }
                final int sent = send();
                if (producer == null)
                {
                    continue; // send() failed and started over
                }
                final int acknowledgedNow = inFlight.drainAcknowledged(position);
                if (acknowledgedNow > 0)
                {
                    backoffMs = BACKOFF_MIN_MS;
                }
                if (inFlight.failure() != null)
                {
                    startOver(inFlight.failure());
                    continue;
                }
                position.commit(nowNs, false);
                lag.measure(nowNs, position, inFlight, metrics);
                // Turn again at once only with more to read, or a window the acknowledgements just opened. At the journal's
                // end it waits: a turn per record as each is written cost a look at the files and a wake-up each (BENCHMARKS.md,
                // "Shipping the journal to Kafka"), and the producer lingers longer anyway.
                if (sent < SEND_LIMIT && (atEnd || acknowledgedNow == 0))
                {
                    LockSupport.parkNanos(IDLE_NS);
                }
            }
        }
        catch (final ShippingStopped ex)
        {
            metrics.stop(ex.getMessage());
            LOG.error("journal shipping to Kafka STOPPED: {}; records stay in the local journal (retention keeps them) and are "
                + "shipped from {} once the cause is fixed and the node restarted", ex.getMessage(), position.acknowledged());
        }
        catch (final RuntimeException ex)
        {
            if (!stopping)
            {
                metrics.stop("unexpected error: " + ex);
                LOG.error("journal shipping to Kafka STOPPED by an unexpected error", ex);
            }
        }
        finally
        {
            position.commit(System.nanoTime(), true);
            closeProducer();
            closeQuietly(tail);
        }
    }

    /** While stopping: done when the deadline passed, or when every record written is acknowledged, or when Kafka is not there. */
    private boolean stopNow()
    {
        return System.nanoTime() - stopDeadlineNs >= 0 || producer == null || atEnd && inFlight.size() == 0;
    }

    /** Checks the topic (once), then opens a producer and a tail at the last acknowledged record. False if Kafka did not answer. */
    private boolean connect()
    {
        try
        {
            if (!topicChecked)
            {
                TopicCheck.verify(ShipperProducerProperties.admin(settings.clientProperties()), settings.topic(), TOPIC_CHECK_TIMEOUT);
                topicChecked = true;
            }
            producer = new KafkaProducer<>(producerProperties, new ByteArraySerializer(), new ByteArraySerializer());
        }
        catch (final TopicRefusedException ex)
        {
            throw new ShippingStopped(ex.getMessage());
        }
        catch (final Exception ex)
        {
            metrics.failed();
            LOG.warn("Kafka is not reachable for shipping ({}); trying again in {} ms", ex.toString(), backoffMs);
            return false;
        }
        inFlight = new InFlightRecords(metrics);
        tail = JournalTail.open(settings.journalDir(), position.acknowledged());
        atEnd = false;
        return true;
    }

    /** Reads and sends up to {@link #SEND_LIMIT} records; stops at the journal's end or at the in-flight limit. */
    private int send()
    {
        int sent = 0;
        try
        {
            while (sent < SEND_LIMIT && inFlight.size() < settings.maxInFlightRecords() && inFlight.failure() == null)
            {
                if (!tail.poll(record))
                {
                    atEnd = true;
                    break;
                }
                atEnd = false;
                final int length = tail.frameLength();
                final byte[] value = new byte[length];
                tail.frameBuffer().getBytes(tail.frameOffset(), value);
                final String id = settings.nodeId() + "/" + tail.recordSegment() + "/" + tail.recordOffset();
                final RecordHeaders headers = new RecordHeaders();
                headers.add(ShippedRecords.ID_HEADER, id.getBytes(StandardCharsets.UTF_8));
                // The journal's time as the record's: a consumer reads a time range with offsetsForTimes.
                final ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(settings.topic(), null, record.timestampMs(),
                    ShippedRecords.key(record.sidHi(), record.sidLo(), settings.nodeId()), value, headers);
                final Callback callback = inFlight.add(tail.position(), length, record.timestampMs());
                producer.send(out, callback);
                sent++;
            }
        }
        catch (final JournalCorruptionException ex)
        {
            throw new ShippingStopped("the journal is damaged at " + tail.position() + ": " + ex.getMessage());
        }
        catch (final IOException | RuntimeException ex)
        {
            if (stopping && Thread.currentThread().isInterrupted())
            {
                throw new IllegalStateException("interrupted while stopping", ex);
            }
            startOver(ex);
        }
        return sent;
    }

    /** A failure: stop for good if Kafka will never take the record; otherwise drop the producer and start over after a backoff. */
    private void startOver(final Exception failure)
    {
        metrics.failed();
        final Throwable cause = failure.getCause() != null && !ShipFailures.isPermanent(failure) ? failure.getCause() : failure;
        if (ShipFailures.isPermanent(cause))
        {
            settleBeforeStopping();
            throw new ShippingStopped("Kafka refuses the record after " + position.acknowledged() + " for good (" + cause + ")");
        }
        LOG.warn("shipping to Kafka failed ({}); starting over from {} in {} ms", failure.toString(), position.acknowledged(), backoffMs);
        closeProducer();
        closeQuietly(tail);
        tail = null;
        position.commit(System.nanoTime(), true);
        pause();
    }

    /** Lets the records sent before a refused one be acknowledged, so the offset stops right at the refused record. */
    private void settleBeforeStopping()
    {
        if (producer != null)
        {
            try
            {
                producer.flush();
            }
            catch (final RuntimeException ex)
            {
                LOG.debug("flushing before stopping", ex);
            }
            inFlight.drainAcknowledged(position);
        }
    }


    /** Waits the current backoff (cut short by a stop), then doubles it. */
    private void pause()
    {
        lag.measure(System.nanoTime(), position, inFlight, metrics);
        final long untilNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs);
        long leftNs;
        while (!stopping && (leftNs = untilNs - System.nanoTime()) > 0)
        {
            LockSupport.parkNanos(leftNs);
        }
        backoffMs = Math.min(backoffMs * 2, settings.backoffMax().toMillis());
    }

    private void closeProducer()
    {
        if (producer != null)
        {
            try
            {
                producer.close(Duration.ZERO);
            }
            catch (final RuntimeException ex)
            {
                LOG.debug("closing the producer", ex);
            }
            producer = null;
        }
    }

    private static void closeQuietly(final AutoCloseable closeable)
    {
        if (closeable != null)
        {
            try
            {
                closeable.close();
            }
            catch (final Exception ex)
            {
                LOG.debug("closing {}", closeable, ex);
            }
        }
    }
}
