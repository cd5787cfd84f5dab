package dev.pulse.server.node;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.RecordId;
import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A node's id: the setting, else the host name made to fit; a data directory keeps the first and refuses another. */
class NodeIdentityTest
{
    @TempDir
    Path dir;

    @Test
    void shouldMakeAHostNameFitTheNodeIdPattern()
    {
        assertThat(NodeIdentity.fromHostName("web-1.shop.example")).isEqualTo("web-1.shop.example");
        assertThat(NodeIdentity.fromHostName("böx 7/α")).isEqualTo("b-x-7--");
        assertThat(NodeIdentity.fromHostName("h".repeat(80))).hasSize(64);
        assertThat(NodeIdentity.fromHostName("")).isEqualTo("pulse");
        assertThat(NodeIdentity.resolve(ServerConfig.defaults())).matches(RecordId.NODE);
        assertThat(NodeIdentity.resolve(ServerConfig.defaults().toBuilder().nodeId("node-7").build())).isEqualTo("node-7");
    }

    @Test
    void shouldBindADataDirectoryToItsFirstNodeAndRefuseAnother() throws Exception
    {
        NodeIdentity.bind(dir, "node-a");
        NodeIdentity.bind(dir, "node-a");
        assertThat(dir.resolve(NodeIdentity.FILE)).hasContent("node-a");
        assertThatThrownBy(() -> NodeIdentity.bind(dir, "node-b")).isInstanceOf(ConfigException.class)
            .hasMessageContaining("belongs to node 'node-a' (its node-id file), not to this node 'node-b'")
            .hasMessageContaining("set node_id: node-a");
    }
}
