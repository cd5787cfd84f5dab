package dev.pulse.server.ws;

import dev.pulse.server.auth.VisitorId;
import dev.pulse.server.protocol.ErrorCode;

/**
 * What a well-formed message must carry (docs/protocol.md): a known type; a hello its version (and
 * a well-formed {@code vid} if it has one);
 * every other message a positive seq and the fields of its type. Checked after the fields are read,
 * so a message missing several things is told the first of them.
 */
final class MessageRules
{
    private MessageRules()
    {
    }

    /** Rejects {@code out} (read without error) if it lacks what its type needs; {@code unknownType}: its t named no type. */
    static void check(final DecodedMessage out, final boolean unknownType)
    {
        if (out.type == null)
        {
            out.reject(unknownType ? ErrorCode.UNKNOWN_TYPE : ErrorCode.BAD_MESSAGE, unknownType ? "unknown message type" : "t is missing");
            return;
        }
        if (out.type == MessageType.HELLO)
        {
            if (!out.hasVersion)
            {
                out.reject(ErrorCode.BAD_MESSAGE, "hello needs v");
            }
            else if (out.vid.present() && !VisitorId.isValid(out.vid))
            {
                out.reject(ErrorCode.BAD_MESSAGE, VisitorId.RULE);
            }
            return;
        }
        if (!out.hasSeq || out.seq < 1)
        {
            out.reject(ErrorCode.BAD_MESSAGE, out.hasSeq ? "seq is a positive integer" : "seq is missing");
            return;
        }
        switch (out.type)
        {
            case PAGE:
                require(out.url.present() && out.nav != null, "page needs url and nav", out);
                break;
            case VISIBILITY:
                require(out.hidden >= 0, "visibility needs hidden", out);
                break;
            case CLICK:
                require(out.target.present() && out.hasX && out.hasY, "click needs target, x and y", out);
                break;
            case SEARCH:
                require(out.hasResults && out.results >= 0, "search needs results, an integer of at least 0", out);
                break;
            case FORM_ERROR:
                require(out.form.present() && out.field.present(), "form_error needs form and field", out);
                break;
            case GOAL:
                require(out.name.present(), "goal needs name", out);
                break;
            case ANSWER:
                require(out.iid.present() && out.choice.present(), "answer needs iid and choice", out);
                break;
            case DISMISS:
                require(out.iid.present(), "dismiss needs iid", out);
                break;
            case FEEDBACK:
                require(out.iid.present() && out.helpful >= 0, "feedback needs iid and helpful, true or false", out);
                break;
            default:
                break;
        }
    }

    private static void require(final boolean condition, final String detail, final DecodedMessage out)
    {
        if (!condition)
        {
            out.reject(ErrorCode.BAD_MESSAGE, detail);
        }
    }
}
