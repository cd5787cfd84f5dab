package dev.pulse.catalog.validate;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Durations;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.model.Suggestions;
import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.detector.Threshold;

/**
 * The checks every part of a catalog shares, each on one located value: ids (valid, unique, with a
 * distinct hash), copy (present and short enough), references to page kinds, numbers in their sane
 * range, context segments. Each reports to the diagnostics at the value's place and returns.
 */
final class ValueChecks
{
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private ValueChecks()
    {
    }

    static boolean uniqueId(final Located<String> id, final boolean duplicate, final String what, final Diagnostics diagnostics)
    {
        validId(id, diagnostics);
        if (duplicate)
        {
            error(diagnostics, id, "the " + what + " id '" + id.value() + "' is defined twice", "ids must be unique; rename one");
            return false;
        }
        return true;
    }

    /** Session records remember questions, triggers and page kinds by a 32-bit hash of their id; it must be unique and non-zero. */
    static boolean distinctKey(final Located<String> id, final Set<Integer> keys, final Diagnostics diagnostics)
    {
        final int key = Hash64.key32(id.value());
        if (key == 0 || !keys.add(key))
        {
            error(diagnostics, id, "the id '" + id.value() + "' collides with another id's hash", "rename it (any small change will do)");
            return false;
        }
        return true;
    }

    static void validId(final Located<String> id, final Diagnostics diagnostics)
    {
        if (!ID.matcher(id.value()).matches())
        {
            error(diagnostics, id, "'" + id.value() + "' is not a valid id", "use letters, digits, '-', '_' or '.', at most 64");
        }
    }

    static void notEmpty(final Located<String> text, final int maxLength, final Diagnostics diagnostics)
    {
        if (text == null)
        {
            return;
        }
        if (text.value().isBlank())
        {
            error(diagnostics, text, "the text is empty", "write the copy the customer will read");
        }
        else if (text.value().length() > maxLength)
        {
            error(diagnostics, text, "the text is " + text.value().length() + " characters long; at most " + maxLength + " fit",
                "shorten it: the widget is small");
        }
    }

    static boolean unknownKind(final Located<String> kind, final Map<String, CatalogModel.PageKind> kinds, final Diagnostics diagnostics)
    {
        if (kinds.containsKey(kind.value()))
        {
            return false;
        }
        final String nearest = Suggestions.nearest(kind.value(), kinds.keySet());
        error(diagnostics, kind, "unknown page kind '" + kind.value() + "'",
            nearest != null ? "did you mean '" + nearest + "'?" : "page kinds are defined under 'pages'");
        return true;
    }

    /** A question's or a response's segment: its id unique among {@code ids} (its {@code when} is the {@link WhenValidator}'s). */
    static void segmentId(final CatalogModel.Segment segment, final Set<String> ids, final Diagnostics diagnostics)
    {
        if (segment.id() != null && !ids.add(segment.id().value()))
        {
            error(diagnostics, segment.id(), "the segment id '" + segment.id().value() + "' is used twice", "give each segment its own id");
        }
    }

    static void error(final Diagnostics diagnostics, final Located<?> value, final String message, final String hint)
    {
        diagnostics.error(value.node(), value.path(), message, hint);
    }

    static void range(final Located<Long> value, final Threshold threshold, final String what, final Diagnostics diagnostics)
    {
        if (!threshold.accepts(value.value()))
        {
            final boolean millis = threshold.unit() == Threshold.Unit.MILLIS;
            error(diagnostics, value, what + " " + (millis ? Durations.format(value.value()) : value.value()) +
                " is out of its sane range [" + (millis ? Durations.format(threshold.min()) : threshold.min()) + ", " +
                (millis ? Durations.format(threshold.max()) : threshold.max()) + "]", "the default is " +
                (millis ? Durations.format(threshold.defaultValue()) : threshold.defaultValue()));
        }
    }

    /** For the trigger validator: the detector kind of a name, or null (the reader reported it). */
    static DetectorKind detector(final Located<String> name)
    {
        return name == null ? null : DetectorKind.fromCatalogName(name.value());
    }
}
