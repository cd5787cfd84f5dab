package dev.pulse.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * Writes the report's one tidy table (RFC 4180: CRLF, fields quoted when needed). Every row is one
 * number, or one short text, named by the columns before it:
 * <pre>
 *   section, trigger, question, variant, choice, response, group, key, metric, value, ci_low, ci_high
 * </pre>
 * Text from the journal that a spreadsheet would run as a formula (starting with = + - @) gets a
 * leading apostrophe. Not thread-safe.
 */
public final class CsvTable
{
    public static final String HEADER = "section,trigger,question,variant,choice,response,group,key,metric,value,ci_low,ci_high";

    private final Writer out;

    CsvTable(final Writer out) throws IOException
    {
        this.out = out;
        out.write(HEADER);
        out.write("\r\n");
    }

    /** The columns that say what a row is about; blank ones are "". */
    record Row(String section, String trigger, String question, String variant, String choice, String response, String group,
        String key)
    {
        static Row of(final String section)
        {
            return new Row(section, "", "", "", "", "", "", "");
        }

        Row trigger(final String value)
        {
            return new Row(section, value, question, variant, choice, response, group, key);
        }

        Row question(final String value)
        {
            return new Row(section, trigger, value, variant, choice, response, group, key);
        }

        Row variant(final String value)
        {
            return new Row(section, trigger, question, value, choice, response, group, key);
        }

        Row answer(final String choiceValue, final String responseValue)
        {
            return new Row(section, trigger, question, variant, choiceValue, responseValue, group, key);
        }

        Row group(final String value)
        {
            return new Row(section, trigger, question, variant, choice, response, value, key);
        }

        Row key(final String value)
        {
            return new Row(section, trigger, question, variant, choice, response, group, value);
        }
    }

    void count(final Row row, final String metric, final long value) throws IOException
    {
        line(row, metric, Long.toString(value), "", "");
    }

    void text(final Row row, final String metric, final String value) throws IOException
    {
        line(row, metric, field(value), "", "");
    }

    /** A proportion, unrounded, with its interval (blank when there is none). */
    void proportion(final Row row, final String metric, final double value, final Interval interval) throws IOException
    {
        line(row, metric, number(value), interval == null ? "" : number(interval.low()), interval == null ? "" : number(interval.high()));
    }

    private void line(final Row row, final String metric, final String value, final String low, final String high) throws IOException
    {
        final String[] fields = {field(row.section()), field(row.trigger()), field(row.question()), field(row.variant()),
            field(row.choice()), field(row.response()), field(row.group()), field(row.key()), field(metric), value, low, high};
        out.write(String.join(",", fields));
        out.write("\r\n");
    }

    /** A plain decimal, never exponent notation: 1.0E-4 is "0.0001"; NaN is blank. */
    static String number(final double value)
    {
        return Double.isNaN(value) ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Quoted when it holds a comma, quote or line break; guarded when a spreadsheet would take it for a formula. */
    static String field(final String text)
    {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0)
        {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)
        {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
