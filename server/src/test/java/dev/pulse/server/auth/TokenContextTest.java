package dev.pulse.server.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.pulse.server.auth.SessionTokenVerifierTest.VECTOR_EXPIRES;
import static dev.pulse.server.auth.SessionTokenVerifierTest.VECTOR_KEY_HEX;
import static dev.pulse.server.auth.SessionTokenVerifierTest.VECTOR_SID;
import static dev.pulse.server.auth.SessionTokenVerifierTest.VECTOR_SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** v2 tokens: the context a backend vouches for, signed with the sid and the expiry; every way to change it is refused. */
class TokenContextTest
{
    private static final SigningKey KEY = SigningKey.parseOrNull(VECTOR_KEY_HEX);
    private static final long NOW_MS = (VECTOR_EXPIRES - 3_600) * 1000;
    private static final Map<String, String> GOLD_PRO = ordered("tier", "gold", "plan", "pro");

    private final SessionTokenVerifier verifier = new SessionTokenVerifier(new SigningKeys(KEY, null), 24 * 3_600_000L);

    private static Map<String, String> ordered(final String... pairs)
    {
        final Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2)
        {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String v2(final String visitor, final Map<String, String> context)
    {
        return SessionToken.mint(KEY, VECTOR_SITE, VECTOR_SID, VECTOR_EXPIRES, visitor, context);
    }

    /** The README's v2 vector, computed there with Python's hmac alone. */
    @Test
    void shouldMintTheV2TestVector()
    {
        assertThat(v2(null, GOLD_PRO)).isEqualTo(
            "v2.0123456789abcdef0123456789abcdef.1893456000..tier:gold,plan:pro.V86qsOi-ErwJu5JxdEPQaVPW1JEue386PTc3MOWAMLA");
    }

    @Test
    void shouldReadTheContextOfAV2TokenInItsOrder()
    {
        final String token = v2(null, GOLD_PRO);
        assertThat(token).startsWith("v2." + VECTOR_SID + "." + VECTOR_EXPIRES + "..tier:gold,plan:pro.");

        assertThat(verifier.verify(token, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.VALID);
        final TokenContext context = verifier.context();
        assertThat(context.count()).isEqualTo(2);
        assertThat(context.key(0).toString()).isEqualTo("tier");
        assertThat(context.value(0).toString()).isEqualTo("gold");
        assertThat(context.key(1).toString()).isEqualTo("plan");
        assertThat(context.value(1).toString()).isEqualTo("pro");
        assertThat(context.hasKey("tier")).isTrue();
        assertThat(context.hasKey("locale")).isFalse();
        assertThat(verifier.visitorHash()).as("no visitor claim").isZero();
        assertThat(Long.toHexString(verifier.sidLo())).isEqualTo("123456789abcdef");
    }

    @Test
    void shouldCarryAVisitorClaimBesideTheContextOrNoContextAtAll()
    {
        assertThat(verifier.verify(v2("account-42", ordered("locale", "en-GB")), VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.VALID);
        assertThat(verifier.visitorHash()).isEqualTo(dev.pulse.detect.Hash64.visitor("account-42"));
        assertThat(verifier.context().value(0).toString()).isEqualTo("en-GB");

        assertThat(verifier.verify(v2(null, Map.of()), VECTOR_SITE, NOW_MS)).as("vouching for no context").isEqualTo(TokenCheck.VALID);
        assertThat(verifier.context().count()).isZero();
    }

    @Test
    void shouldVouchForNoContextWithAV1TokenAndNotKeepTheLastOne()
    {
        assertThat(verifier.verify(v2(null, GOLD_PRO), VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.VALID);
        assertThat(verifier.verify(SessionTokenVerifierTest.VECTOR_TOKEN, VECTOR_SITE, NOW_MS)).as("old tokens as before").isEqualTo(TokenCheck.VALID);
        assertThat(verifier.context().count()).isZero();
    }

    @Test
    void shouldRefuseAContextChangedAddedOrRemovedAsABadSignatureAndKeepNoneOfIt()
    {
        final String token = v2(null, GOLD_PRO);
        final String[] parts = token.split("\\.", -1);
        final String mac = parts[5];

        assertThat(verifier.verify(token.replace("tier:gold", "tier:plat"), VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.context().count()).as("nothing of a refused token is kept").isZero();
        assertThat(verifier.verify(token.replace("tier:gold,plan:pro", "plan:pro,tier:gold"), VECTOR_SITE, NOW_MS))
            .as("reordered").isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.verify(token.replace("tier:gold,plan:pro", "tier:gold"), VECTOR_SITE, NOW_MS)).as("a pair removed")
            .isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.verify(token.replace("tier:gold,plan:pro", "tier:gold,plan:pro,role:admin"), VECTOR_SITE, NOW_MS))
            .as("a pair added").isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.verify(String.join(".", "v2", parts[1], parts[2], "", "", mac), VECTOR_SITE, NOW_MS)).as("all removed")
            .isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.verify(String.join(".", "v2", parts[1], parts[2], "account-1", parts[4], mac), VECTOR_SITE, NOW_MS))
            .as("a visitor added").isEqualTo(TokenCheck.BAD_SIGNATURE);
        final String v1Mac = SessionTokenVerifierTest.VECTOR_TOKEN.split("\\.")[3];
        assertThat(verifier.verify(String.join(".", "v2", parts[1], parts[2], "", "tier:gold", v1Mac), VECTOR_SITE, NOW_MS))
            .as("a context added to a v1 token").isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.verify(String.join(".", "v1", parts[1], parts[2], mac), VECTOR_SITE, NOW_MS)).as("the version changed")
            .isEqualTo(TokenCheck.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tier", "tier:", ":gold", "tier:gold,", ",tier:gold", "tier:gold,,plan:pro", "tier:gold:x", "tier:go ld",
        "tier:gold,tier:silver", "ti=er:gold", "a:1,b:2,c:3,d:4,e:5,f:6,g:7,h:8,i:9"})
    void shouldRefuseAContextNotOfTheFormAsMalformed(final String context)
    {
        final String token = String.join(".", "v2", VECTOR_SID, String.valueOf(VECTOR_EXPIRES), "", context,
            "wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48");

        assertThat(verifier.verify(token, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.MALFORMED);
        assertThat(verifier.context().count()).isZero();
    }

    @Test
    void shouldRefuseAV2TokenMissingAFieldOrTooLongAsMalformed()
    {
        final String mac = "wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48";
        final String head = "v2." + VECTOR_SID + "." + VECTOR_EXPIRES + ".";
        assertThat(verifier.verify(head + mac, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.MALFORMED);
        assertThat(verifier.verify(head + "tier:gold." + mac, VECTOR_SITE, NOW_MS)).as("no visitor field").isEqualTo(TokenCheck.MALFORMED);
        assertThat(verifier.verify(head + "a.b:c:d." + mac, VECTOR_SITE, NOW_MS)).as("a context of the wrong form").isEqualTo(TokenCheck.MALFORMED);
        final String tooLong = "k:" + "v".repeat(60) + ",l:" + "v".repeat(60) + ",m:" + "v".repeat(60) + ",n:" + "v".repeat(60) + ",o:vvv";
        assertThat(tooLong.length()).isGreaterThan(TokenContext.MAX_LENGTH);
        assertThat(verifier.verify(head + "." + tooLong + "." + mac, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.MALFORMED);
        assertThat(verifier.verify("v3." + VECTOR_SID + "." + VECTOR_EXPIRES + "." + mac, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.MALFORMED);
    }

    @Test
    void shouldAcceptTheLongestContextAndVisitor()
    {
        final Map<String, String> widest = new LinkedHashMap<>();
        for (int i = 0; i < TokenContext.MAX_PAIRS; i++)
        {
            widest.put("k" + i, "v".repeat(26));
        }
        final String token = v2("v".repeat(VisitorId.MAX_LENGTH), widest);
        assertThat(token.length()).isLessThanOrEqualTo(SessionTokenVerifier.MAX_LENGTH);
        assertThat(verifier.verify(token, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.VALID);
        assertThat(verifier.context().count()).isEqualTo(TokenContext.MAX_PAIRS);
    }

    @Test
    void shouldMintOnlyContextOfTheForm()
    {
        for (final Map<String, String> bad : java.util.List.of(Map.of("tier", "go.ld"), Map.of("ti:er", "gold"), Map.of("", "gold"),
            Map.of("tier", ""), Map.of("tier", "a,b")))
        {
            assertThatThrownBy(() -> v2(null, bad)).as(bad.toString()).isInstanceOf(IllegalArgumentException.class);
        }
        final Map<String, String> nine = new LinkedHashMap<>();
        for (int i = 0; i < 9; i++)
        {
            nine.put("k" + i, "v");
        }
        assertThatThrownBy(() -> v2(null, nine)).isInstanceOf(IllegalArgumentException.class);
    }
}
