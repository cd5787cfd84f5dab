package dev.pulse.server.config;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo is off unless asked for, or unless no catalog is given; demo: false needs a catalog. */
class DemoSettingsTest
{
    private static final Path CATALOG = Path.of("catalog.yaml");

    @Test
    void shouldServeTheDemoOnlyWhenAskedOrWhenNoCatalogIsGiven()
    {
        assertThat(DemoSettings.served(config(null, null))).as("nothing given: the demo").isTrue();
        assertThat(DemoSettings.served(config(CATALOG, null))).as("a catalog and no demo setting").isFalse();
        assertThat(DemoSettings.served(config(CATALOG, true))).as("a catalog and demo: true").isTrue();
        assertThat(DemoSettings.served(config(CATALOG, false))).isFalse();
        assertThat(DemoSettings.served(config(null, true))).isTrue();
    }

    @Test
    void shouldSayAtStartThatTheDemoIsServedAndHowToTurnItOff()
    {
        assertThat(DemoSettings.notice(config(null, null)))
            .contains("serving the demo shop at /demo/", "because no catalog_file is given", "--catalog FILE");
        assertThat(DemoSettings.notice(config(null, true))).contains("serving the demo shop", "demo: true", "to turn it off");
        assertThat(DemoSettings.notice(config(CATALOG, true))).contains("beside the catalog catalog.yaml", "drop demo to turn it off");
        assertThat(DemoSettings.notice(config(CATALOG, null))).isNull();
        assertThat(DemoSettings.notice(config(CATALOG, false))).isNull();
    }

    @Test
    void shouldRefuseDemoFalseWithoutACatalog() throws Exception
    {
        final ConfigLoader loader = new ConfigLoader();

        assertThatThrownBy(() -> loader.load(null, Map.of("PULSE_DEMO", "false"), Map.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessage("no catalog: give catalog_file or demo");
        assertThat(loader.load(null, Map.of("PULSE_DEMO", "false"), Map.of("catalog_file", CATALOG)).demo()).isFalse();
    }

    private static ServerConfig config(final Path catalog, final Boolean demo)
    {
        return ServerConfig.defaults().toBuilder().catalogFile(catalog).demo(demo).build();
    }
}
