package dev.pulse.catalog.compile;

/**
 * The words of one response as one session sees them.
 *
 * @param segmentId the context segment, or null when none applied.
 * @param ctaLabel  the call to action's label, or null when there is none.
 * @param ctaUrl    its URL (relative or https), or null.
 */
public record ResponseCopy(String segmentId, String title, String body, String ctaLabel, String ctaUrl)
{
}
