package dev.pulse.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.CompiledHandoff;
import dev.pulse.catalog.compile.CompiledQuestion;
import dev.pulse.catalog.compile.CompiledResponse;
import dev.pulse.catalog.compile.FeedbackCopy;
import dev.pulse.catalog.compile.QuestionCopy;
import dev.pulse.catalog.compile.ResponseCopy;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerMode;
import dev.pulse.report.Html;
import dev.pulse.server.ws.MessageEncoder;

/**
 * {@code /preview}: every question of the catalog being served, for the people who approve the copy.
 * Each question and response is the very message the server would push ({@link MessageEncoder}),
 * handed to the snippet's own widget code (pulse.js in preview mode) to draw: what is approved
 * here is what customers see. Copy variants stand side by side, context segments one row each,
 * and every answer's response sits below its question with who approved it and when.
 */
final class PreviewPage
{
    static final String PATH = "/preview";
    /** The page runs pulse.js and nothing else; the widget's shadow root carries its own style element. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; "
        + "form-action 'none'; frame-ancestors 'none'";
    private static final String DEFAULT_SEGMENT = "(no segment)";
    private static final String STYLE = """
        body{margin:0;background:#f6f6f8;color:#1d1d1f;font:15px/1.45 system-ui,sans-serif}
        main{max-width:1200px;margin:0 auto;padding:24px}
        h1{margin:0 0 4px}h2{margin:32px 0 4px;padding-top:16px;border-top:1px solid #d2d2d7}h3{margin:20px 0 8px;font-size:1em}
        .meta{color:#555;margin:0 0 8px}
        .copies{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
        figure{margin:0;width:340px;max-width:100%}
        figcaption{font-size:.85em;color:#555;margin-bottom:6px}
        .answer{margin:12px 0 20px}.answer h4{margin:0 0 4px}
        code{background:#e9e9ee;padding:0 4px;border-radius:4px}
        """;

    private PreviewPage()
    {
    }

    static String html(final CompiledCatalog catalog)
    {
        final Html html = new Html(new StringBuilder(32 * 1024));
        html.raw("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .text("Pulse preview: " + catalog.siteKey()).raw("</title>\n<style>\n").raw(STYLE).raw("</style>\n</head>\n<body>\n<main>\n")
            .element("h1", "Question preview")
            .element("p", "meta", "Site " + catalog.siteKey() + ", catalog version " + catalog.version() + " (hash "
                + catalog.versionHashHex() + "), " + catalog.questions().size() + " questions. Each is drawn by pulse.js exactly "
                + "as the widget shows it; its answers' responses follow it.");
        final Map<CompiledQuestion, List<Trigger>> askers = askers(catalog);
        for (final CompiledQuestion question : catalog.questions())
        {
            question(html, question, askers.getOrDefault(question, List.of()));
        }
        html.raw("</main>\n<script src=\"/pulse.js\" data-site=\"").text(catalog.siteKey()).raw("\" data-preview></script>\n")
            .raw("</body>\n</html>\n");
        return html.builder().toString();
    }

    private static void question(final Html html, final CompiledQuestion question, final List<Trigger> askers)
    {
        html.raw("<section id=\"q-").text(question.id()).raw("\">\n").element("h2", question.id());
        html.element("p", "meta", askers.isEmpty() ? "Asked by no trigger." : "Asked by " + describe(askers) + ".");
        final Map<String, List<QuestionCopy>> bySegment = new LinkedHashMap<>();
        for (final QuestionCopy copy : question.allCopies())
        {
            bySegment.computeIfAbsent(segmentName(copy.segmentId()), segment -> new ArrayList<>()).add(copy);
        }
        for (final Map.Entry<String, List<QuestionCopy>> segment : bySegment.entrySet())
        {
            if (bySegment.size() > 1)
            {
                html.element("h3", "Segment: " + segment.getKey());
            }
            html.raw("<div class=\"copies\">\n");
            for (final QuestionCopy copy : segment.getValue())
            {
                figure(html, "variant " + copy.variantId(), questionMessage(question, copy));
            }
            html.raw("</div>\n");
        }
        html.element("h3", "Answers and their responses");
        final QuestionCopy plain = question.copy(0, -1);
        for (int choice = 0; choice < question.choiceCount(); choice++)
        {
            final CompiledResponse response = question.response(choice);
            html.raw("<div class=\"answer\">\n<h4>").text(plain.labels().get(choice)).raw(" <code>").text(question.choiceId(choice))
                .raw("</code></h4>\n")
                .element("p", "meta", "Response " + response.id() + ", approved by " + response.approvedBy() + " on "
                    + response.approvedAt() + ".");
            html.raw("<div class=\"copies\">\n");
            for (final ResponseCopy copy : response.allCopies())
            {
                if (response.handoff() == null)
                {
                    figure(html, segmentName(copy.segmentId()), responseMessage(question.choiceId(choice), copy, response.feedback(), null,
                        false));
                }
                handoffFigures(html, question.choiceId(choice), copy, response);
            }
            html.raw("</div>\n</div>\n");
        }
        html.raw("</section>\n");
    }

    /** A hand-off is shown in both its states: someone available (the link), and no one (the honest text with the hours). */
    private static void handoffFigures(final Html html, final String choiceId, final ResponseCopy copy, final CompiledResponse response)
    {
        final CompiledHandoff handoff = response.handoff();
        if (handoff != null)
        {
            figure(html, segmentName(copy.segmentId()) + ", someone available",
                responseMessage(choiceId, copy, response.feedback(), handoff, true));
            figure(html, segmentName(copy.segmentId()) + ", no one available (" + handoff.hours().describe() + ")",
                responseMessage(choiceId, copy, response.feedback(), handoff, false));
        }
    }

    private static void figure(final Html html, final String caption, final String message)
    {
        html.raw("<figure>\n").element("figcaption", caption)
            .raw("<div data-pulse-render=\"").text(message).raw("\"></div>\n</figure>\n");
    }

    private static Map<CompiledQuestion, List<Trigger>> askers(final CompiledCatalog catalog)
    {
        final Map<CompiledQuestion, List<Trigger>> askers = new LinkedHashMap<>();
        for (final Trigger trigger : catalog.triggers().all())
        {
            final CompiledQuestion question = catalog.question(trigger);
            if (question != null)
            {
                askers.computeIfAbsent(question, asked -> new ArrayList<>()).add(trigger);
            }
        }
        return askers;
    }

    private static String describe(final List<Trigger> triggers)
    {
        final List<String> names = new ArrayList<>();
        for (final Trigger trigger : triggers)
        {
            names.add(trigger.id() + " (" + trigger.detectorKind().catalogName()
                + (trigger.mode() == TriggerMode.LIVE ? "" : ", " + trigger.mode().name().toLowerCase(Locale.ROOT)) + ")");
        }
        return String.join(", ", names);
    }

    private static String segmentName(final String segmentId)
    {
        return segmentId == null ? DEFAULT_SEGMENT : "segment " + segmentId;
    }

    private static String questionMessage(final CompiledQuestion question, final QuestionCopy copy)
    {
        return text(MessageEncoder.question(UnpooledByteBufAllocator.DEFAULT, 0, question, copy));
    }

    /** A response as the widget gets it, with "Did this help?" under it when it asks ({@code feedback} not null), and a hand-off's part. */
    private static String responseMessage(final String choiceId, final ResponseCopy copy, final FeedbackCopy feedback,
        final CompiledHandoff handoff, final boolean available)
    {
        return text(MessageEncoder.response(UnpooledByteBufAllocator.DEFAULT, 0, choiceId, copy, copy.title(), copy.body(), copy.ctaLabel(),
            feedback, handoff, available));
    }

    private static String text(final TextWebSocketFrame frame)
    {
        try
        {
            return frame.text();
        }
        finally
        {
            frame.release();
        }
    }
}
