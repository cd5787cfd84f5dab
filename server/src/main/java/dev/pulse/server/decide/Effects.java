package dev.pulse.server.decide;

import dev.pulse.catalog.compile.CompiledHandoff;
import dev.pulse.catalog.compile.CompiledQuestion;
import dev.pulse.catalog.compile.FeedbackCopy;
import dev.pulse.catalog.compile.QuestionCopy;
import dev.pulse.catalog.compile.ResponseCopy;
import dev.pulse.server.protocol.ErrorCode;

/**
 * What one call of the {@link SessionMachine} produced for the person: a question to show, a
 * response to an answer, or why an answer, dismiss or feedback was refused. The machine writes here and its
 * caller reads here, with no copy in between: the live server's connection outbox is one of these
 * (it adds what the protocol produced around the machine), a replay or the sweeper uses a plain
 * one. Reused: the machine clears it at the start of every call.
 */
public class Effects
{
    CompiledQuestion question;
    QuestionCopy questionCopy;
    int questionIid;
    long questionCatalogVersion;
    ResponseCopy response;
    /** The response's title, body and button label as this person reads them: templates filled. */
    final StringBuilder responseTitle = new StringBuilder(128);
    final StringBuilder responseBody = new StringBuilder(1024);
    final StringBuilder responseCtaLabel = new StringBuilder(64);
    String responseChoiceId;
    int responseIid;
    FeedbackCopy responseFeedback;
    CompiledHandoff handoff;
    boolean handoffAvailable;
    ErrorCode refusal;
    String refusalDetail;

    /** Forgets the machine's effects (the start of a call, or a change that was not committed). */
    protected final void clearEffects()
    {
        question = null;
        questionCopy = null;
        questionIid = 0;
        questionCatalogVersion = 0;
        response = null;
        responseTitle.setLength(0);
        responseBody.setLength(0);
        responseCtaLabel.setLength(0);
        responseChoiceId = null;
        responseIid = 0;
        responseFeedback = null;
        handoff = null;
        handoffAvailable = false;
        refusal = null;
        refusalDetail = null;
    }

    /** The question to show, or null. */
    public final CompiledQuestion question()
    {
        return question;
    }

    public final QuestionCopy questionCopy()
    {
        return questionCopy;
    }

    public final int questionIid()
    {
        return questionIid;
    }

    /** The version hash of the catalog that asked the question (its question_unseen record names it). */
    public final long questionCatalogVersion()
    {
        return questionCatalogVersion;
    }

    /** The response to show for an answer, or null. */
    public final ResponseCopy response()
    {
        return response;
    }

    /** The response's title with its placeholders filled (empty without a response). */
    public final CharSequence responseTitle()
    {
        return responseTitle;
    }

    /** The response's body with its placeholders filled. */
    public final CharSequence responseBody()
    {
        return responseBody;
    }

    /** The call to action's label with its placeholders filled (empty without one). */
    public final CharSequence responseCtaLabel()
    {
        return responseCtaLabel;
    }

    public final String responseChoiceId()
    {
        return responseChoiceId;
    }

    public final int responseIid()
    {
        return responseIid;
    }

    /** The wording of "Did this help?" when the response asks it, or null. */
    public final FeedbackCopy responseFeedback()
    {
        return responseFeedback;
    }

    /** The hand-off of a response of kind handoff, or null. */
    public final CompiledHandoff handoff()
    {
        return handoff;
    }

    /** Whether someone answers the hand-off now (within its office hours). */
    public final boolean handoffAvailable()
    {
        return handoffAvailable;
    }

    /** Why an answer or dismiss was refused ({@code unknown_intervention}, {@code unknown_choice}), or null. */
    public final ErrorCode refusal()
    {
        return refusal;
    }

    public final String refusalDetail()
    {
        return refusalDetail;
    }
}
