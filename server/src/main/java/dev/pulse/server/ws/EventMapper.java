package dev.pulse.server.ws;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.Event;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.PagePath;

/**
 * The core's {@link Event} for a decoded message: its strings hashed, a page's path normalised and
 * given its kind by the one catalog the event is judged by. The event and the path are reused.
 *
 * <p>Not thread-safe: one per event loop.
 */
final class EventMapper
{
    private final Event event = new Event();
    private final PagePath pagePath = new PagePath();

    /** The event for {@code message} (valid, not a hello, answer or dismiss), with page kinds of {@code catalog}. */
    Event toEvent(final DecodedMessage message, final CompiledCatalog catalog)
    {
        event.reset(message.type().eventType());
        switch (message.type())
        {
            case PAGE:
                pagePath.normalise(message.url().array(), 0, message.url().length());
                event.page(pagePath.hash(), catalog.pageKindOf(pagePath), message.nav());
                break;
            case VISIBILITY:
                event.hidden(message.hidden());
                break;
            case CLICK:
                event.click(Hash64.of(message.target()), message.x(), message.y());
                break;
            case SEARCH:
                event.resultCount(message.results()).searchIntent(message.searchIntent);
                break;
            case FORM_ERROR:
                event.formError(Hash64.of(message.form()), Hash64.of(message.field()));
                break;
            case GOAL:
                event.goal(Hash64.of(message.name()));
                break;
            default:
                break;
        }
        return event;
    }

    /** An iid as the server writes them: a positive decimal int; anything else is 0 (never open). */
    static int parseIid(final CharField iid)
    {
        final int length = iid.length();
        if (length == 0 || length > 9)
        {
            return 0;
        }
        int value = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = iid.charAt(i);
            if (c < '0' || c > '9')
            {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
