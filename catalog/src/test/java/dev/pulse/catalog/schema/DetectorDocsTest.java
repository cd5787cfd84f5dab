package dev.pulse.catalog.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.model.Durations;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.detector.Threshold;

import static org.assertj.core.api.Assertions.assertThat;

/** detection-core/README.md's table of detectors gives the defaults {@link DetectorKind} registers. */
class DetectorDocsTest
{
    private static final Path README = Path.of("../detection-core/README.md");

    @Test
    void shouldDocumentEveryDetectorWithItsRegisteredDefaults() throws IOException
    {
        final List<String> rows = Files.readAllLines(README, StandardCharsets.UTF_8);
        for (final DetectorKind kind : DetectorKind.values())
        {
            final String row = rows.stream().filter(line -> line.contains("| `" + kind.catalogName() + "` |")).findFirst().orElse(null);
            assertThat(row).as("a row for " + kind.catalogName() + " in " + README).isNotNull();
            assertThat(row).as(kind.catalogName()).contains("| `" + kind.catalogName() + "` | " + defaults(kind) + " |");
        }
    }

    /** As the README writes them: "clicks 3, interval 1s, radius 30px" (an intent is no threshold written there). */
    private static String defaults(final DetectorKind kind)
    {
        final List<String> parts = new ArrayList<>();
        for (final Threshold threshold : kind.thresholds())
        {
            if (threshold.unit() == Threshold.Unit.INTENT)
            {
                // Not a number the catalog writes: the trigger names its intent with the 'intent' key.
                continue;
            }
            final long value = threshold.defaultValue();
            parts.add(threshold.name() + " " + switch (threshold.unit())
            {
                case MILLIS -> Durations.format(value);
                case PIXELS -> value + "px";
                case COUNT, INTENT -> Long.toString(value);
            });
        }
        return String.join(", ", parts);
    }
}
