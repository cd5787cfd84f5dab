package dev.pulse.loadtest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The outcome of a run: the percentile table on stdout, and under {@code --out} the
 * {@code summary.json} and one {@code .hgrm} per measure, exactly as {@code loadtest-contract.md}
 * lays them out. Correct means no missed or unexpected question, no lost ack, no server error,
 * and (without {@code --reconnect}) no connection that failed or was closed by the server.
 */
final class Report
{
    /** Close codes always listed in the summary, seen or not. */
    private static final int[] LISTED_CLOSES = {1000, 1001, 1006, 1008, 1009, 1011, 1013, 4001};
    private static final String[] MEASURES = {"question", "response", "ack", "connect", "send_lag"};

    private final RunSettings settings;
    private final int loops;
    private final LoopMeasurements total;
    private final long cpuNs;
    private final long loopCpuNs;
    private final double systemShare;

    /** {@code systemShare}: the part of {@code cpuNs} spent in the kernel, NaN where the platform does not say. */
    Report(final RunSettings settings, final int loops, final LoopMeasurements total, final long cpuNs, final long loopCpuNs,
        final double systemShare)
    {
        this.settings = settings;
        this.loops = loops;
        this.total = total;
        this.cpuNs = cpuNs;
        this.loopCpuNs = loopCpuNs;
        this.systemShare = systemShare;
    }

    LoopMeasurements measurements()
    {
        return total;
    }

    long missed()
    {
        return sum(total.missed);
    }

    long unexpected()
    {
        return sum(total.unexpected);
    }

    long received()
    {
        return sum(total.received);
    }

    long errors()
    {
        return sum(total.errors);
    }

    long unexpectedCloses()
    {
        return settings.reconnect() ? 0 : sum(total.closes);
    }

    long connectFailures()
    {
        return settings.reconnect() ? 0 : total.connectFailures;
    }

    boolean ok()
    {
        return missed() == 0 && unexpected() == 0 && total.acksLost == 0 && errors() == 0 &&
            unexpectedCloses() == 0 && connectFailures() == 0 && total.eventsSent > 0;
    }

    double cpuMicrosPerEvent()
    {
        return total.eventsSent == 0 ? 0 : cpuNs / 1_000.0 / total.eventsSent;
    }

    double eventsPerSecond()
    {
        return total.eventsSent * 1_000.0 / settings.durationMs();
    }

    private Histogram histogram(final int measure)
    {
        switch (measure)
        {
            case 0:
                return total.question;
            case 1:
                return total.response;
            case 2:
                return total.ack;
            case 3:
                return total.connect;
            default:
                return total.sendLag;
        }
    }

    // ---------------------------------------------------------------- the table

    void print(final PrintStream out)
    {
        out.printf("%-10s %10s %8s %8s %8s %8s %8s %9s   (µs)%n", "measure", "count", "p50", "p90", "p99", "p99.9", "p99.99", "max");
        for (int i = 0; i < MEASURES.length; i++)
        {
            final Histogram h = histogram(i);
            out.printf(Locale.ROOT, "%-10s %10d %8d %8d %8d %8d %8d %9d%n", MEASURES[i], h.getTotalCount(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99), h.getMaxValue());
        }
        out.printf(Locale.ROOT, "generator: %.1f µs CPU per event (%.1f s CPU for %,d events), %d loops%n",
            cpuMicrosPerEvent(), cpuNs / 1e9, total.eventsSent, loops);
        out.printf(Locale.ROOT, "generator loops: %.1f µs CPU per event on the event-loop threads (the rest: JIT, GC, other threads)%n",
            total.eventsSent == 0 ? 0 : loopCpuNs / 1_000.0 / total.eventsSent);
        if (!Double.isNaN(systemShare))
        {
            out.printf(Locale.ROOT, "generator kernel: %.1f µs of it per event in system time (%.0f%%: sends and reads on loopback " +
                "run both ends' TCP stacks), %.1f µs in user time%n",
                cpuMicrosPerEvent() * systemShare, systemShare * 100, cpuMicrosPerEvent() * (1 - systemShare));
        }
        out.printf(Locale.ROOT, "late: %,d events sent after their slot because their connection was not ready " +
            "(not in send_lag; their latencies count from the intended time)%n", total.eventsOwed);
        out.printf(Locale.ROOT, "connections: %d reconnects (%d resumed), %d connect failures, %d closes by the server%s%n",
            total.reconnects, total.resumed, total.connectFailures, sum(total.closes), closeDetail());
        if (total.reconnectGap.getTotalCount() > 0 || total.neverBack > 0)
        {
            out.printf(Locale.ROOT, "reconnect gap (loss to the next welcome): p50 %d ms, p99 %d ms, max %d ms; %d users never served again%n",
                total.reconnectGap.getValueAtPercentile(50) / 1_000, total.reconnectGap.getValueAtPercentile(99) / 1_000,
                total.reconnectGap.getMaxValue() / 1_000, total.neverBack);
        }
        if (total.carriesReceived > 0 || total.hellosWithCarry > 0)
        {
            out.printf(Locale.ROOT, "carry: %d carries received, %d hellos sent with one, %d answers to a question of the node left, refused by the next%n",
                total.carriesReceived, total.hellosWithCarry, total.orphanedAnswers);
        }
        out.printf(Locale.ROOT, "journeys:");
        for (final Journey journey : Journey.values())
        {
            final int i = journey.ordinal();
            if (total.runs[i] > 0)
            {
                out.printf(Locale.ROOT, " %s %d (asked %d, missed %d, late %d, unexpected %d, interrupted %d);", journey.wireName(),
                    total.runs[i], total.received[i], total.missed[i], total.late[i], total.unexpected[i], total.interrupted[i]);
            }
        }
        out.println();
        if (ok())
        {
            out.println("correctness: OK");
        }
        else
        {
            out.printf(Locale.ROOT, "correctness: FAILED: %d missed, %d unexpected, %d acks lost, %d errors%s, %d closes%s, %d connect failures%s%n",
                missed(), unexpected(), total.acksLost, errors(), errorDetail(), sum(total.closes), closeDetail(),
                total.connectFailures, total.eventsSent == 0 ? ", no event sent" : "");
        }
    }

    private String errorDetail()
    {
        final StringBuilder detail = new StringBuilder();
        for (int i = 0; i < total.errors.length; i++)
        {
            if (total.errors[i] > 0)
            {
                detail.append(detail.length() == 0 ? " (" : ", ").append(ErrorCodes.NAMES[i]).append(' ').append(total.errors[i]);
            }
        }
        return detail.length() == 0 ? "" : detail.append(')').toString();
    }

    private String closeDetail()
    {
        final StringBuilder detail = new StringBuilder();
        for (int code = 0; code < total.closes.length; code++)
        {
            if (total.closes[code] > 0)
            {
                detail.append(detail.length() == 0 ? " (" : ", ").append(code).append(": ").append(total.closes[code]);
            }
        }
        return detail.length() == 0 ? "" : detail.append(')').toString();
    }

    // ---------------------------------------------------------------- the files

    /** Writes {@code summary.json} and the {@code .hgrm} files into {@code dir} (made if missing). */
    void write(final Path dir) throws IOException
    {
        Files.createDirectories(dir);
        for (int i = 0; i < MEASURES.length; i++)
        {
            try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve(MEASURES[i] + ".hgrm")), false, StandardCharsets.UTF_8))
            {
                histogram(i).outputPercentileDistribution(out, 1.0);
            }
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("summary.json"));
            JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8))
        {
            json.useDefaultPrettyPrinter();
            writeSummary(json);
        }
    }

    private void writeSummary(final JsonGenerator json) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("url", settings.url().toString());
        json.writeNumberField("sessions", settings.sessions());
        json.writeNumberField("rate", settings.rate());
        json.writeNumberField("duration_s", settings.durationMs() / 1_000.0);
        json.writeNumberField("warmup_s", settings.warmupMs() / 1_000.0);
        json.writeStringField("mix", settings.mix().toString());
        json.writeNumberField("events_sent", total.eventsSent);
        json.writeNumberField("events_per_s", eventsPerSecond());

        json.writeObjectFieldStart("generator");
        json.writeNumberField("cpu_us_per_event", cpuMicrosPerEvent());
        json.writeNumberField("cpu_s", cpuNs / 1e9);
        if (!Double.isNaN(systemShare))
        {
            json.writeNumberField("cpu_system_share", systemShare);
        }
        json.writeNumberField("loops", loops);
        json.writeFieldName("send_lag_us");
        writeHistogram(json, total.sendLag);
        json.writeEndObject();

        json.writeObjectFieldStart("latency_us");
        for (int i = 0; i < MEASURES.length - 1; i++)
        {
            json.writeFieldName(MEASURES[i]);
            writeHistogram(json, histogram(i));
        }
        json.writeEndObject();

        json.writeObjectFieldStart("correctness");
        json.writeNumberField("questions_expected", received() + missed());
        json.writeNumberField("questions_received", received());
        json.writeNumberField("missed", missed());
        json.writeNumberField("unexpected", unexpected());
        json.writeNumberField("acks_lost", total.acksLost);
        json.writeObjectFieldStart("errors");
        for (int i = 0; i < total.errors.length; i++)
        {
            json.writeNumberField(ErrorCodes.NAMES[i], total.errors[i]);
        }
        json.writeEndObject();
        json.writeObjectFieldStart("closes");
        for (int code = 0; code < total.closes.length; code++)
        {
            if (total.closes[code] > 0 || isListed(code))
            {
                json.writeNumberField(Integer.toString(code), total.closes[code]);
            }
        }
        json.writeEndObject();
        json.writeNumberField("connect_failures", total.connectFailures);
        json.writeNumberField("reconnects", total.reconnects);
        json.writeNumberField("resumed", total.resumed);
        json.writeNumberField("never_back", total.neverBack);
        json.writeFieldName("reconnect_gap_us");
        writeHistogram(json, total.reconnectGap);
        json.writeEndObject();

        json.writeObjectFieldStart("carry");
        json.writeNumberField("received", total.carriesReceived);
        json.writeNumberField("hellos_with_carry", total.hellosWithCarry);
        json.writeNumberField("orphaned_answers", total.orphanedAnswers);
        json.writeEndObject();

        json.writeBooleanField("ok", ok());
        json.writeEndObject();
    }

    private static void writeHistogram(final JsonGenerator json, final Histogram h) throws IOException
    {
        json.writeStartObject();
        json.writeNumberField("count", h.getTotalCount());
        json.writeNumberField("p50", (double)h.getValueAtPercentile(50));
        json.writeNumberField("p90", (double)h.getValueAtPercentile(90));
        json.writeNumberField("p99", (double)h.getValueAtPercentile(99));
        json.writeNumberField("p99_9", (double)h.getValueAtPercentile(99.9));
        json.writeNumberField("p99_99", (double)h.getValueAtPercentile(99.99));
        json.writeNumberField("max", (double)h.getMaxValue());
        json.writeNumberField("mean", h.getTotalCount() == 0 ? 0.0 : h.getMean());
        json.writeEndObject();
    }

    private static boolean isListed(final int code)
    {
        for (final int listed : LISTED_CLOSES)
        {
            if (listed == code)
            {
                return true;
            }
        }
        return false;
    }

    private static long sum(final long[] counts)
    {
        long sum = 0;
        for (final long count : counts)
        {
            sum += count;
        }
        return sum;
    }
}
