package dev.pulse.server.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import dev.pulse.detect.EventType;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.JournalMetrics;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;

/**
 * Everything the server counts, written as Prometheus text at {@code /metrics}. Counters are
 * {@link LongAdder}s indexed by enum ordinal, so counting from any event loop neither locks nor
 * allocates; gauges, and the other {@link MetricFamilies} registered (the JVM's, the build's), are
 * read from their owners when scraped.
 */
public final class Metrics implements JournalMetrics
{
    private final LongAdder connectionsTotal = new LongAdder();
    private final LongAdder connectionsOpen = new LongAdder();
    private final LongAdder[] refusedByReason = adders(RefusalReason.values().length);
    private final LongAdder sessionsNew = new LongAdder();
    private final LongAdder sessionsResumed = new LongAdder();
    private final LongAdder sessionsExpired = new LongAdder();
    private final LongAdder[] eventsByType = adders(EventType.values().length);
    private final LongAdder[] signals = adders(DetectorKind.values().length * Verdict.values().length);
    private final LongAdder questionsShown = new LongAdder();
    private final LongAdder answers = new LongAdder();
    private final LongAdder responses = new LongAdder();
    private final LongAdder dismisses = new LongAdder();
    private final LongAdder[] errorsByCode = adders(ErrorCode.values().length);
    private final LongAdder[] closesByCode = adders(CloseCode.values().length);
    private final LongAdder internalErrors = new LongAdder();
    private final LongAdder journalDropped = new LongAdder();
    private final LongAdder questionsWithheld = new LongAdder();
    private final LongAdder detectionPaused = new LongAdder();
    private final LongAdder timersDeferred = new LongAdder();
    private final LongAdder questionsUnseen = new LongAdder();
    private final LongAdder[] outcomes = adders(OutcomeKind.values().length * OutcomeGroup.values().length);
    private final LongAdder[] outcomeWindowsDropped = adders(WindowDrop.values().length);
    private final LongAdder catalogReloadsOk = new LongAdder();
    private final LongAdder catalogReloadsFailed = new LongAdder();
    private final LatencyHistogram eventToQuestion = new LatencyHistogram(
        "pulse_event_to_question_seconds", "From the frame that completed a pattern arriving to its question being written.");
    private final LatencyHistogram timerLateness = new LatencyHistogram(
        "pulse_timer_lateness_seconds", "How late timers fire: fire time minus deadline.");
    private final LatencyHistogram journalFsync = new LatencyHistogram(
        "pulse_journal_fsync_seconds", "Time spent in each journal fsync.");
    private final List<MetricFamilies> registered = new ArrayList<>();

    /** Why a connection was refused before it became a session. */
    public enum RefusalReason
    {
        UNKNOWN_SITE, ORIGIN, CAPACITY, SESSION_MAP_FULL, RATE, PER_ADDRESS, HANDSHAKE_TIMEOUT, BAD_REQUEST, TLS
    }

    /** A value read from its owner at each scrape; {@code type} is its Prometheus type, gauge or counter. */
    private record Gauge(String name, String help, String type, LongSupplier value) implements MetricFamilies
    {
        @Override
        public void write(final StringBuilder out)
        {
            header(out, name, help, type);
            out.append(name).append(' ').append(value.getAsLong()).append('\n');
        }
    }

    /** Registers a gauge read at each scrape (sessions in the map, journal lag, ...). */
    @Override
    public synchronized void gauge(final String name, final String help, final LongSupplier value)
    {
        registered.add(new Gauge(name, help, "gauge", value));
    }

    /**
     * Registers a counter whose owner keeps the count (bytes the journal wrote, ...), read at each
     * scrape: typed {@code counter}, so rate() and increase() treat a restart's reset as a reset.
     */
    @Override
    public synchronized void counter(final String name, final String help, final LongSupplier value)
    {
        registered.add(new Gauge(name, help, "counter", value));
    }

    /** Registers families written at each scrape after the gauges registered before them (the JVM's, the build's). */
    public synchronized void families(final MetricFamilies families)
    {
        registered.add(families);
    }

    public void connectionOpened()
    {
        connectionsTotal.increment();
        connectionsOpen.increment();
    }

    public void connectionClosed()
    {
        connectionsOpen.decrement();
    }

    public long connectionsOpen()
    {
        return connectionsOpen.sum();
    }

    public void refused(final RefusalReason reason)
    {
        refusedByReason[reason.ordinal()].increment();
    }

    public long refusals(final RefusalReason reason)
    {
        return refusedByReason[reason.ordinal()].sum();
    }

    public void sessionStarted(final boolean resumed)
    {
        (resumed ? sessionsResumed : sessionsNew).increment();
    }

    public void sessionExpired()
    {
        sessionsExpired.increment();
    }

    public void event(final EventType type)
    {
        eventsByType[type.ordinal()].increment();
    }

    public void signal(final DetectorKind detector, final Verdict verdict)
    {
        signals[detector.ordinal() * Verdict.values().length + verdict.ordinal()].increment();
    }

    public void questionShown(final long eventToQuestionNanos)
    {
        questionsShown.increment();
        eventToQuestion.recordNanos(eventToQuestionNanos);
    }

    public void answer()
    {
        answers.increment();
    }

    public void response()
    {
        responses.increment();
    }

    public void dismiss()
    {
        dismisses.increment();
    }

    /** An outcome window closed. */
    public void outcome(final OutcomeKind outcome, final OutcomeGroup group)
    {
        outcomes[group.ordinal() * OutcomeKind.values().length + outcome.ordinal()].increment();
    }

    /** An outcome window that will not be measured. */
    public void outcomeWindowDropped(final WindowDrop reason)
    {
        outcomeWindowsDropped[reason.ordinal()].increment();
    }

    public void error(final ErrorCode code)
    {
        errorsByCode[code.ordinal()].increment();
    }

    public long errors(final ErrorCode code)
    {
        return errorsByCode[code.ordinal()].sum();
    }

    public void closed(final CloseCode code)
    {
        closesByCode[code.ordinal()].increment();
    }

    public long closes(final CloseCode code)
    {
        return closesByCode[code.ordinal()].sum();
    }

    /** Something that should never happen did (an exception escaped a handler); also closes 1011. */
    @Override
    public void internalError()
    {
        internalErrors.increment();
    }

    public long internalErrors()
    {
        return internalErrors.sum();
    }

    /** A journal record could not be handed to the journal (ring buffer full). */
    @Override
    public void journalDropped()
    {
        journalDropped.increment();
    }

    /** A question was not shown because the journal could not record it. */
    public void questionWithheld()
    {
        questionsWithheld.increment();
    }

    /** An event or timer went past the triggers: the journal could not have recorded a question. */
    public void detectionPaused()
    {
        detectionPaused.increment();
    }

    /** A question held for the disk was closed before it could be sent, so the person never saw it. */
    public void questionUnseen()
    {
        questionsUnseen.increment();
    }

    /** A session's timer work was put off because the journal could not take its records. */
    public void timerDeferred()
    {
        timersDeferred.increment();
    }

    public void catalogReload(final boolean ok)
    {
        (ok ? catalogReloadsOk : catalogReloadsFailed).increment();
    }

    public void timerLatenessNanos(final long nanos)
    {
        timerLateness.recordNanos(nanos);
    }

    @Override
    public void journalFsyncNanos(final long nanos)
    {
        journalFsync.recordNanos(nanos);
    }

    public LatencyHistogram eventToQuestion()
    {
        return eventToQuestion;
    }

    public LatencyHistogram timerLateness()
    {
        return timerLateness;
    }

    /** The Prometheus text exposition of every metric. */
    public String prometheusText()
    {
        final StringBuilder out = new StringBuilder(8192);
        counter(out, "pulse_connections_total", "WebSocket connections accepted.", connectionsTotal.sum());
        gauge(out, "pulse_connections_open", "WebSocket connections open now.", connectionsOpen.sum());
        header(out, "pulse_connections_refused_total", "Connections refused before a session, by reason.", "counter");
        for (final RefusalReason reason : RefusalReason.values())
        {
            sample(out, "pulse_connections_refused_total", "reason", lower(reason.name()), refusedByReason[reason.ordinal()].sum());
        }
        header(out, "pulse_sessions_started_total", "Sessions started by a hello, new or resumed.", "counter");
        sample(out, "pulse_sessions_started_total", "resumed", "false", sessionsNew.sum());
        sample(out, "pulse_sessions_started_total", "resumed", "true", sessionsResumed.sum());
        counter(out, "pulse_sessions_expired_total", "Sessions removed after their idle expiry.", sessionsExpired.sum());
        header(out, "pulse_events_total", "Events handled, by type.", "counter");
        for (final EventType type : EventType.values())
        {
            sample(out, "pulse_events_total", "type", type.wireName(), eventsByType[type.ordinal()].sum());
        }
        header(out, "pulse_signals_total", "Detector signals, by detector and governor decision.", "counter");
        for (final DetectorKind detector : DetectorKind.values())
        {
            for (final Verdict verdict : Verdict.values())
            {
                final long count = signals[detector.ordinal() * Verdict.values().length + verdict.ordinal()].sum();
                out.append("pulse_signals_total{detector=\"").append(detector.catalogName()).append("\",decision=\"")
                    .append(verdict.reason()).append("\"} ").append(count).append('\n');
            }
        }
        counter(out, "pulse_questions_shown_total", "Questions pushed to a person.", questionsShown.sum());
        counter(out, "pulse_questions_withheld_total", "Questions not shown because the journal could not record them.", questionsWithheld.sum());
        counter(out, "pulse_detection_paused_total",
            "Events and timers not run through the triggers (no question asked) while the journal could not record.", detectionPaused.sum());
        counter(out, "pulse_questions_unseen_total",
            "Questions recorded as shown but withdrawn unsent: the page view that closes them came before their record was forced.",
            questionsUnseen.sum());
        counter(out, "pulse_timers_deferred_total",
            "Session timers put off (the session left as it was) because the journal could not take their records.", timersDeferred.sum());
        counter(out, "pulse_answers_total", "Answers received.", answers.sum());
        counter(out, "pulse_responses_total", "Approved responses pushed.", responses.sum());
        counter(out, "pulse_dismisses_total", "Questions dismissed.", dismisses.sum());
        header(out, "pulse_outcomes_total", "Outcome windows closed, by group and outcome.", "counter");
        for (final OutcomeGroup group : OutcomeGroup.values())
        {
            for (final OutcomeKind outcome : OutcomeKind.values())
            {
                out.append("pulse_outcomes_total{group=\"").append(group.wireName()).append("\",outcome=\"").append(outcome.wireName())
                    .append("\"} ").append(outcomes[group.ordinal() * OutcomeKind.values().length + outcome.ordinal()].sum()).append('\n');
            }
        }
        header(out, "pulse_outcome_windows_dropped_total",
            "Outcome windows not measured: no slot (slots_full), given to a live window (shadow_replaced), outcome not journaled.", "counter");
        for (final WindowDrop reason : WindowDrop.values())
        {
            sample(out, "pulse_outcome_windows_dropped_total", "reason", reason.label(), outcomeWindowsDropped[reason.ordinal()].sum());
        }
        header(out, "pulse_errors_total", "Error frames sent, by code.", "counter");
        for (final ErrorCode code : ErrorCode.values())
        {
            sample(out, "pulse_errors_total", "code", code.wireName(), errorsByCode[code.ordinal()].sum());
        }
        header(out, "pulse_closes_total", "Connections closed by the server, by close code.", "counter");
        for (final CloseCode code : CloseCode.values())
        {
            out.append("pulse_closes_total{code=\"").append(code.code()).append("\",reason=\"").append(lower(code.name()))
                .append("\"} ").append(closesByCode[code.ordinal()].sum()).append('\n');
        }
        counter(out, "pulse_internal_errors_total", "Unexpected exceptions caught at a handler boundary.", internalErrors.sum());
        counter(out, "pulse_journal_dropped_records_total", "Journal records that found the ring buffer full (or the journal closed); their message was not handled.", journalDropped.sum());
        header(out, "pulse_catalog_reloads_total", "Catalog reloads, by result.", "counter");
        sample(out, "pulse_catalog_reloads_total", "result", "ok", catalogReloadsOk.sum());
        sample(out, "pulse_catalog_reloads_total", "result", "rejected", catalogReloadsFailed.sum());
        final List<MetricFamilies> scraped;
        synchronized (this)
        {
            scraped = List.copyOf(registered);
        }
        for (final MetricFamilies families : scraped)
        {
            families.write(out);
        }
        eventToQuestion.write(out);
        timerLateness.write(out);
        journalFsync.write(out);
        return out.toString();
    }

    private static void counter(final StringBuilder out, final String name, final String help, final long value)
    {
        header(out, name, help, "counter");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(final StringBuilder out, final String name, final String help, final long value)
    {
        header(out, name, help, "gauge");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void header(final StringBuilder out, final String name, final String help, final String type)
    {
        PrometheusText.header(out, name, help, type);
    }

    private static void sample(final StringBuilder out, final String name, final String label, final String value, final long count)
    {
        out.append(name).append('{').append(label).append("=\"").append(value).append("\"} ").append(count).append('\n');
    }

    private static String lower(final String name)
    {
        return name.toLowerCase(Locale.ROOT);
    }

    private static LongAdder[] adders(final int count)
    {
        final LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++)
        {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
