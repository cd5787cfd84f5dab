package dev.pulse.catalog.model;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.schema.CatalogSchema;
import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.catalog.source.Node;
import dev.pulse.catalog.source.SourceReader;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema editors see offers exactly the keys the readers accept, object by object. */
class SchemaKeysTest
{
    private final Node schema = new SourceReader().read(CatalogSchema.FILE_NAME, CatalogSchema.generate(), new Diagnostics());

    @Test
    void shouldOfferTheKeysTheReadersAccept()
    {
        assertKeys(CatalogReader.TOP_KEYS);
        assertKeys(CatalogReader.SITE_KEYS, "site");
        assertKeys(CatalogReader.PAGE_KEYS, "pages", "additionalProperties");
        assertKeys(CatalogReader.POLICY_KEYS, "policy");
        assertKeys(TriggerReader.TRIGGER_KEYS, "triggers", "items");
        assertKeys(WhenReader.WHEN_KEYS, "triggers", "items", "properties", "when");
        assertKeys(WhenReader.NUMBER_KEYS, "triggers", "items", "properties", "when", "properties", "number", "additionalProperties");
        assertKeys(WhenReader.TIME_KEYS, "triggers", "items", "properties", "when", "properties", "time");
        assertKeys(CopyReader.QUESTION_KEYS, "questions", "items");
        assertKeys(CopyReader.CHOICE_KEYS, "questions", "items", "properties", "choices", "items");
        assertKeys(CopyReader.VARIANT_KEYS, "questions", "items", "properties", "variants", "items");
        assertKeys(CopyReader.QUESTION_SEGMENT_KEYS, "questions", "items", "properties", "segments", "items");
        assertKeys(CopyReader.RESPONSE_KEYS, "responses", "items");
        assertKeys(CopyReader.RESPONSE_SEGMENT_KEYS, "responses", "items", "properties", "segments", "items");
        assertKeys(CopyReader.CTA_KEYS, "responses", "items", "properties", "cta");
        assertKeys(CopyReader.APPROVAL_KEYS, "responses", "items", "properties", "approved");
        assertKeys(HandoffReader.HANDOFF_KEYS, "responses", "items", "properties", "handoff");
        assertKeys(CopyReader.CTA_KEYS, "responses", "items", "properties", "handoff", "properties", "link");
        assertKeys(HandoffReader.HOURS_KEYS, "responses", "items", "properties", "handoff", "properties", "hours");
    }

    /** The object at properties.&lt;first&gt;.&lt;rest...&gt; (the root without a path) lists {@code keys}. */
    private void assertKeys(final Set<String> keys, final String... path)
    {
        Node node = schema;
        for (int i = 0; i < path.length; i++)
        {
            node = value(i == 0 ? value(node, "properties") : node, path[i]);
        }
        final Node.MapNode properties = (Node.MapNode)value(node, "properties");
        assertThat(properties.entries().keySet()).as(String.join(".", path)).containsExactlyInAnyOrderElementsOf(keys);
    }

    private static Node value(final Node node, final String key)
    {
        return ((Node.MapNode)node).entries().get(key).value();
    }
}
