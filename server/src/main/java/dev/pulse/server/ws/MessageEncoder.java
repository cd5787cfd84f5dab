package dev.pulse.server.ws;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import dev.pulse.catalog.compile.CompiledHandoff;
import dev.pulse.catalog.compile.CompiledQuestion;
import dev.pulse.catalog.compile.QuestionCopy;
import dev.pulse.catalog.compile.FeedbackCopy;
import dev.pulse.catalog.compile.ResponseCopy;
import dev.pulse.server.protocol.ErrorCode;
import dev.pulse.server.session.SessionId;

/**
 * Encodes server-to-client messages (docs/protocol.md) straight into pooled buffers. Questions
 * and responses carry only catalog text, never anything a client sent. Stateless.
 */
public final class MessageEncoder
{
    private MessageEncoder()
    {
    }

    /** A welcome without allowed query parameters ({@code "keep_query":[]}). */
    public static TextWebSocketFrame welcome(
        final ByteBufAllocator alloc, final long sidHi, final long sidLo, final boolean resumed, final long seq, final char[] scratch)
    {
        return welcome(alloc, sidHi, sidLo, resumed, seq, List.of(), scratch);
    }

    /**
     * {@code {"t":"welcome","sid":"...","resumed":true,"seq":12,"keep_query":["utm_source"]}}: {@code keep_query}
     * is the site's allow-list of query parameters (the catalog's, never anything a client sent), so
     * the snippet drops every other one before a URL leaves the browser.
     */
    public static TextWebSocketFrame welcome(final ByteBufAllocator alloc, final long sidHi, final long sidLo, final boolean resumed,
        final long seq, final List<String> keepQuery, final char[] scratch)
    {
        final ByteBuf out = alloc.buffer(128);
        SessionId.format(sidHi, sidLo, scratch, 0);
        JsonText.ascii(out, "{\"t\":\"welcome\",\"sid\":\"");
        for (int i = 0; i < SessionId.HEX_LENGTH; i++)
        {
            out.writeByte(scratch[i]);
        }
        JsonText.ascii(out, resumed ? "\",\"resumed\":true,\"seq\":" : "\",\"resumed\":false,\"seq\":");
        JsonText.number(out, seq);
        JsonText.ascii(out, ",\"keep_query\":[");
        for (int i = 0; i < keepQuery.size(); i++)
        {
            if (i > 0)
            {
                out.writeByte(',');
            }
            JsonText.string(out, keepQuery.get(i));
        }
        JsonText.ascii(out, "]}");
        return new TextWebSocketFrame(out);
    }

    /** {@code {"t":"carry","carry":"c2...."}}: the carry's text is base64url and dots, nothing to escape. */
    public static TextWebSocketFrame carry(final ByteBufAllocator alloc, final byte[] text, final int length)
    {
        final ByteBuf out = alloc.buffer(length + 24);
        JsonText.ascii(out, "{\"t\":\"carry\",\"carry\":\"");
        out.writeBytes(text, 0, length);
        JsonText.ascii(out, "\"}");
        return new TextWebSocketFrame(out);
    }

    /** {@code {"t":"ack","seq":12}} */
    public static TextWebSocketFrame ack(final ByteBufAllocator alloc, final long seq)
    {
        final ByteBuf out = alloc.buffer(40);
        JsonText.ascii(out, "{\"t\":\"ack\",\"seq\":");
        JsonText.number(out, seq).writeByte('}');
        return new TextWebSocketFrame(out);
    }

    /** {@code {"t":"error","code":"bad_message","seq":12,"msg":"..."}}; seq only when the message had one. */
    public static TextWebSocketFrame error(
        final ByteBufAllocator alloc, final ErrorCode code, final boolean hasSeq, final long seq, final String message)
    {
        final ByteBuf out = alloc.buffer(128);
        JsonText.ascii(out, "{\"t\":\"error\",\"code\":\"");
        JsonText.ascii(out, code.wireName()).writeByte('"');
        if (hasSeq)
        {
            JsonText.ascii(out, ",\"seq\":");
            JsonText.number(out, seq);
        }
        if (code.retryMs() > 0)
        {
            JsonText.ascii(out, ",\"retry_ms\":");
            JsonText.number(out, code.retryMs());
        }
        JsonText.ascii(out, ",\"msg\":");
        JsonText.string(out, message).writeByte('}');
        return new TextWebSocketFrame(out);
    }

    /** {@code {"t":"question","iid":"3","qid":"...","text":"...","choices":[{"id":"...","label":"..."},...]}} */
    public static TextWebSocketFrame question(
        final ByteBufAllocator alloc, final int iid, final CompiledQuestion question, final QuestionCopy copy)
    {
        final ByteBuf out = alloc.buffer(512);
        JsonText.ascii(out, "{\"t\":\"question\",\"iid\":");
        JsonText.numberString(out, iid);
        JsonText.ascii(out, ",\"qid\":");
        JsonText.string(out, question.id());
        JsonText.ascii(out, ",\"text\":");
        JsonText.string(out, copy.text());
        JsonText.ascii(out, ",\"choices\":[");
        for (int i = 0; i < question.choiceCount(); i++)
        {
            if (i > 0)
            {
                out.writeByte(',');
            }
            JsonText.ascii(out, "{\"id\":");
            JsonText.string(out, question.choiceId(i));
            JsonText.ascii(out, ",\"label\":");
            JsonText.string(out, copy.labels().get(i)).writeByte('}');
        }
        JsonText.ascii(out, "]}");
        return new TextWebSocketFrame(out);
    }

    /** {@code {"t":"response","iid":"3","choice":"...","title":"...","body":"...","cta":{"label":"...","url":"..."}}}: an answer alone, as written. */
    public static TextWebSocketFrame response(final ByteBufAllocator alloc, final int iid, final String choiceId, final ResponseCopy copy)
    {
        return response(alloc, iid, choiceId, copy, copy.title(), copy.body(), copy.ctaLabel(), null, null, false);
    }

    /**
     * A response, with its words as one person reads them (templates filled: {@code title},
     * {@code body}, {@code ctaLabel}; the URL is the copy's own, never filled; the preview sends the
     * copy as written instead, placeholders and all). When {@code feedback} is not null it asks "Did
     * this help?" in that wording
     * ({@code ,"feedback":true,"feedback_copy":{"question":"...","yes":"...","no":"...","thanks":"..."}}), and
     * for a hand-off ({@code handoff} not null) {@code "kind":"handoff","handoff":{...}} ({@link #handoff}).
     */
    public static TextWebSocketFrame response(final ByteBufAllocator alloc, final int iid, final String choiceId, final ResponseCopy copy,
        final CharSequence title, final CharSequence body, final CharSequence ctaLabel,
        final FeedbackCopy feedback, final CompiledHandoff handoff, final boolean available)
    {
        final ByteBuf out = alloc.buffer(512);
        JsonText.ascii(out, "{\"t\":\"response\",\"iid\":");
        JsonText.numberString(out, iid);
        JsonText.ascii(out, ",\"choice\":");
        JsonText.string(out, choiceId);
        JsonText.ascii(out, ",\"title\":");
        JsonText.string(out, title);
        JsonText.ascii(out, ",\"body\":");
        JsonText.string(out, body);
        if (copy.ctaLabel() != null)
        {
            JsonText.ascii(out, ",\"cta\":{\"label\":");
            JsonText.string(out, ctaLabel);
            JsonText.ascii(out, ",\"url\":");
            JsonText.string(out, copy.ctaUrl()).writeByte('}');
        }
        handoff(out, handoff, available);
        feedback(out, feedback);
        out.writeByte('}');
        return new TextWebSocketFrame(out);
    }

    private static void feedback(final ByteBuf out, final FeedbackCopy feedback)
    {
        if (feedback == null)
        {
            return;
        }
        JsonText.ascii(out, ",\"feedback\":true,\"feedback_copy\":{\"question\":");
        JsonText.string(out, feedback.question());
        JsonText.ascii(out, ",\"yes\":");
        JsonText.string(out, feedback.yes());
        JsonText.ascii(out, ",\"no\":");
        JsonText.string(out, feedback.no());
        JsonText.ascii(out, ",\"thanks\":");
        JsonText.string(out, feedback.thanks()).writeByte('}');
    }

    /**
     * A hand-off's part of a response: {@code ,"kind":"handoff","handoff":{"available":true,"label":"...","url":"..."}}
     * while someone answers (label and url absent for a webhook-only hand-off), {@code
     * ,"kind":"handoff","handoff":{"available":false,"unavailable":"...","hours":"mon-fri 09:00-17:00 (Europe/Berlin)"}}
     * outside the office hours: no link is offered when no one is there. Nothing for an answer (null).
     */
    private static void handoff(final ByteBuf out, final CompiledHandoff handoff, final boolean available)
    {
        if (handoff == null)
        {
            return;
        }
        JsonText.ascii(out, ",\"kind\":\"handoff\",\"handoff\":{\"available\":");
        JsonText.ascii(out, available ? "true" : "false");
        if (available && handoff.linkUrl() != null)
        {
            JsonText.ascii(out, ",\"label\":");
            JsonText.string(out, handoff.linkLabel());
            JsonText.ascii(out, ",\"url\":");
            JsonText.string(out, handoff.linkUrl());
        }
        if (!available)
        {
            JsonText.ascii(out, ",\"unavailable\":");
            JsonText.string(out, handoff.unavailable());
            JsonText.ascii(out, ",\"hours\":");
            JsonText.string(out, handoff.hours().describe());
        }
        out.writeByte('}');
    }
}
