package dev.pulse.server.auth;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Minting and checking session tokens: the good one, and every way one can be bad. */
class SessionTokenVerifierTest
{
    /** The README's test vector: its Java, Python and Node snippets print exactly {@link #VECTOR_TOKEN}. */
    static final String VECTOR_KEY_HEX = "8f1c2b7a90d4e35612ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final String VECTOR_SITE = "acme";
    static final String VECTOR_SID = "0123456789abcdef0123456789abcdef";
    static final long VECTOR_EXPIRES = 1_893_456_000L;
    static final String VECTOR_TOKEN = "v1.0123456789abcdef0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48";

    private static final SigningKey KEY = SigningKey.parseOrNull(VECTOR_KEY_HEX);
    private static final SigningKey OTHER_KEY = SigningKey.parseOrNull(VECTOR_KEY_HEX.replace('8', '9'));
    private static final long MAX_TTL_MS = TimeUnit.HOURS.toMillis(24);
    private static final long NOW_MS = (VECTOR_EXPIRES - 3_600) * 1000;

    private final SessionTokenVerifier verifier = new SessionTokenVerifier(new SigningKeys(KEY, null), MAX_TTL_MS);

    @Test
    void shouldMintTheTestVector()
    {
        assertThat(SessionToken.mint(KEY, VECTOR_SITE, VECTOR_SID, VECTOR_EXPIRES)).isEqualTo(VECTOR_TOKEN);
    }

    @Test
    void shouldAcceptAGoodTokenAndNameItsSession()
    {
        assertThat(verifier.verify(VECTOR_TOKEN, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.VALID);
        assertThat(Long.toHexString(verifier.sidHi())).isEqualTo("123456789abcdef");
        assertThat(Long.toHexString(verifier.sidLo())).isEqualTo("123456789abcdef");

        final String other = SessionToken.mint(KEY, VECTOR_SITE, "ffeeddccbbaa99887766554433221100", VECTOR_EXPIRES);
        assertThat(verifier.verify(other, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.VALID);
        assertThat(verifier.sidHi()).isEqualTo(0xffeeddccbbaa9988L);
        assertThat(verifier.sidLo()).isEqualTo(0x7766554433221100L);
    }

    @Test
    void shouldRefuseAnExpiredTokenOnceTheSkewHasPassed()
    {
        final long expiresMs = VECTOR_EXPIRES * 1000;
        final long skewMs = SessionToken.CLOCK_SKEW_SECONDS * 1000;

        assertThat(verifier.verify(VECTOR_TOKEN, VECTOR_SITE, expiresMs + skewMs + 999)).as("within the skew").isEqualTo(TokenCheck.VALID);
        assertThat(verifier.verify(VECTOR_TOKEN, VECTOR_SITE, expiresMs + skewMs + 1000)).isEqualTo(TokenCheck.EXPIRED);
        assertThat(verifier.verify(VECTOR_TOKEN, VECTOR_SITE, expiresMs + TimeUnit.DAYS.toMillis(30))).isEqualTo(TokenCheck.EXPIRED);
    }

    @Test
    void shouldRefuseATokenDatedFurtherAheadThanTheLongestLifetimeAndTheSkew()
    {
        final long limitSeconds = VECTOR_EXPIRES - MAX_TTL_MS / 1000 - SessionToken.CLOCK_SKEW_SECONDS;

        assertThat(verifier.verify(VECTOR_TOKEN, VECTOR_SITE, limitSeconds * 1000)).as("just within").isEqualTo(TokenCheck.VALID);
        assertThat(verifier.verify(VECTOR_TOKEN, VECTOR_SITE, (limitSeconds - 1) * 1000)).isEqualTo(TokenCheck.TOO_FAR_AHEAD);
        final String forever = SessionToken.mint(KEY, VECTOR_SITE, VECTOR_SID, 999_999_999_999L);
        assertThat(verifier.verify(forever, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.TOO_FAR_AHEAD);
    }

    @Test
    void shouldRefuseATokenOfAnotherKeyOrAnotherSite()
    {
        assertThat(verifier.verify(SessionToken.mint(OTHER_KEY, VECTOR_SITE, VECTOR_SID, VECTOR_EXPIRES), VECTOR_SITE, NOW_MS))
            .isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.verify(VECTOR_TOKEN, "acme2", NOW_MS)).isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.verify(SessionToken.mint(KEY, "other", VECTOR_SID, VECTOR_EXPIRES), VECTOR_SITE, NOW_MS))
            .isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.verify(VECTOR_TOKEN, VECTOR_SITE, NOW_MS)).as("the site key is cached per site, not stuck").isEqualTo(TokenCheck.VALID);
    }

    @Test
    void shouldRefuseATamperedSidExpiryOrMac()
    {
        final String[] parts = VECTOR_TOKEN.split("\\.");
        final String otherSid = "1" + parts[1].substring(1);
        final String longer = String.valueOf(VECTOR_EXPIRES + 3_600);
        final char last = parts[3].charAt(10);
        final String otherMac = parts[3].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[3].substring(11);

        assertThat(verifier.verify(String.join(".", "v1", otherSid, parts[2], parts[3]), VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.verify(String.join(".", "v1", parts[1], longer, parts[3]), VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.verify(String.join(".", "v1", parts[1], "0" + parts[2], parts[3]), VECTOR_SITE, NOW_MS))
            .isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.verify(String.join(".", "v1", parts[1], parts[2], otherMac), VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "x",
        "v1",
        "v1.",
        "v2.0123456789abcdef0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "V1.0123456789abcdef0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.0123456789ABCDEF0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.0123456789abcdef0123456789abcde.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.0123456789abcdef0123456789abcdeg.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.00000000000000000000000000000000.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.0123456789abcdef0123456789abcdef..wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.0123456789abcdef0123456789abcdef.+1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.0123456789abcdef0123456789abcdef.-1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.0123456789abcdef0123456789abcdef.1893456000000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.0123456789abcdef0123456789abcdef.1893456000",
        "v1.0123456789abcdef0123456789abcdef.1893456000.",
        "v1.0123456789abcdef0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48=",
        "v1.0123456789abcdef0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB4",
        "v1.0123456789abcdef0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48A",
        "v1.0123456789abcdef0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB49",
        "v1.0123456789abcdef0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB4+",
        "v1.0123456789abcdef0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064Y/48",
        "v1.0123456789abcdef0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064 B48",
        "v1.0123456789abcdef0123456789abcdef.1893456000.ex+tra.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.0123456789abcdef0123456789abcdef.1893456000.two.extra.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.0123456789abcdef0123456789abcdef.1893456000..wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.0123456789abcdef0123456789abcdef.1893456000.12345678901234567890123456789012345678901234567890123456789012345"
            + ".wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        " v1.0123456789abcdef0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48",
        "v1.0123456789abcdef0123456789abcdef.1893456000.wDgWbd3NMFRdOwsBJJ9273HL08UYBvZNW3lN064YB48 ",
    })
    void shouldRefuseAMalformedToken(final String token)
    {
        assertThat(verifier.verify(token, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.MALFORMED);
    }

    @Test
    void shouldReadASignedVisitorClaimAndNoneFromATokenWithout()
    {
        final String claimed = SessionToken.mint(KEY, VECTOR_SITE, VECTOR_SID, VECTOR_EXPIRES, "account-42");
        assertThat(claimed).startsWith("v1." + VECTOR_SID + "." + VECTOR_EXPIRES + ".account-42.");
        assertThat(verifier.verify(claimed, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.VALID);
        assertThat(verifier.visitorHash()).isEqualTo(dev.pulse.detect.Hash64.visitor("account-42"));
        assertThat(Long.toHexString(verifier.sidLo())).isEqualTo("123456789abcdef");

        final String longest = SessionToken.mint(KEY, VECTOR_SITE, VECTOR_SID, VECTOR_EXPIRES, "v".repeat(VisitorId.MAX_LENGTH));
        assertThat(verifier.verify(longest, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.VALID);

        assertThat(verifier.verify(VECTOR_TOKEN, VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.VALID);
        assertThat(verifier.visitorHash()).as("no claim: the last token's does not linger").isZero();
    }

    @Test
    void shouldRefuseAVisitorClaimAddedChangedOrRemoved()
    {
        final String[] parts = SessionToken.mint(KEY, VECTOR_SITE, VECTOR_SID, VECTOR_EXPIRES, "account-42").split("\\.");
        final String mac = parts[4];
        assertThat(verifier.verify(String.join(".", "v1", parts[1], parts[2], "account-43", mac), VECTOR_SITE, NOW_MS))
            .isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThat(verifier.verify(String.join(".", "v1", parts[1], parts[2], mac), VECTOR_SITE, NOW_MS))
            .as("the claim removed").isEqualTo(TokenCheck.BAD_SIGNATURE);
        final String plainMac = VECTOR_TOKEN.split("\\.")[3];
        assertThat(verifier.verify(String.join(".", "v1", VECTOR_SID, String.valueOf(VECTOR_EXPIRES), "account-42", plainMac), VECTOR_SITE,
            NOW_MS)).as("a claim added to a token without one").isEqualTo(TokenCheck.BAD_SIGNATURE);
        assertThatThrownBy(() -> SessionToken.mint(KEY, VECTOR_SITE, VECTOR_SID, VECTOR_EXPIRES, "a.b"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCallAnEmptyTokenMissing()
    {
        assertThat(verifier.verify("", VECTOR_SITE, NOW_MS)).isEqualTo(TokenCheck.MISSING);
    }

    @Test
    void shouldAcceptThePreviousKeyOnlyDuringARotation()
    {
        final String oldToken = SessionToken.mint(OTHER_KEY, VECTOR_SITE, VECTOR_SID, VECTOR_EXPIRES);
        final SessionTokenVerifier rotating = new SessionTokenVerifier(new SigningKeys(KEY, OTHER_KEY), MAX_TTL_MS);

        assertThat(rotating.verify(oldToken, VECTOR_SITE, NOW_MS)).as("previous key").isEqualTo(TokenCheck.VALID);
        assertThat(rotating.verify(VECTOR_TOKEN, VECTOR_SITE, NOW_MS)).as("current key").isEqualTo(TokenCheck.VALID);
        assertThat(verifier.verify(oldToken, VECTOR_SITE, NOW_MS)).as("rotation over").isEqualTo(TokenCheck.BAD_SIGNATURE);
    }

    @Test
    void shouldDescribeEveryRefusalWithoutQuotingTheToken()
    {
        for (final TokenCheck check : TokenCheck.values())
        {
            assertThat(check.detail() == null).isEqualTo(check == TokenCheck.VALID);
        }
    }

    @Test
    void shouldMintOnlyWellFormedSessionIds()
    {
        assertThatThrownBy(() -> SessionToken.mint(KEY, VECTOR_SITE, VECTOR_SID.toUpperCase(), VECTOR_EXPIRES))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionToken.mint(KEY, VECTOR_SITE, "0".repeat(32), VECTOR_EXPIRES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionToken.mint(KEY, VECTOR_SITE, VECTOR_SID, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SessionToken.newSid(new java.security.SecureRandom())).matches("[0-9a-f]{32}");
    }
}
