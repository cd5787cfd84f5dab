package dev.pulse.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.CompiledQuestion;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewPageTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SLOT = Pattern.compile("data-pulse-render=\"([^\"]*)\"");

    @Test
    void shouldDrawEveryCopyOfEveryQuestionAndEveryResponseOfItsAnswers() throws Exception
    {
        final CompiledCatalog catalog = new CatalogLoader().loadDemo().catalog();

        final List<JsonNode> messages = messages(PreviewPage.html(catalog));

        int questionCopies = 0;
        int responseCopies = 0;
        for (final CompiledQuestion question : catalog.questions())
        {
            questionCopies += question.allCopies().size();
            for (int choice = 0; choice < question.choiceCount(); choice++)
            {
                // A hand-off is drawn twice: someone available, and no one.
                responseCopies += question.response(choice).allCopies().size() * (question.response(choice).handoff() == null ? 1 : 2);
            }
        }
        assertThat(messages.stream().filter(m -> m.get("t").asText().equals("question")).count()).isEqualTo(questionCopies);
        assertThat(messages.stream().filter(m -> m.get("t").asText().equals("response")).count()).isEqualTo(responseCopies);
        assertThat(messages.stream().filter(m -> m.path("kind").asText().equals("handoff")).map(m -> m.get("handoff").get("available")
            .asBoolean()).toList()).as("the demo's hand-off in both states").containsExactly(true, false);
        assertThat(questionCopies).as("the demo has variants and segments").isGreaterThan(catalog.questions().size());
        final JsonNode first = messages.get(0);
        final CompiledQuestion firstQuestion = catalog.questions().get(0);
        assertThat(first.get("qid").asText()).isEqualTo(firstQuestion.id());
        assertThat(first.get("text").asText()).isEqualTo(firstQuestion.copy(0, -1).text());
        assertThat(first.get("choices")).hasSize(firstQuestion.choiceCount());
    }

    @Test
    void shouldNameWhoApprovedEachResponseAndWhichTriggersAsk()
    {
        final CompiledCatalog catalog = new CatalogLoader().loadDemo().catalog();

        final String html = PreviewPage.html(catalog);

        assertThat(html).contains("approved by Dana Reyes, support lead on 2026-11-02")
            .contains("Asked by pricing-faq-loop (back_and_forth), pricing-rereading (idle_on_key_page), pricing-hesitation (idle_on_key_page).")
            .contains("<script src=\"/pulse.js\" data-site=\"demo\" data-preview></script>");
    }

    @Test
    void shouldCarryHostileCopyAsDataNeverAsMarkup() throws Exception
    {
        final String hostile = "<img src=x onerror=alert(1)> \"quoted\" & <script>alert(2)</script>";
        final LoadResult loaded = new CatalogLoader().load("hostile.yaml",
            demoText().replace("text: \"What are you looking for?\"", "text: " + MAPPER.writeValueAsString(hostile)));
        assertThat(loaded.ok()).as(loaded.report()).isTrue();

        final String html = PreviewPage.html(loaded.catalog());

        assertThat(html).doesNotContain("<img").doesNotContain("<script>alert");
        assertThat(messages(html)).anyMatch(message -> message.path("text").asText().equals(hostile));
    }

    /** The messages in the page's slots, unescaped as a browser reads the attribute. */
    private static List<JsonNode> messages(final String html) throws IOException
    {
        final List<JsonNode> messages = new ArrayList<>();
        final Matcher slot = SLOT.matcher(html);
        while (slot.find())
        {
            messages.add(MAPPER.readTree(slot.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&")));
        }
        return messages;
    }

    private static String demoText() throws IOException
    {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(CatalogLoader.DEMO_RESOURCE))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
