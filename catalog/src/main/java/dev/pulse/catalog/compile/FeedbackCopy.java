package dev.pulse.catalog.compile;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;

/**
 * The words of "Did this help?" under a response: the question, the two buttons and the thanks
 * the widget shows after a click. The catalog's {@code site.feedback_copy} gives any of them (a
 * site in another language gives all four); the rest keep these defaults.
 */
public record FeedbackCopy(String question, String yes, String no, String thanks)
{
    public static final FeedbackCopy DEFAULT = new FeedbackCopy("Did this help?", "Yes", "No", "Thanks for telling us.");

    /** The site's wording, each part it leaves out taken from {@link #DEFAULT}. */
    static FeedbackCopy of(final CatalogModel.Feedback feedback)
    {
        return new FeedbackCopy(or(feedback.question(), DEFAULT.question), or(feedback.yes(), DEFAULT.yes), or(feedback.no(), DEFAULT.no),
            or(feedback.thanks(), DEFAULT.thanks));
    }

    private static String or(final Located<String> value, final String otherwise)
    {
        return value == null ? otherwise : value.value();
    }
}
