package dev.pulse.catalog.validate;

import java.util.Map;
import java.util.regex.Pattern;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.FieldConditionText;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.detect.Event;
import dev.pulse.detect.detector.DetectorKind;

import static dev.pulse.catalog.validate.ValueChecks.error;

/**
 * Checks a trigger's {@code event} and {@code fields}: a {@code backend_event} trigger names its
 * event, other detectors take neither, and each field condition is text or a comparison with a
 * number, at most as many as an event carries fields.
 */
final class BackendEventValidator
{
    /** Backend event names and field keys: what a backend would write, and nothing a typo hides in (spaces, quotes). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private BackendEventValidator()
    {
    }

    static void validate(final CatalogModel.Trigger trigger, final DetectorKind detector, final Diagnostics diagnostics)
    {
        if (detector != DetectorKind.BACKEND_EVENT)
        {
            if (trigger.backendEvent() != null)
            {
                error(diagnostics, trigger.backendEvent(), "only a backend_event trigger takes 'event'",
                    "use detector: backend_event, or remove 'event'");
            }
            if (!trigger.backendFields().isEmpty())
            {
                error(diagnostics, trigger.backendFields().values().iterator().next(), "only a backend_event trigger takes 'fields'",
                    "use detector: backend_event, or remove 'fields'");
            }
            return;
        }
        if (trigger.backendEvent() == null)
        {
            diagnostics.error(trigger.node(), trigger.path() + ".event", "a backend_event trigger needs the event's name",
                "e.g. event: payment_declined, as the backend posts it");
        }
        else if (!NAME.matcher(trigger.backendEvent().value()).matches())
        {
            error(diagnostics, trigger.backendEvent(), "'" + trigger.backendEvent().value() + "' is not a backend event name",
                "use letters, digits, '_', '.', ':' or '-', at most 64, as the backend posts it");
        }
        if (trigger.backendFields().size() > Event.BACKEND_FIELD_CAPACITY)
        {
            diagnostics.error(trigger.node(), trigger.path() + ".fields", trigger.backendFields().size() +
                " field conditions, but an event carries at most " + Event.BACKEND_FIELD_CAPACITY + " fields", "keep the ones that matter");
        }
        for (final Map.Entry<String, Located<String>> field : trigger.backendFields().entrySet())
        {
            if (!NAME.matcher(field.getKey()).matches())
            {
                error(diagnostics, field.getValue(), "'" + field.getKey() + "' is not a field name",
                    "use letters, digits, '_', '.', ':' or '-', at most 64");
            }
            try
            {
                FieldConditionText.parse(field.getValue());
            }
            catch (final IllegalArgumentException malformed)
            {
                error(diagnostics, field.getValue(), malformed.getMessage(),
                    "write text to match (reason: card_declined) or a comparison (amount: \">= 100\"; also >, <, <=, ==)");
            }
        }
    }
}
