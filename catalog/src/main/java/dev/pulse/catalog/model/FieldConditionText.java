package dev.pulse.catalog.model;

import java.util.regex.Pattern;

import dev.pulse.catalog.source.Node;
import dev.pulse.detect.detector.BackendFieldCondition.Operator;

/**
 * How a {@code backend_event} trigger writes a condition on a field, read once at load: a number
 * ({@code amount: 100}) means "equals this number", text that starts with {@code >}, {@code >=},
 * {@code <}, {@code <=} or {@code ==} compares the field's number ({@code amount: ">= 100"}), any
 * other text must equal the field's text ({@code reason: card_declined}).
 *
 * @param operator how the field is compared.
 * @param number   the number a numeric operator compares with (NaN for text).
 * @param text     the text the field must equal (null for a numeric operator).
 */
public record FieldConditionText(Operator operator, double number, String text)
{
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final String[] SYMBOLS = {">=", "<=", "==", ">", "<"};

    /**
     * The condition {@code value} writes.
     *
     * @throws IllegalArgumentException with what is wrong, for a comparison without a number or empty text.
     */
    public static FieldConditionText parse(final Located<String> value)
    {
        final String written = value.value();
        if (value.node() instanceof Node.ScalarNode && ((Node.ScalarNode)value.node()).kind() == Node.ScalarKind.NUMBER)
        {
            return new FieldConditionText(Operator.NUMBER_EQUALS, number(written, written), null);
        }
        final String trimmed = written.trim();
        for (final String symbol : SYMBOLS)
        {
            if (trimmed.startsWith(symbol))
            {
                return new FieldConditionText(Operator.ofSymbol(symbol), number(trimmed.substring(symbol.length()).trim(), written), null);
            }
        }
        if (trimmed.isEmpty())
        {
            throw new IllegalArgumentException("a field condition needs a value");
        }
        return new FieldConditionText(Operator.TEXT_EQUALS, Double.NaN, written);
    }

    private static double number(final String text, final String written)
    {
        if (!NUMBER.matcher(text).matches())
        {
            throw new IllegalArgumentException("'" + written + "' compares with no number");
        }
        return Double.parseDouble(text);
    }
}
