package dev.pulse.journal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A record id is written and read back as node/segment/offset; a node id that could hold the separator is refused. */
class RecordIdTest
{
    @Test
    void shouldReadBackWhatItWrites()
    {
        final RecordId id = new RecordId("node-2.eu_west", 17, 4096);
        assertThat(id.toString()).isEqualTo("node-2.eu_west/17/4096");
        assertThat(RecordId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void shouldRefuseWhatIsNotOne()
    {
        assertThatThrownBy(() -> new RecordId("a/b", 1, 2)).hasMessageContaining("node id");
        assertThatThrownBy(() -> new RecordId("", 1, 2)).hasMessageContaining("node id");
        assertThatThrownBy(() -> new RecordId("n", -1, 2)).hasMessageContaining("not negative");
        assertThatThrownBy(() -> RecordId.parse("n/1")).hasMessageContaining("<node>/<segment>/<offset>");
        assertThatThrownBy(() -> RecordId.parse("n/x/2")).hasMessageContaining("<node>/<segment>/<offset>");
    }
}
