package dev.pulse.catalog.schema;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.pulse.catalog.model.Durations;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.detector.Threshold;

/**
 * Writes the JSON Schema of the catalog format for editors (a YAML file opts in with
 * {@code # yaml-language-server: $schema=<path to catalog.schema.json>}): completion, hover text and
 * red squiggles while typing. The detectors and their thresholds (names, units, defaults, ranges)
 * come from {@link DetectorKind}, so a new detector or threshold reaches editors by regenerating.
 * The schema helps; {@code CatalogValidator} decides (references, duration ranges, URLs are its).
 *
 * <p>The committed copy is {@code catalog/catalog.schema.json}; {@code CatalogSchemaTest} fails when
 * it is stale. Regenerate with {@code ./mvnw -q -B -o -pl catalog -am test -Dtest=CatalogSchemaTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dpulse.schema.write=true}, or run {@link #main} with the
 * path.
 */
public final class CatalogSchema
{
    /** Where the committed schema lives, relative to the catalog module. */
    public static final String FILE_NAME = "catalog.schema.json";

    private static final String DURATION = "#/definitions/duration";
    private static final String TEXT = "#/definitions/text";
    private static final String TEXT_OR_LIST = "#/definitions/text_or_list";
    private static final String TEXT_MAP = "#/definitions/text_map";

    private CatalogSchema()
    {
    }

    /** Writes the schema to the path given (default {@value #FILE_NAME} in the working directory). */
    public static void main(final String[] args) throws IOException
    {
        final Path path = Path.of(args.length > 0 ? args[0] : FILE_NAME);
        Files.writeString(path, generate(), StandardCharsets.UTF_8);
        System.out.println("wrote " + path.toAbsolutePath());
    }

    /** The schema as pretty-printed JSON, ending in a newline; the same registry gives the same text. */
    public static String generate()
    {
        final StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out))
        {
            json.useDefaultPrettyPrinter();
            write(json, root());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toString().replace("\r\n", "\n") + "\n";
    }

    private static Map<String, Object> root()
    {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.putAll(object("Pulse catalog: the stuck moments to act on, the one question to ask, the approved responses",
            List.of("version", "site", "pages")));
        final Map<String, Object> properties = properties(root);
        properties.put("version", described(Map.of("type", List.of("string", "number")), "yours to bump; the compiled catalog also carries a hash"));
        properties.put("site", site());
        properties.put("pages", pages());
        properties.put("journey", described(array(Map.of("anyOf", List.of(ref(TEXT), array(ref(TEXT))))),
            "stages in order, each a page kind or a list of them; a later stage is forward of an earlier one"));
        properties.put("triggers", array(TriggerSchema.trigger()));
        properties.put("questions", array(CopySchema.question()));
        properties.put("responses", array(CopySchema.response()));
        properties.put("policy", policy());
        properties.put("intents", intents());
        root.put("definitions", definitions());
        return root;
    }

    /** Search intents: a name to its words, phrases and prefixes (the validator checks the terms' shape). */
    private static Map<String, Object> intents()
    {
        final Map<String, Object> term = new LinkedHashMap<>();
        term.put("type", "string");
        term.put("minLength", 1);
        term.put("maxLength", 64);
        final Map<String, Object> intents = new LinkedHashMap<>();
        intents.put("description", "search intents by name, each a list of words, \"quoted phrases\" and prefixes (refund*), matched " +
            "in a search's text as whole words, case and accents aside; the intent listed first wins a tie");
        intents.put("type", "object");
        intents.put("propertyNames", Map.of("pattern", "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
        intents.put("additionalProperties", Map.of("anyOf", List.of(term, Map.of("type", "array", "minItems", 1, "items", term))));
        return intents;
    }

    private static Map<String, Object> site()
    {
        final Map<String, Object> site = object("which site this is", List.of("key"));
        final Map<String, Object> properties = properties(site);
        properties.put("key", described(ref(TEXT), "the site key the snippet sends: ?site=<key>"));
        properties.put("origins", described(ref(TEXT_OR_LIST), "the Origins the handshake accepts; self is the server's own"));
        properties.put("ignore_click_targets", described(ref(TEXT_OR_LIST), "click targets that never count as rage"));
        properties.put("capture_events", described(Map.of("type", "boolean"), "journal every event (default false)"));
        properties.put("keep_query", described(names("^[A-Za-z0-9._~-]{1,64}$"),
            "query parameters a page URL keeps, by name (e.g. [utm_source, ref]); every other one, and every fragment, is dropped"));
        properties.put("client_context", described(names("^[A-Za-z0-9_-]{1,64}$"),
            "with signed sessions, context keys the client may set itself (e.g. [device]); any other counts only from the token"));
        properties.put("feedback", described(Map.of("type", "boolean"),
            "every response asks \"Did this help?\" (default false; a response's own feedback overrides it)"));
        final Map<String, Object> wording = object("the wording of \"Did this help?\"; each part left out keeps its English default",
            List.of());
        for (final String part : List.of("question", "yes", "no", "thanks"))
        {
            properties(wording).put(part, Map.of("type", "string", "minLength", 1, "maxLength", 80));
        }
        properties.put("feedback_copy", wording);
        properties.put("context_keys", described(names("^[A-Za-z0-9_-]{1,64}$"),
            "context keys response templates may insert, e.g. [first_name, plan]: {{first_name|there}}"));
        properties.put("time_zone", described(ref(TEXT), "an IANA time zone (e.g. Europe/Berlin) for time and days conditions; default UTC"));
        return site;
    }

    /** A name or a list of names, each matching {@code pattern}. */
    private static Map<String, Object> names(final String pattern)
    {
        final Map<String, Object> name = Map.of("type", "string", "pattern", pattern);
        return Map.of("anyOf", List.of(name, array(name)));
    }

    private static Map<String, Object> pages()
    {
        final Map<String, Object> pattern = new LinkedHashMap<>();
        final Map<String, Object> explicit = object("exactly one of exact, prefix or glob", List.of());
        properties(explicit).put("exact", ref(TEXT));
        properties(explicit).put("prefix", ref(TEXT));
        properties(explicit).put("glob", ref(TEXT));
        explicit.put("minProperties", 1);
        explicit.put("maxProperties", 1);
        pattern.put("anyOf", List.of(described(ref(TEXT), "a path; with * it is a glob"), explicit));
        final Map<String, Object> kind = object("a page kind: its URL patterns, first match wins (exact paths first)", List.of());
        properties(kind).put("key", described(Map.of("type", "boolean"), "a key page: where idle and exit intent count"));
        properties(kind).put("match", Map.of("anyOf", List.of(pattern, array(pattern))));
        final Map<String, Object> pages = new LinkedHashMap<>();
        pages.put("description", "page kinds by name");
        pages.put("type", "object");
        pages.put("additionalProperties", kind);
        return pages;
    }

    private static Map<String, Object> policy()
    {
        final Map<String, Object> policy = object("the fatigue policy; every key has a default", List.of());
        final Map<String, Object> properties = properties(policy);
        properties.put("cooldown", described(ref(DURATION), "after any question, from its display"));
        properties.put("max_questions_per_session", Map.of("type", "integer", "minimum", 0));
        properties.put("page_grace", described(ref(DURATION), "nothing in the first moments of a page view"));
        properties.put("silent_after_dismiss", Map.of("type", "boolean"));
        properties.put("holdout", described(Map.of("type", List.of("string", "number")), "a share shown nothing: 10% or 0.1"));
        properties.put("holdout_unit", described(Map.of("enum", List.of("visitor", "trigger")),
            "whom the holdout is drawn for: each visitor once (default), or each session per trigger"));
        properties.put("outcome_window", ref(DURATION));
        properties.put("session_expiry", ref(DURATION));
        return policy;
    }

    private static Map<String, Object> definitions()
    {
        final Map<String, Object> definitions = new LinkedHashMap<>();
        definitions.put("duration", described(Map.of("type", "string", "pattern", "^\\s*[0-9.]+\\s*(ms|s|m|min|h|d)\\s*$"),
            "a number and a unit: 500ms, 90s, 3m, 1h, 1d"));
        definitions.put("text", Map.of("type", "string"));
        definitions.put("text_or_list", Map.of("anyOf", List.of(ref(TEXT), array(ref(TEXT)))));
        final Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", "object");
        map.put("additionalProperties", Map.of("type", List.of("string", "number", "boolean")));
        definitions.put("text_map", map);
        definitions.put(TriggerSchema.WHEN_BLOCK, TriggerSchema.when());
        for (final DetectorKind kind : DetectorKind.values())
        {
            definitions.put(TriggerSchema.thresholdsName(kind), thresholds(kind));
        }
        return definitions;
    }

    /** One detector's thresholds: names, units, defaults and ranges, as {@link DetectorKind} registers them. */
    private static Map<String, Object> thresholds(final DetectorKind kind)
    {
        final Map<String, Object> thresholds = object(kind.catalogName() + ": overrides of its defaults", List.of());
        for (final Threshold threshold : kind.thresholds())
        {
            if (threshold.unit() == Threshold.Unit.INTENT)
            {
                // Named by the trigger's 'intent' key, never written as a number.
                continue;
            }
            final Map<String, Object> value = new LinkedHashMap<>();
            if (threshold.unit() == Threshold.Unit.MILLIS)
            {
                value.put("description", "a duration in [" + Durations.format(threshold.min()) + ", " + Durations.format(threshold.max()) +
                    "], default " + Durations.format(threshold.defaultValue()));
                value.put("allOf", List.of(ref(DURATION)));
                value.put("default", Durations.format(threshold.defaultValue()));
            }
            else
            {
                value.put("type", "integer");
                value.put("description", (threshold.unit() == Threshold.Unit.PIXELS ? "pixels" : "a count") + " in [" + threshold.min() + ", " +
                    threshold.max() + "], default " + threshold.defaultValue());
                value.put("minimum", threshold.min());
                value.put("maximum", threshold.max());
                value.put("default", threshold.defaultValue());
            }
            properties(thresholds).put(threshold.name(), value);
        }
        return thresholds;
    }

    static Map<String, Object> object(final String description, final List<String> required)
    {
        final Map<String, Object> object = new LinkedHashMap<>();
        object.put("description", description);
        object.put("type", "object");
        object.put("additionalProperties", false);
        if (!required.isEmpty())
        {
            object.put("required", required);
        }
        object.put("properties", new LinkedHashMap<String, Object>());
        return object;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(final Map<String, Object> object)
    {
        return (Map<String, Object>)object.get("properties");
    }

    /**
     * The schema with a description (hover text). Draft 7 ignores keywords beside a {@code $ref}, so a
     * reference is wrapped in an {@code allOf} to keep its description.
     */
    static Map<String, Object> described(final Map<String, Object> schema, final String description)
    {
        final Map<String, Object> described = new LinkedHashMap<>();
        described.put("description", description);
        if (schema.containsKey("$ref"))
        {
            described.put("allOf", List.of(schema));
        }
        else
        {
            described.putAll(new TreeMap<>(schema));
        }
        return described;
    }

    static Map<String, Object> ref(final String ref)
    {
        return Map.of("$ref", ref);
    }

    static Map<String, Object> array(final Map<String, Object> items)
    {
        final Map<String, Object> array = new LinkedHashMap<>();
        array.put("type", "array");
        array.put("items", items);
        return array;
    }

    static String text()
    {
        return TEXT;
    }

    static String textOrList()
    {
        return TEXT_OR_LIST;
    }

    static String textMap()
    {
        return TEXT_MAP;
    }

    static String duration()
    {
        return DURATION;
    }

    private static void write(final JsonGenerator json, final Object value) throws IOException
    {
        if (value instanceof Map<?, ?> map)
        {
            json.writeStartObject();
            // Map.of has no order: sort its keys so the output is the same on every run.
            final Iterable<? extends Map.Entry<?, ?>> entries = map instanceof LinkedHashMap ?
                map.entrySet() : new TreeMap<>(map).entrySet();
            for (final Map.Entry<?, ?> entry : entries)
            {
                json.writeFieldName((String)entry.getKey());
                write(json, entry.getValue());
            }
            json.writeEndObject();
        }
        else if (value instanceof List<?> list)
        {
            json.writeStartArray();
            for (final Object item : new ArrayList<>(list))
            {
                write(json, item);
            }
            json.writeEndArray();
        }
        else if (value instanceof String text)
        {
            json.writeString(text);
        }
        else if (value instanceof Boolean bool)
        {
            json.writeBoolean(bool);
        }
        else
        {
            json.writeNumber(((Number)value).longValue());
        }
    }
}
