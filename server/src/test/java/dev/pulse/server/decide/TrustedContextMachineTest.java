package dev.pulse.server.decide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.ContextRecorder;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.server.session.SessionRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trusted context through the decision step: the page's values, a signed token's, a backend
 * {@code context} event's, a condition that counts only trusted ones, goals, and a response whose
 * template the machine fills for the person (the decision records name the response, never a value).
 */
class TrustedContextMachineTest
{
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(SessionRecord.LENGTH));
    private final SessionStateFlyweight state = new SessionStateFlyweight();
    private final ServerSessionFlyweight record = new ServerSessionFlyweight();
    private final RecordingLog log = new RecordingLog();
    private final Event event = new Event();
    private final CharSequence[] pairs = new CharSequence[16];
    private CompiledCatalog catalog;
    private SessionMachine machine;
    private long nowMs = T0;

    /** The end-to-end catalog, its search trigger gated on a trusted team size of 6 or more, its plan response templated. */
    private static String catalogText() throws IOException
    {
        try (InputStream in = TrustedContextMachineTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .replace("  origins: [http://localhost, http://127.0.0.1]",
                    "  origins: [http://localhost, http://127.0.0.1]\n  context_keys: [first_name, team_size]")
                .replace("    thresholds: { searches: 2, window: 10s }\n",
                    "    thresholds: { searches: 2, window: 10s }\n    when: { trusted: true, number: { team_size: { at_least: 6 } } }\n")
                .replace("    question: cant-find\nquestions:", "    question: hard-to-decide\nquestions:")
                .replace("    title: Plans by team size\n", "    title: \"Plans for {{first_name|you}}\"\n")
                .replace("    body: \"**Starter** up to 5, **Team** up to 50.\"", "    body: \"A team of {{team_size|your size}} fits **Team**.\"");
        }
    }

    @BeforeEach
    void start() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("catalog.yaml"), catalogText());
        final CatalogLoader loader = new CatalogLoader();
        final LoadResult loaded = loader.load(file);
        assertThat(loaded.ok()).as(loaded.report()).isTrue();
        catalog = loaded.catalog();
        machine = new SessionMachine(new LiveCatalogVersions(new LiveCatalog(loader, catalog, file)), log);
        state.wrap(buffer, SessionRecord.CORE_OFFSET).init(1, 2, 1, T0);
        record.wrap(buffer, SessionRecord.SERVER_OFFSET).init(T0);
    }

    private void hello(final int trustedPairs, final String... keyValues)
    {
        for (int i = 0; i < keyValues.length; i++)
        {
            pairs[i] = keyValues[i];
        }
        ContextPairs.put(catalog, state, pairs, keyValues.length / 2, trustedPairs);
        machine.hello(catalog, state, record, nowMs);
    }

    private void backendContext(final String key, final String value)
    {
        event.reset(EventType.BACKEND).backend(ContextRecorder.CONTEXT_EVENT_HASH)
            .backendField(Hash64.of(key), Hash64.of(value), ContextRecorder.number(value), value);
        machine.onEvent(catalog, state, record, event, null, nowMs += 1_000);
    }

    /** Two searches that find nothing: whether the search trigger asked its question. */
    private boolean twoFailedSearchesAsk()
    {
        machine.onEvent(catalog, state, record, event.reset(EventType.SEARCH).resultCount(0), null, nowMs += 1_000);
        machine.onEvent(catalog, state, record, event.reset(EventType.SEARCH).resultCount(0), null, nowMs += 1_000);
        return machine.effects().question() != null;
    }

    @Test
    void shouldNotCountThePagesTeamSizeUnderTrusted()
    {
        hello(0, "team_size", "8");
        assertThat(state.context().contextNumber(Hash64.of("team_size"), false)).isEqualTo(8);
        assertThat(twoFailedSearchesAsk()).isFalse();
    }

    @Test
    void shouldCountATokensTeamSizeAndKeepItOverThePages()
    {
        hello(1, "team_size", "7", "team_size", "2");
        assertThat(state.context().contextNumber(Hash64.of("team_size"), true)).as("the page's 2 never overwrites").isEqualTo(7);
        assertThat(twoFailedSearchesAsk()).isTrue();
    }

    @Test
    void shouldTakeABackendContextEventAsTrustedAndFillTheResponseFromIt()
    {
        hello(0, "team_size", "3", "first_name", "Ada");
        backendContext("team_size", "12");
        assertThat(twoFailedSearchesAsk()).as("the backend's 12 counts").isTrue();
        final int iid = machine.effects().questionIid();

        machine.onAnswer(catalog, state, record, iid, Hash64.of("team-size"), nowMs += 1_000);
        assertThat(machine.effects().refusal()).as(String.valueOf(machine.effects().refusalDetail())).isNull();
        assertThat(machine.effects().responseTitle().toString()).isEqualTo("Plans for Ada");
        assertThat(machine.effects().responseBody().toString()).isEqualTo("A team of 12 fits **Team**.");
        assertThat(machine.effects().response().title()).as("the copy keeps the template").isEqualTo("Plans for {{first_name|you}}");
        assertThat(log.answers).containsExactly("hard-to-decide team-size");
    }

    @Test
    void shouldFallBackWhereTheSessionHasNoValue()
    {
        state.context().putContext(Hash64.of("team_size"), Hash64.of("6"), 6, true);
        hello(0);
        assertThat(twoFailedSearchesAsk()).isTrue();
        machine.onAnswer(catalog, state, record, machine.effects().questionIid(), Hash64.of("team-size"), nowMs += 1_000);
        assertThat(machine.effects().responseTitle().toString()).isEqualTo("Plans for you");
        assertThat(machine.effects().responseBody().toString()).isEqualTo("A team of your size fits **Team**.");
    }

    @Test
    void shouldRememberAGoalReached()
    {
        hello(0);
        machine.onEvent(catalog, state, record, event.reset(EventType.GOAL).goal(Hash64.of("signup")), null, nowMs += 1_000);
        assertThat(state.context().hasReachedGoal(Hash64.of("signup"))).isTrue();
    }
}
