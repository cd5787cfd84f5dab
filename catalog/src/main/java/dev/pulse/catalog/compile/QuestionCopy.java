package dev.pulse.catalog.compile;

import java.util.List;

/**
 * The words of one question as one session sees them: its text and its choices' labels, for one
 * copy variant and context segment.
 *
 * @param variantId the A/B variant ({@code default} when the question has none).
 * @param segmentId the context segment, or null when none applied.
 * @param labels    the choice labels, in choice order.
 */
public record QuestionCopy(String variantId, String segmentId, String text, List<String> labels)
{
}
