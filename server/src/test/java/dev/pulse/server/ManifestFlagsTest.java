package dev.pulse.server;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM flags every Pulse JVM needs are written twice in the root pom: as command-line flags
 * (tests, JMH forks) and as the executable jar's manifest attributes (operators' plain
 * {@code java -jar}). This keeps the two lists the same.
 */
class ManifestFlagsTest
{
    @Test
    void shouldOpenAndExportTheSamePackagesOnTheCommandLineAndInTheManifest() throws Exception
    {
        final Properties flags = new Properties();
        try (InputStream in = ManifestFlagsTest.class.getResourceAsStream("/jvm-flags.properties"))
        {
            flags.load(in);
        }
        final Set<String> exports = new TreeSet<>();
        final Set<String> opens = new TreeSet<>();
        for (final String flag : flags.getProperty("opens").trim().split("\\s+"))
        {
            if (flag.startsWith("--add-exports="))
            {
                exports.add(flag.substring("--add-exports=".length(), flag.lastIndexOf('=')));
            }
            else if (flag.startsWith("--add-opens="))
            {
                opens.add(flag.substring("--add-opens=".length(), flag.lastIndexOf('=')));
            }
        }
        assertThat(exports).isNotEmpty();
        assertThat(new TreeSet<>(Arrays.asList(flags.getProperty("manifest.add-exports").trim().split("\\s+")))).isEqualTo(exports);
        assertThat(new TreeSet<>(Arrays.asList(flags.getProperty("manifest.add-opens").trim().split("\\s+")))).isEqualTo(opens);
        assertThat(flags.getProperty("opens")).contains("-Dchronicle.analytics.disable=true");
    }
}
