package dev.pulse.catalog.validate;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.detector.Threshold;
import dev.pulse.detect.governor.HoldoutUnit;

/** Checks the policy's numbers against their sane ranges, and its names against the known ones. */
final class PolicyValidator
{
    static final Threshold COOLDOWN = new Threshold("cooldown", Threshold.Unit.MILLIS, 300_000, 0, 86_400_000);
    static final Threshold MAX_QUESTIONS = new Threshold("max_questions_per_session", Threshold.Unit.COUNT, 2, 0, SessionStateFlyweight.ASKED_CAPACITY);
    static final Threshold PAGE_GRACE = new Threshold("page_grace", Threshold.Unit.MILLIS, 5_000, 0, 60_000);
    static final Threshold OUTCOME_WINDOW = new Threshold("outcome_window", Threshold.Unit.MILLIS, 600_000, 10_000, 86_400_000);
    static final Threshold SESSION_EXPIRY = new Threshold("session_expiry", Threshold.Unit.MILLIS, 1_800_000, 60_000, 7 * 86_400_000L);

    void validate(final CatalogModel.Policy policy, final Diagnostics diagnostics)
    {
        if (policy.cooldownMs() != null)
        {
            ValueChecks.range(policy.cooldownMs(), COOLDOWN, "cooldown", diagnostics);
        }
        if (policy.maxQuestionsPerSession() != null)
        {
            ValueChecks.range(policy.maxQuestionsPerSession(), MAX_QUESTIONS, "max_questions_per_session", diagnostics);
        }
        if (policy.pageGraceMs() != null)
        {
            ValueChecks.range(policy.pageGraceMs(), PAGE_GRACE, "page_grace", diagnostics);
        }
        if (policy.outcomeWindowMs() != null)
        {
            ValueChecks.range(policy.outcomeWindowMs(), OUTCOME_WINDOW, "outcome_window", diagnostics);
        }
        if (policy.sessionExpiryMs() != null)
        {
            ValueChecks.range(policy.sessionExpiryMs(), SESSION_EXPIRY, "session_expiry", diagnostics);
        }
        if (policy.holdoutUnit() != null && HoldoutUnit.ofCatalogName(policy.holdoutUnit().value()) == null)
        {
            ValueChecks.error(diagnostics, policy.holdoutUnit(), "unknown holdout_unit '" + policy.holdoutUnit().value() + "'",
                "the holdout is drawn per visitor (the default) or per trigger");
        }
    }
}
