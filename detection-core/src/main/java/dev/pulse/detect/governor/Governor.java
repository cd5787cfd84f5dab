package dev.pulse.detect.governor;

import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerMode;

/**
 * Decides whether a signal becomes a question: the whole fatigue policy in one place. Rules, in
 * the order they are checked (the first that says no names the verdict):
 * <ol>
 *   <li>a shadow trigger is recorded, never shown (subject only to its own cooldown);</li>
 *   <li>a higher-priority trigger acted on the same event;</li>
 *   <li>nothing after a dismiss (if the policy says so);</li>
 *   <li>at most N questions per session;</li>
 *   <li>never the same question twice;</li>
 *   <li>at most one open question;</li>
 *   <li>a cooldown after any question, counted from its display; an urgent trigger skips it;</li>
 *   <li>the trigger's own cooldown;</li>
 *   <li>nothing in the first seconds of a page view, unless the trigger allows it: the signal is
 *       deferred (one per session at a time) and decided again when the grace has passed, if
 *       the person is still on that page view; patterns completed by a page view, like a third
 *       back, would otherwise never be asked;</li>
 *   <li>the holdout draw ({@link HoldoutDraw}; per visitor by default, so a control visitor is
 *       held out of every trigger in every session): a held-out signal is shown nothing but counts
 *       as asked, so that both groups see the same fatigue rules and the report compares like
 *       with like.</li>
 * </ol>
 * Decisions are written to the session record (asked list, cooldowns, the open question).
 * Immutable and allocation-free; one instance per catalog version.
 */
public final class Governor
{
    private final GovernorPolicy policy;

    public Governor(final GovernorPolicy policy)
    {
        this.policy = policy;
    }

    public GovernorPolicy policy()
    {
        return policy;
    }

    /**
     * Decides on one signal of {@code trigger} and records the decision in the session.
     *
     * @param higherPriorityActed whether a trigger of higher priority was shown, held out or
     *                            deferred on this same event.
     */
    public Verdict decide(
        final SessionStateFlyweight state, final Trigger trigger, final long nowMs, final boolean higherPriorityActed)
    {
        final int slot = state.triggerMemory().slot(trigger.key());
        final long triggerActedMs = state.triggerMemory().actedMs(slot);
        final boolean inTriggerCooldown = triggerActedMs > 0 && nowMs - triggerActedMs < trigger.cooldownMs();

        if (trigger.mode() == TriggerMode.SHADOW)
        {
            if (inTriggerCooldown)
            {
                return Verdict.SUPPRESSED_TRIGGER_COOLDOWN;
            }
            state.triggerMemory().recordActed(trigger.key(), nowMs);
            return Verdict.SHADOW;
        }
        if (higherPriorityActed)
        {
            return Verdict.SUPPRESSED_LOWER_PRIORITY;
        }
        if (policy.silentAfterDismiss() && state.questions().dismissed())
        {
            return Verdict.SUPPRESSED_AFTER_DISMISS;
        }
        if (state.questions().askedCount() >= policy.maxQuestionsPerSession())
        {
            return Verdict.SUPPRESSED_SESSION_CAP;
        }
        if (state.questions().wasAsked(trigger.questionKey()))
        {
            return Verdict.SUPPRESSED_ALREADY_ASKED;
        }
        if (state.questions().openIid() != 0)
        {
            return Verdict.SUPPRESSED_OPEN_QUESTION;
        }
        final long lastShownMs = state.questions().lastShownMs();
        if (!trigger.urgent() && lastShownMs > 0 && nowMs - lastShownMs < policy.cooldownMs())
        {
            return Verdict.SUPPRESSED_COOLDOWN;
        }
        if (inTriggerCooldown)
        {
            return Verdict.SUPPRESSED_TRIGGER_COOLDOWN;
        }
        final long graceEndsMs = state.currentPageEnteredMs() + policy.pageGraceMs();
        if (!trigger.ignoresPageGrace() && nowMs < graceEndsMs)
        {
            if (state.questions().pendingTriggerKey() != 0)
            {
                return Verdict.SUPPRESSED_PAGE_GRACE;
            }
            state.questions().pending(trigger.key(), graceEndsMs);
            return Verdict.DEFERRED;
        }

        state.questions().addAsked(trigger.questionKey());
        state.questions().lastShownMs(nowMs);
        state.triggerMemory().recordActed(trigger.key(), nowMs);
        if (HoldoutDraw.isHoldout(state, trigger.key(), policy))
        {
            return Verdict.HOLDOUT;
        }
        state.questions().openQuestion(state.questions().nextIid(), trigger.questionKey(), trigger.key(), nowMs);
        return Verdict.SHOWN;
    }

    /** Whether {@code iid} names the session's open question (an answer or dismiss may refer to it). */
    public boolean isOpen(final SessionStateFlyweight state, final int iid)
    {
        return iid != 0 && state.questions().openIid() == iid;
    }

    /**
     * The person answered the open question {@code iid}: it closes.
     *
     * @return false if {@code iid} is not open (unknown, answered, dismissed or expired).
     */
    public boolean onAnswer(final SessionStateFlyweight state, final int iid)
    {
        if (!isOpen(state, iid))
        {
            return false;
        }
        state.questions().closeOpenQuestion();
        return true;
    }

    /**
     * The person closed the open question {@code iid} without answering: it closes, and the
     * session is marked dismissed.
     *
     * @return false if {@code iid} is not open.
     */
    public boolean onDismiss(final SessionStateFlyweight state, final int iid)
    {
        if (!isOpen(state, iid))
        {
            return false;
        }
        state.questions().closeOpenQuestion();
        state.questions().dismissed(true);
        return true;
    }

    /** A new page view expires the open question: the widget that showed it is gone with the page. */
    public void onPageView(final SessionStateFlyweight state)
    {
        state.questions().closeOpenQuestion();
    }
}
