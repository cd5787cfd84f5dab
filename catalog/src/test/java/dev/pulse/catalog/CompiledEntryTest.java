package dev.pulse.catalog;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.CompiledEntry;
import dev.pulse.catalog.compile.CompiledQuestion;
import dev.pulse.catalog.compile.CompiledResponse;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;

import static org.assertj.core.api.Assertions.assertThat;

/** What questions and responses share: id, stable key, index, the segment a session gets. */
class CompiledEntryTest
{
    private static CompiledCatalog load(final String content)
    {
        final LoadResult result = CatalogFixture.load(content);
        assertThat(result.ok()).as(result.report()).isTrue();
        return result.catalog();
    }

    @Test
    void shouldKeyEachEntryByTheHashOfItsIdAndNumberItInCatalogOrder()
    {
        final CompiledCatalog catalog = load(CatalogFixture.VALID);
        final CompiledQuestion question = catalog.questions().get(0);
        assertThat(question.id()).isEqualTo("decide");
        assertThat(question.key()).isEqualTo(Hash64.key32("decide"));
        assertThat(question.index()).isZero();
        assertThat(question).hasToString("CompiledQuestion{decide}");
        final CompiledEntry value = question.response(1);
        assertThat(value).isInstanceOf(CompiledResponse.class);
        assertThat(value.id()).isEqualTo("value");
        assertThat(value.key()).isEqualTo(Hash64.key32("value"));
        assertThat(value.index()).isOne();
        assertThat(value).hasToString("CompiledResponse{value}");
    }

    @Test
    void shouldPickTheFirstSegmentTheSessionMatchesOrNone()
    {
        final CompiledCatalog catalog = load(CatalogFixture.insertAfter(33,
            "    segments:",
            "      - { id: phones, when: { device: mobile }, title: Pay less }"));
        final CompiledResponse value = catalog.questions().get(0).response(1);
        final SessionStateFlyweight state = new SessionStateFlyweight()
            .wrap(new UnsafeBuffer(ByteBuffer.allocateDirect(SessionStateFlyweight.LENGTH)), 0);
        state.init(1, 2, 1, 0);
        assertThat(value.segmentFor(state, 0)).isEqualTo(-1);
        state.context().putContext(Hash64.of("device"), Hash64.of("desktop"));
        assertThat(value.segmentFor(state, 0)).isEqualTo(-1);
        state.context().putContext(Hash64.of("device"), Hash64.of("mobile"));
        assertThat(value.segmentFor(state, 0)).isZero();
        assertThat(value.copy(value.segmentFor(state, 0)).title()).isEqualTo("Pay less");
        assertThat(catalog.questions().get(0).segmentFor(state, 0)).isEqualTo(-1);
    }
}
