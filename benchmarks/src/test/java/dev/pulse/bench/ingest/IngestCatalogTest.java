package dev.pulse.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.CompiledQuestion;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.GovernorPolicy;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.server.ws.MessageEncoder;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * The ingest benchmark's catalog loads without a finding and asks on every backend event up to the
 * session's cap within the Governor's rules; and the client reads the frames the server's own
 * encoder writes as it expects (a misread sid or iid would make every event a missed question).
 */
class IngestCatalogTest
{
    static final Path CATALOG = Path.of("ingest/ingest-catalog.yaml");

    @Test
    void theCatalogLoadsWithoutAFinding()
    {
        final LoadResult result = new CatalogLoader().load(CATALOG);
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
        assertThat(result.catalog().siteKey()).isEqualTo("ingest");
        assertThat(result.catalog().allowsOrigin(IngestSettings.from(java.util.Map.of()).origin())).isTrue();
    }

    @Test
    void everyBackendEventOfASessionUpToItsCapHasAQuestionOfItsOwn()
    {
        final CompiledCatalog catalog = new CatalogLoader().load(CATALOG).catalog();
        final Trigger[] triggers = catalog.triggers().all();
        final GovernorPolicy policy = catalog.governor().policy();

        assertThat(policy.maxQuestionsPerSession()).as("the cap at its highest").isEqualTo(SessionStateFlyweight.ASKED_CAPACITY);
        assertThat(triggers).hasSize(policy.maxQuestionsPerSession());
        assertThat(triggers).allSatisfy(t ->
        {
            assertThat(t.detectorKind()).isEqualTo(DetectorKind.BACKEND_EVENT);
            assertThat(t.urgent()).isTrue();
            assertThat(t.ignoresPageGrace()).isTrue();
        });
        assertThat(Arrays.stream(triggers).mapToInt(Trigger::questionKey).distinct().count())
            .as("never the same question twice: one question per trigger").isEqualTo(triggers.length);
        assertThat(policy.cooldownMs()).isZero();
        assertThat(policy.pageGraceMs()).isZero();
        assertThat(policy.holdoutPerMillion()).as("a held-out event would be a missed question").isZero();
        assertThat(IngestSettings.from(java.util.Map.of()).questionsPerSession()).as("the client's default").isEqualTo(triggers.length);
    }

    @Test
    void theClientReadsTheFramesTheServerWrites()
    {
        final CompiledCatalog catalog = new CatalogLoader().load(CATALOG).catalog();
        final Trigger trigger = catalog.triggers().all()[3];
        final CompiledQuestion question = catalog.question(trigger);

        final String welcome = text(MessageEncoder.welcome(UnpooledByteBufAllocator.DEFAULT, 0x0123456789abcdefL, 0xfedcba9876543210L, false, 0,
            new char[64]));
        final String asked = text(MessageEncoder.question(UnpooledByteBufAllocator.DEFAULT, 17, question, question.copy(0, -1)));
        final String response = text(MessageEncoder.response(UnpooledByteBufAllocator.DEFAULT, 17, "other-card", question.response(0).copy(-1)));

        assertThat(ServerFrames.type(welcome)).isEqualTo("welcome");
        assertThat(ServerFrames.sid(welcome)).isEqualTo("0123456789abcdeffedcba9876543210");
        assertThat(ServerFrames.type(asked)).isEqualTo("question");
        assertThat(ServerFrames.iid(asked)).isEqualTo("17");
        assertThat(ServerFrames.firstChoice(asked)).isEqualTo("other-card");
        assertThat(ServerFrames.type(response)).isEqualTo("response");
        assertThat(ServerFrames.type("{\"t\":\"ack\",\"seq\":3}")).isEqualTo("ack");
        assertThat(ServerFrames.type("{\"seq\":3}")).as("no type").isEmpty();
        assertThat(ServerFrames.firstChoice("{\"t\":\"question\",\"iid\":\"1\"}")).as("no choices").isEmpty();
    }

    private static String text(final TextWebSocketFrame frame)
    {
        try
        {
            return frame.content().toString(StandardCharsets.UTF_8);
        }
        finally
        {
            frame.release();
        }
    }
}
