package dev.pulse.catalog.compile;

/**
 * A response's hand-off to a person, ready to serve. Immutable.
 *
 * @param linkLabel   the chat or call button's label, or null when the hand-off is by webhook only.
 * @param linkUrl     its URL (a safe one, as a call to action's), or null.
 * @param webhookUrl  the support tool's endpoint (https, or http to this machine), or null.
 * @param hours       when someone answers.
 * @param unavailable what the widget says outside the hours.
 */
public record CompiledHandoff(String linkLabel, String linkUrl, String webhookUrl, OfficeHours hours, String unavailable)
{
    /** The channel journaled and reported: {@code link}, {@code webhook} or {@code link+webhook}. */
    public String channel()
    {
        if (linkUrl == null)
        {
            return "webhook";
        }
        return webhookUrl == null ? "link" : "link+webhook";
    }
}
