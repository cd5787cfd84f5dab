package dev.pulse.catalog.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.model.Durations;
import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.catalog.source.Node;
import dev.pulse.catalog.source.SourceReader;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.detector.Threshold;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogSchemaTest
{
    /** Surefire runs in the module's directory. */
    private static final Path COMMITTED = Path.of(CatalogSchema.FILE_NAME);
    private static final String REGENERATE = "catalog/" + CatalogSchema.FILE_NAME + " is stale: the detector registry changed. " +
        "Regenerate it with ./mvnw -q -B -o -pl catalog -am test -Dtest=CatalogSchemaTest " +
        "-Dsurefire.failIfNoSpecifiedTests=false -Dpulse.schema.write=true and commit it.";

    @Test
    void shouldMatchTheCommittedSchema() throws IOException
    {
        final String generated = CatalogSchema.generate();
        if (Boolean.getBoolean("pulse.schema.write"))
        {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        final String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(committed).as(REGENERATE).isEqualTo(generated);
    }

    @Test
    void shouldGiveTheSameTextOnEveryRun()
    {
        assertThat(CatalogSchema.generate()).isEqualTo(CatalogSchema.generate());
    }

    @Test
    void shouldOfferEveryDetectorWithItsThresholdsDefaultsAndRanges()
    {
        final Node.MapNode schema = parse(CatalogSchema.generate());
        final Node.MapNode definitions = (Node.MapNode)at(schema, "definitions");
        for (final DetectorKind kind : DetectorKind.values())
        {
            final Node.MapNode properties = (Node.MapNode)at(definitions, "thresholds_" + kind.catalogName(), "properties");
            // An intent is named by the trigger's 'intent' key, not written among the thresholds.
            final java.util.List<Threshold> written = kind.thresholds().stream().filter(t -> t.unit() != Threshold.Unit.INTENT).toList();
            assertThat(properties.entries().keySet()).containsExactlyElementsOf(written.stream().map(Threshold::name).toList());
            for (final Threshold threshold : written)
            {
                final String expectedDefault = threshold.unit() == Threshold.Unit.MILLIS ?
                    Durations.format(threshold.defaultValue()) : Long.toString(threshold.defaultValue());
                assertThat(text(at(properties, threshold.name(), "default"))).isEqualTo(expectedDefault);
                if (threshold.unit() != Threshold.Unit.MILLIS)
                {
                    assertThat(text(at(properties, threshold.name(), "minimum"))).isEqualTo(Long.toString(threshold.min()));
                    assertThat(text(at(properties, threshold.name(), "maximum"))).isEqualTo(Long.toString(threshold.max()));
                }
            }
        }
        final Node.ListNode names = (Node.ListNode)at(schema, "properties", "triggers", "items", "properties", "detector", "enum");
        assertThat(names.items().stream().map(CatalogSchemaTest::text).toList())
            .containsExactlyElementsOf(java.util.Arrays.stream(DetectorKind.values()).map(DetectorKind::catalogName).toList());
    }

    @Test
    void shouldBeReferencedByTheDemoCatalog() throws IOException
    {
        final String demo = Files.readString(Path.of("src/main/resources/dev/pulse/catalog/demo-catalog.yaml"), StandardCharsets.UTF_8);
        final Path demoDirectory = Path.of("src/main/resources/dev/pulse/catalog");
        final String marker = "# yaml-language-server: $schema=";
        assertThat(demo).contains(marker);
        final String relative = demo.substring(demo.indexOf(marker) + marker.length()).lines().findFirst().orElseThrow().trim();
        assertThat(demoDirectory.resolve(relative).normalize()).isEqualTo(COMMITTED);
    }

    static Node.MapNode parse(final String json)
    {
        final Diagnostics diagnostics = new Diagnostics();
        final Node root = new SourceReader().read(CatalogSchema.FILE_NAME, json, diagnostics);
        assertThat(diagnostics.all()).isEmpty();
        return (Node.MapNode)root;
    }

    static Node at(final Node node, final String... keys)
    {
        Node current = node;
        for (final String key : keys)
        {
            final Node.Entry entry = ((Node.MapNode)current).entries().get(key);
            if (entry == null)
            {
                return null;
            }
            current = entry.value();
        }
        return current;
    }

    private static String text(final Node node)
    {
        return ((Node.ScalarNode)node).text();
    }
}
