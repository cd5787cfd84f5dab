package dev.pulse.server.decide;

import dev.pulse.catalog.compile.CompiledQuestion;
import dev.pulse.catalog.compile.QuestionCopy;
import dev.pulse.catalog.compile.ResponseCopy;
import dev.pulse.server.protocol.ErrorCode;

/**
 * What one call of the {@link SessionMachine} produced for the person: a question to show, a
 * response to an answer, or why an answer or dismiss was refused. The live server turns these into
 * frames; a replay only counts them. Reused: cleared at the start of every call.
 */
public final class Effects
{
    CompiledQuestion question;
    QuestionCopy questionCopy;
    int questionIid;
    ResponseCopy response;
    String responseChoiceId;
    int responseIid;
    ErrorCode refusal;
    String refusalDetail;

    void clear()
    {
        question = null;
        questionCopy = null;
        questionIid = 0;
        response = null;
        responseChoiceId = null;
        responseIid = 0;
        refusal = null;
        refusalDetail = null;
    }

    /** The question to show, or null. */
    public CompiledQuestion question()
    {
        return question;
    }

    public QuestionCopy questionCopy()
    {
        return questionCopy;
    }

    public int questionIid()
    {
        return questionIid;
    }

    /** The response to show for an answer, or null. */
    public ResponseCopy response()
    {
        return response;
    }

    public String responseChoiceId()
    {
        return responseChoiceId;
    }

    public int responseIid()
    {
        return responseIid;
    }

    /** Why an answer or dismiss was refused ({@code unknown_intervention}, {@code unknown_choice}), or null. */
    public ErrorCode refusal()
    {
        return refusal;
    }

    public String refusalDetail()
    {
        return refusalDetail;
    }
}
