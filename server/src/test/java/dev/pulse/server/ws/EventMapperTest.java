package dev.pulse.server.ws;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.NavType;
import dev.pulse.detect.PagePath;

import static org.assertj.core.api.Assertions.assertThat;

/** A decoded message becomes the core's event: strings hashed, a page's kind by the catalog given. */
class EventMapperTest
{
    private final EventDecoder decoder = new EventDecoder(4096);
    private final DecodedMessage message = new DecodedMessage();
    private final EventMapper mapper = new EventMapper();
    private final CompiledCatalog demo = new CatalogLoader().loadDemo().catalog();

    private DecodedMessage decode(final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(bytes, bytes.length, message).error()).isNull();
        return message;
    }

    @Test
    void shouldGiveAPageItsNormalisedPathAndTheCatalogsKind()
    {
        final Event event = mapper.toEvent(decode("{\"t\":\"page\",\"seq\":1,\"url\":\"/demo/pricing?ref=7\",\"nav\":\"back\"}"), demo);

        final PagePath path = new PagePath();
        path.normalise("/demo/pricing?ref=7");
        assertThat(event.type()).isEqualTo(EventType.PAGE);
        assertThat(event.pageHash()).isEqualTo(path.hash());
        assertThat(event.pageKind()).isEqualTo(demo.pageKindOf(path)).isPositive();
        assertThat(event.nav()).isEqualTo(NavType.BACK);
    }

    @Test
    void shouldHashTheStringsOfEveryOtherType()
    {
        final Event click = mapper.toEvent(decode("{\"t\":\"click\",\"seq\":1,\"target\":\"button#buy\",\"x\":10,\"y\":20}"), demo);
        assertThat(click.targetHash()).isEqualTo(Hash64.of("button#buy"));
        assertThat(click.x()).isEqualTo(10);
        assertThat(click.y()).isEqualTo(20);
        final Event formError = mapper.toEvent(decode("{\"t\":\"form_error\",\"seq\":1,\"form\":\"checkout\",\"field\":\"card\"}"), demo);
        assertThat(formError.formHash()).isEqualTo(Hash64.of("checkout"));
        assertThat(formError.fieldHash()).isEqualTo(Hash64.of("card"));
        assertThat(mapper.toEvent(decode("{\"t\":\"goal\",\"seq\":1,\"name\":\"purchase\"}"), demo).goalHash())
            .isEqualTo(Hash64.of("purchase"));
        assertThat(mapper.toEvent(decode("{\"t\":\"search\",\"seq\":1,\"q\":\"lamp\",\"results\":0}"), demo).resultCount()).isZero();
        assertThat(mapper.toEvent(decode("{\"t\":\"visibility\",\"seq\":1,\"hidden\":true}"), demo).hidden()).isTrue();
        assertThat(mapper.toEvent(decode("{\"t\":\"exit_intent\",\"seq\":1}"), demo).type()).isEqualTo(EventType.EXIT_INTENT);
        assertThat(mapper.toEvent(decode("{\"t\":\"scroll_back\",\"seq\":1}"), demo).type()).isEqualTo(EventType.SCROLL_BACK);
    }

    @Test
    void shouldReadAnIidAsThePositiveIntTheServerWroteAndAnythingElseAsNone()
    {
        assertThat(EventMapper.parseIid(decode("{\"t\":\"dismiss\",\"seq\":1,\"iid\":\"3\"}").iid())).isEqualTo(3);
        assertThat(EventMapper.parseIid(decode("{\"t\":\"dismiss\",\"seq\":1,\"iid\":\"999999999\"}").iid())).isEqualTo(999_999_999);
        assertThat(EventMapper.parseIid(decode("{\"t\":\"dismiss\",\"seq\":1,\"iid\":\"1000000000\"}").iid())).as("ten digits").isZero();
        assertThat(EventMapper.parseIid(decode("{\"t\":\"dismiss\",\"seq\":1,\"iid\":\"-3\"}").iid())).isZero();
        assertThat(EventMapper.parseIid(decode("{\"t\":\"dismiss\",\"seq\":1,\"iid\":\"3a\"}").iid())).isZero();
        assertThat(EventMapper.parseIid(new CharField(32))).as("empty").isZero();
    }
}
