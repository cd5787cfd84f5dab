package dev.pulse.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pulse.catalog.source.Diagnostic;
import dev.pulse.detect.governor.HoldoutUnit;

import static dev.pulse.catalog.CatalogFixture.VALID;
import static dev.pulse.catalog.CatalogFixture.insertAfter;
import static dev.pulse.catalog.CatalogFixture.load;
import static dev.pulse.catalog.CatalogFixture.singleError;
import static dev.pulse.catalog.CatalogFixture.withLine;
import static org.assertj.core.api.Assertions.assertThat;

/** One bad file per validation rule: the message, the position, the path and the hint. */
class CatalogValidationTest
{
    @Test
    void shouldAcceptTheFixture()
    {
        final LoadResult result = load(VALID);
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
    }

    @Test
    void shouldRejectFewerThanThreeChoices()
    {
        final Diagnostic error = singleError(load(withLine(23, "")), 18, 5, "has 2 choices; it needs 3 to 5");
        assertThat(error.path()).isEqualTo("questions[0].choices");
    }

    @Test
    void shouldRejectMoreThanFiveChoices()
    {
        final String six = insertAfter(23,
            "      - { id: a, label: A, response: value }",
            "      - { id: b, label: B, response: value }",
            "      - { id: c, label: C, response: value }");
        singleError(load(six), 18, 5, "has 6 choices; it needs 3 to 5");
    }

    @Test
    void shouldRejectAChoiceThatRoutesNowhere()
    {
        final Diagnostic error = singleError(load(withLine(22, "      - { id: price, label: The price, response: valeu }")),
            22, 50, "routes to 'valeu', which is no response");
        assertThat(error.hint()).isEqualTo("did you mean 'value'?");
        assertThat(error.path()).isEqualTo("questions[0].choices[1].response");
    }

    @Test
    void shouldRejectAnUnapprovedResponse()
    {
        final Diagnostic error = singleError(load(withLine(33, "")), 30, 5, "'value' is not approved, so it cannot be served");
        assertThat(error.path()).isEqualTo("responses[1]");
    }

    @Test
    void shouldRejectATriggerAskingAQuestionThatDoesNotExist()
    {
        singleError(load(withLine(16, "    question: decid")), 16, 15, "asks 'decid', which is no question");
    }

    @Test
    void shouldRejectADuplicateQuestionId()
    {
        final String twice = insertAfter(23,
            "  - id: decide",
            "    text: Again?",
            "    choices:",
            "      - { id: x, label: X, response: value }",
            "      - { id: y, label: Y, response: value }",
            "      - { id: z, label: Z, response: value }");
        singleError(load(twice), 24, 9, "the question id 'decide' is defined twice");
    }

    @Test
    void shouldRejectADuplicateChoiceId()
    {
        singleError(load(withLine(23, "      - { id: price, label: Just looking, response: value }")), 23, 15,
            "the choice id 'price' is used twice");
    }

    @Test
    void shouldRejectAKeyWrittenTwice()
    {
        singleError(load(withLine(15, "    pages: [pricing, faq]\n    question: decide")), 17, 5, "the key 'question' is written twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"    treshold: 3", "    Question: x"})
    void shouldRejectAnUnknownKeyInATriggerWithASuggestion(final String typo)
    {
        final Diagnostic error = singleError(load(insertAfter(16, typo)), 17, 5, "unknown key");
        assertThat(error.hint()).startsWith("did you mean '");
    }

    @Test
    void shouldRejectAnUnknownKeyAtTheTopAndInNestedMaps()
    {
        final LoadResult result = load(VALID.replace("policy: { holdout: 10% }", "polcy: { holdout: 10% }")
            .replace("{ id: size, label:", "{ id: size, lable:"));
        assertThat(result.errors()).extracting(Diagnostic::message).contains("unknown key 'polcy'", "unknown key 'lable'");
        assertThat(result.errors()).extracting(Diagnostic::hint).contains("did you mean 'policy'?", "did you mean 'label'?");
    }

    @Test
    void shouldRejectAThresholdOutOfItsSaneRange()
    {
        final Diagnostic error = singleError(load(withLine(14, "    thresholds: { backs: 3, window: 90ms }")), 14, 37,
            "window 90ms is out of its sane range [1s, 1h]");
        assertThat(error.hint()).isEqualTo("the default is 90s");
        assertThat(error.path()).isEqualTo("triggers[0].thresholds.window");
    }

    @Test
    void shouldRejectACountOutOfRange()
    {
        singleError(load(withLine(14, "    thresholds: { backs: 9, window: 90s }")), 14, 26, "backs 9 is out of its sane range [2, 8]");
    }

    @Test
    void shouldRejectAThresholdTheDetectorDoesNotHave()
    {
        final Diagnostic error = singleError(load(withLine(14, "    thresholds: { backs: 3, windw: 90s }")), 14, 29, "unknown key 'windw'");
        assertThat(error.hint()).isEqualTo("did you mean 'window'?");
    }

    @Test
    void shouldRejectADurationWithoutAUnit()
    {
        final Diagnostic error = singleError(load(withLine(14, "    thresholds: { backs: 3, window: 90 }")), 14, 37, "expected a duration with a unit");
        assertThat(error.hint()).contains("90s");
    }

    @Test
    void shouldRejectAPolicyValueOutOfRange()
    {
        singleError(load(withLine(34, "policy: { holdout: 10%, max_questions_per_session: 20 }")), 34, 52,
            "max_questions_per_session 20 is out of its sane range [0, 8]");
    }

    @Test
    void shouldRejectAHoldoutShareOver100Percent()
    {
        singleError(load(withLine(34, "policy: { holdout: 150% }")), 34, 20, "expected a share between 0% and 100%");
    }

    @Test
    void shouldRejectAnUnknownHoldoutUnitAndSuggestTheKnownOnes()
    {
        final Diagnostic error = singleError(load(withLine(34, "policy: { holdout: 10%, holdout_unit: session }")), 34, 39,
            "unknown holdout_unit 'session'");
        assertThat(error.hint()).contains("visitor").contains("trigger");
    }

    @Test
    void shouldDrawTheHoldoutPerVisitorUnlessTheCatalogSaysPerTrigger()
    {
        assertThat(load(VALID).catalog().governor().policy().holdoutUnit()).isEqualTo(HoldoutUnit.VISITOR);
        final LoadResult perTrigger = load(withLine(34, "policy: { holdout: 10%, holdout_unit: trigger }"));
        assertThat(perTrigger.errors()).isEmpty();
        assertThat(perTrigger.catalog().governor().policy().holdoutUnit()).isEqualTo(HoldoutUnit.TRIGGER);
        assertThat(load(withLine(34, "policy: { holdout: 10%, holdout_unit: visitor }")).catalog().governor().policy().holdoutUnit())
            .isEqualTo(HoldoutUnit.VISITOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox", "mailto:x@y.z",
        "//evil.example/x", "https:///nohost", "java\\tscript:alert(1)", "/ok path"})
    void shouldRejectAnUnsafeCallToActionUrl(final String url)
    {
        final Diagnostic error = singleError(load(withLine(28, "    cta: { label: Compare, url: \"" + url + "\" }")), 28, 33,
            "unsafe call-to-action URL");
        assertThat(error.hint()).contains("https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/pricing#compare", "pricing", "https://acme.example/pricing", "HTTP://acme.example", "?plan=team"})
    void shouldAcceptSafeUrls(final String url)
    {
        final LoadResult result = load(withLine(28, "    cta: { label: Compare, url: \"" + url + "\" }"));
        assertThat(result.ok()).as(result.report()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5"})
    void shouldRejectAVariantWeightThatIsNotPositive(final String weight)
    {
        final String variants = insertAfter(23,
            "    variants:",
            "      - { id: a, weight: 50 }",
            "      - { id: b, weight: " + weight + ", text: \"Which plan?\" }");
        singleError(load(variants), 26, 26, "a variant's weight must be positive");
    }

    @Test
    void shouldRejectAnUnknownDetector()
    {
        final Diagnostic error = singleError(load(withLine(13, "    detector: back_and_fourth")), 13, 15, "unknown detector 'back_and_fourth'");
        assertThat(error.hint()).isEqualTo("did you mean 'back_and_forth'?");
    }

    @Test
    void shouldRejectAnUnknownPageKind()
    {
        final Diagnostic error = singleError(load(withLine(15, "    pages: [pricing, faqs]")), 15, 22, "unknown page kind 'faqs'");
        assertThat(error.hint()).isEqualTo("did you mean 'faq'?");
    }

    @Test
    void shouldRejectAnUnknownPageKindInTheJourney()
    {
        singleError(load(withLine(10, "journey: [pricing, basket, checkout]")), 10, 20, "unknown page kind 'basket'");
    }

    @Test
    void shouldRejectATriggerOnNoPages()
    {
        singleError(load(withLine(15, "    pages: []")), 12, 5, "applies to no pages, so it can never match");
    }

    @Test
    void shouldRejectAnIdleTriggerOnPagesThatAreNotKeyPages()
    {
        final String idle = withLine(13, "    detector: idle_on_key_page").replace("    thresholds: { backs: 3, window: 90s }\n", "")
            .replace("    pages: [pricing, faq]", "    pages: [faq]");
        final Diagnostic error = singleError(load(idle), 12, 5, "can never match: idle_on_key_page fires only on key pages");
        assertThat(error.path()).isEqualTo("triggers[0].pages");
    }

    @Test
    void shouldRejectACartLoopTriggerThatLeavesOutTheCart()
    {
        final String loop = withLine(13, "    detector: cart_checkout_loop").replace("    thresholds: { backs: 3, window: 90s }\n", "")
            .replace("    pages: [pricing, faq]", "    pages: [checkout]");
        singleError(load(loop), 12, 5, "completes on the cart page");
    }

    @Test
    void shouldRejectATriggerOnAPageKindWithNoPatterns()
    {
        final String noPatterns = withLine(7, "  faq: { }");
        singleError(load(noPatterns), 15, 22, "the page kind 'faq' has no patterns");
    }

    @Test
    void shouldRejectAnInvalidOrigin()
    {
        singleError(load(withLine(4, "  origins: [https://acme.example/]")), 4, 13, "is not an origin");
    }

    @Test
    void shouldAcceptSelfAsTheOriginOfTheServersOwnPages()
    {
        final LoadResult result = load(withLine(4, "  origins: [self, https://acme.example]"));
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
        assertThat(result.catalog().allowsSelfOrigin()).isTrue();
        // self is a rule, never an Origin header value: a client sending "Origin: self" is not let in by it.
        assertThat(result.catalog().allowsOrigin("self")).isFalse();
        assertThat(result.catalog().origins()).containsExactly("https://acme.example");
    }

    @Test
    void shouldNotAllowTheServersOwnOriginUnlessSelfIsListed()
    {
        assertThat(load(VALID).catalog().allowsSelfOrigin()).isFalse();
    }

    /** CSP writes 'self' quoted; here the quotes (kept by YAML's double quotes) or another case are a mistake. */
    @ParameterizedTest
    @ValueSource(strings = {"\"'self'\"", "SELF", "Self"})
    void shouldRejectASpellingOfSelfThatIsNotIt(final String spelling)
    {
        final Diagnostic error = singleError(load(withLine(4, "  origins: [" + spelling + "]")), 4, 13, "is not an origin");
        assertThat(error.hint()).contains("write self, lower-case and unquoted");
    }

    @Test
    void shouldRejectAPatternThatIsNotAPath()
    {
        singleError(load(withLine(6, "  pricing: { match: [pricing], key: true }")), 6, 22, "does not start with '/'");
    }

    @Test
    void shouldRejectTheSamePathInTwoPageKinds()
    {
        singleError(load(withLine(8, "  cart: { match: [/Pricing/], key: true }")), 8, 19, "already matched exactly at line 6");
    }

    @Test
    void shouldRejectAValueOfTheWrongType()
    {
        singleError(load(withLine(21, "      - { id: size, label: [a, b], response: sizes }")), 21, 28, "expected text, found a list");
    }

    @Test
    void shouldReportMalformedYamlWithItsPosition()
    {
        final LoadResult result = load(withLine(19, "    text: [unclosed"));
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).message()).startsWith("not well-formed");
        assertThat(result.errors().get(0).location().line()).isBetween(19, 21);
    }

    @Test
    void shouldWarnAboutAResponseNothingRoutesTo()
    {
        final LoadResult result = load(insertAfter(33,
            "  - id: orphan",
            "    title: Nobody reads this",
            "    body: Nothing routes here.",
            "    approved: { by: Dana, at: 2026-11-02 }"));
        assertThat(result.ok()).as("a warning does not stop the catalog").isTrue();
        assertThat(result.warnings()).hasSize(1);
        assertThat(result.warnings().get(0).message()).contains("no choice routes to the response 'orphan'");
        assertThat(result.warnings().get(0).location().line()).isEqualTo(34);
    }

    @Test
    void shouldReportEveryErrorInOnePass()
    {
        final String broken = VALID
            .replace("detector: back_and_forth", "detector: back_and_fourth")
            .replace("response: sizes }", "response: size }")
            .replace("    approved: { by: Dana, at: 2026-11-02 }\npolicy", "policy")
            .replace("url: /pricing#compare", "url: \"javascript:x\"")
            .replace("policy: { holdout: 10% }", "policy: { holdout: 10%, cooldown: 2 }");
        final LoadResult result = load(broken);
        assertThat(result.errors()).as(result.report()).hasSize(5);
        assertThat(result.report()).contains("5 errors");
        assertThat(result.errors()).extracting(d -> d.location().line()).isSorted();
    }

    @Test
    void shouldAcceptJson()
    {
        final String json = "{\"version\": \"2\", \"site\": {\"key\": \"acme\", \"origins\": [\"https://acme.example\"]}," +
            "\"pages\": {\"pricing\": {\"match\": [\"/pricing\"], \"key\": true}}," +
            "\"triggers\": [{\"id\": \"t\", \"detector\": \"exit_intent\", \"question\": \"q\"}]," +
            "\"questions\": [{\"id\": \"q\", \"text\": \"Why leave?\", \"choices\": [" +
            "{\"id\": \"a\", \"label\": \"A\", \"response\": \"r\"}, {\"id\": \"b\", \"label\": \"B\", \"response\": \"r\"}," +
            "{\"id\": \"c\", \"label\": \"C\", \"response\": \"r\"}]}]," +
            "\"responses\": [{\"id\": \"r\", \"title\": \"T\", \"body\": \"B\", \"approved\": {\"by\": \"D\", \"at\": \"2026-11-02\"}}]}";
        final LoadResult result = new CatalogLoader().load("catalog.json", json);
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.catalog().version()).isEqualTo("2");
    }

    @Test
    void shouldRejectAnEmptyFile()
    {
        singleError(load(""), 1, 1, "the file is empty");
    }
}
