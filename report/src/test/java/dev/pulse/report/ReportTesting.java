package dev.pulse.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

/** Shared set-up of the report's tests: reading a journal, writing the formats, parsing them back. */
public final class ReportTesting
{
    public static final long DAY_MS = 86_400_000L;
    /** 2026-11-24T00:00:00Z. */
    public static final long NOV_24 = Instant.parse("2026-11-24T00:00:00Z").toEpochMilli();
    public static final long GENERATED_AT = Instant.parse("2026-11-25T07:00:00Z").toEpochMilli();
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportTesting()
    {
    }

    public static Report read(final Path dataDir, final ReportRange range)
    {
        try
        {
            return JournalReportReader.read(dataDir.resolve("journal"), range, GENERATED_AT);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public static String render(final Report report, final ReportFormat format)
    {
        try
        {
            final StringWriter out = new StringWriter();
            format.write(report, out);
            return out.toString();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public static JsonNode json(final Report report)
    {
        try
        {
            return MAPPER.readTree(render(report, ReportFormat.JSON));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The JSON object of one trigger. */
    public static JsonNode trigger(final JsonNode report, final String trigger)
    {
        for (final JsonNode node : report.get("triggers"))
        {
            if (node.get("trigger").asText().equals(trigger))
            {
                return node;
            }
        }
        throw new AssertionError("no trigger " + trigger);
    }

    public static TriggerFigures trigger(final Report report, final String trigger)
    {
        return report.triggers().stream().filter(figures -> figures.trigger().equals(trigger)).findFirst()
            .orElseThrow(() -> new AssertionError("no trigger " + trigger));
    }

    public static QuestionFigures question(final Report report, final String question)
    {
        return report.questions().stream().filter(figures -> figures.question().equals(question)).findFirst()
            .orElseThrow(() -> new AssertionError("no question " + question));
    }

    /** The CSV as rows of column name to value, parsed per RFC 4180 (quotes, doubled quotes, CRLF). */
    public static List<Map<String, String>> csv(final String text)
    {
        final List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (quoted)
            {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"')
                {
                    field.append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.add(field.toString());
                field.setLength(0);
            }
            else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')
            {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
                i++;
            }
            else
            {
                field.append(c);
            }
        }
        final List<String> header = records.get(0);
        final List<Map<String, String>> rows = new ArrayList<>();
        for (final List<String> record : records.subList(1, records.size()))
        {
            if (record.size() != header.size())
            {
                throw new AssertionError("a row of " + record.size() + " fields, not " + header.size() + ": " + record);
            }
            final Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++)
            {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The one CSV row matching every given column (pairs of column, value). */
    public static Map<String, String> csvRow(final List<Map<String, String>> rows, final String... columnsAndValues)
    {
        final List<Map<String, String>> matches = rows.stream().filter(row ->
        {
            for (int i = 0; i < columnsAndValues.length; i += 2)
            {
                if (!Objects.equals(row.get(columnsAndValues[i]), columnsAndValues[i + 1]))
                {
                    return false;
                }
            }
            return true;
        }).toList();
        if (matches.size() != 1)
        {
            throw new AssertionError(matches.size() + " rows match " + List.of(columnsAndValues));
        }
        return matches.get(0);
    }

    /**
     * A proportion in percent with one decimal, by the report's stated rule (half up, on the decimal
     * Java prints for the double: 9/80 is 11.3, though 0.1125 * 100 is 11.249... in binary).
     */
    public static String points(final double proportion)
    {
        final String points = BigDecimal.valueOf(proportion).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return points.equals("-0.0") ? "0.0" : points;
    }

    /** Writes one complete window of a held-out or shadow session: start, signal, outcome, all at {@code timeMs}. */
    public static void unshownWindow(final TestJournal journal, final long timeMs, final long sid, final String trigger, final OutcomeGroup group,
        final OutcomeKind kind, final long durationMs)
    {
        journal.sessionStart(timeMs, sid, false)
            .signal(timeMs, sid, trigger, group == OutcomeGroup.HOLDOUT ? Verdict.HOLDOUT
                : Verdict.SHADOW, "q-" + trigger)
            .outcome(timeMs + durationMs, sid, kind, group, 0, durationMs, trigger, "q-" + trigger, "a", null, null);
    }

    /** Writes one complete window of a shown question, answered with {@code choice} unless it is null. */
    public static void shownWindow(final TestJournal journal, final long timeMs, final long sid, final String trigger, final String variant,
        final String choice, final OutcomeKind kind, final long durationMs)
    {
        journal.sessionStart(timeMs, sid, false)
            .signal(timeMs, sid, trigger, Verdict.SHOWN, "q-" + trigger)
            .shown(timeMs, sid, 1, trigger, "q-" + trigger, variant);
        if (choice != null)
        {
            journal.answer(timeMs + 1_000, sid, 1, "q-" + trigger, choice, "r-" + choice);
        }
        journal.outcome(timeMs + durationMs, sid, kind, OutcomeGroup.SHOWN, 1, durationMs, trigger, "q-" + trigger, variant, choice,
            choice == null ? null : "r-" + choice);
    }
}
