package dev.pulse.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import dev.pulse.server.PulseMain;
import dev.pulse.server.auth.SessionTokenVerifier;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.auth.SigningKeys;
import dev.pulse.server.auth.TokenCheck;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pulse token}: what it prints is the documented formula, and the server's verifier accepts it. */
class TokenCommandTest
{
    private static final String KEY_HEX = "8f1c2b7a90d4e35612ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String SID = "5f0c1a2b3c4d5e6f708192a3b4c5d6e7";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine commandLine = PulseMain.commandLine((config) -> null, Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return PulseMain.execute(commandLine, args);
    }

    private Path keyFile() throws Exception
    {
        final Path file = dir.resolve("signing.key");
        Files.writeString(file, KEY_HEX + "\n");
        return file;
    }

    @Test
    void shouldPrintATokenTheServerAcceptsForExactlyThatSession() throws Exception
    {
        final long before = System.currentTimeMillis() / 1000;
        final int status = run("token", "--key-file", keyFile().toString(), "--site", "acme", "--sid", SID, "--ttl", "30m");

        assertThat(status).isZero();
        final String token = out.toString().strip();
        final String[] fields = token.split("\\.");
        assertThat(fields).hasSize(4);
        assertThat(fields[0]).isEqualTo("v1");
        assertThat(fields[1]).isEqualTo(SID);
        assertThat(Long.parseLong(fields[2])).isBetween(before + 1_800, System.currentTimeMillis() / 1000 + 1_800);

        // The README's formula, computed here with the JDK alone.
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(KEY_HEX), "HmacSHA256"));
        final byte[] tag = mac.doFinal(("v1.acme." + SID + "." + fields[2]).getBytes(StandardCharsets.UTF_8));
        assertThat(fields[3]).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(tag));

        final SessionTokenVerifier verifier = new SessionTokenVerifier(new SigningKeys(SigningKey.parseOrNull(KEY_HEX), null),
            TimeUnit.HOURS.toMillis(24));
        assertThat(verifier.verify(token, "acme", System.currentTimeMillis())).isEqualTo(TokenCheck.VALID);
        assertThat(String.format("%016x%016x", verifier.sidHi(), verifier.sidLo())).isEqualTo(SID);
        assertThat(verifier.verify(token, "other", System.currentTimeMillis())).isEqualTo(TokenCheck.BAD_SIGNATURE);
    }

    @Test
    void shouldMakeANewRandomSessionIdWhenNoneIsGiven() throws Exception
    {
        assertThat(run("token", "--key-file", keyFile().toString(), "--site", "acme")).isZero();
        assertThat(run("token", "--key-file", keyFile().toString(), "--site", "acme")).isZero();

        final String[] tokens = out.toString().strip().split("\n");
        assertThat(tokens).hasSize(2);
        assertThat(tokens[0].split("\\.")[1]).matches("[0-9a-f]{32}").isNotEqualTo(tokens[1].split("\\.")[1]);
        final SessionTokenVerifier verifier = new SessionTokenVerifier(new SigningKeys(SigningKey.parseOrNull(KEY_HEX), null),
            TimeUnit.HOURS.toMillis(24));
        assertThat(verifier.verify(tokens[0], "acme", System.currentTimeMillis())).as("12h by default").isEqualTo(TokenCheck.VALID);
    }

    @Test
    void shouldExitWith2OnABadKeySidOrTtl() throws Exception
    {
        final Path shortKey = dir.resolve("short.key");
        Files.writeString(shortKey, "abcd");

        assertThat(run("token", "--key-file", dir.resolve("missing.key").toString(), "--site", "acme")).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(run("token", "--key-file", shortKey.toString(), "--site", "acme")).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(err.toString()).contains(shortKey + " does not hold a key").doesNotContain("abcd\n");
        assertThat(run("token", "--key-file", keyFile().toString(), "--site", "acme", "--sid", SID.toUpperCase())).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(run("token", "--key-file", keyFile().toString(), "--site", "acme", "--ttl", "soon")).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(run("token", "--key-file", keyFile().toString())).as("--site is required").isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(out.toString()).as("no token printed").isEmpty();
    }

    @Test
    void shouldSignTheContextGivenWithCtxIntoAV2Token() throws Exception
    {
        final int status = run("token", "--key-file", keyFile().toString(), "--site", "acme", "--sid", SID, "--visitor", "account-7",
            "--ctx", "tier=gold", "--ctx", "plan=pro");

        assertThat(status).as(err.toString()).isZero();
        final String token = out.toString().strip();
        final String[] fields = token.split("\\.");
        assertThat(fields).hasSize(6);
        assertThat(fields[0]).isEqualTo("v2");
        assertThat(fields[3]).isEqualTo("account-7");
        assertThat(fields[4]).isEqualTo("tier:gold,plan:pro");
        // The README's formula, computed here with the JDK alone.
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(KEY_HEX), "HmacSHA256"));
        final byte[] tag = mac.doFinal(("v2.acme." + SID + "." + fields[2] + ".account-7.tier:gold,plan:pro").getBytes(StandardCharsets.UTF_8));
        assertThat(fields[5]).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(tag));

        final SessionTokenVerifier verifier = new SessionTokenVerifier(new SigningKeys(SigningKey.parseOrNull(KEY_HEX), null),
            TimeUnit.HOURS.toMillis(24));
        assertThat(verifier.verify(token, "acme", System.currentTimeMillis())).isEqualTo(TokenCheck.VALID);
        assertThat(verifier.context().count()).isEqualTo(2);
        assertThat(verifier.context().key(1).toString()).isEqualTo("plan");
        assertThat(verifier.context().value(1).toString()).isEqualTo("pro");
    }

    @Test
    void shouldExitWith2OnBadContext() throws Exception
    {
        for (final String pair : new String[] {"tier", "tier=", "=gold", "tier=go.ld", "ti:er=gold", "tier=a,b"})
        {
            assertThat(run("token", "--key-file", keyFile().toString(), "--site", "acme", "--ctx", pair)).as(pair).isEqualTo(PulseMain.EXIT_USAGE);
        }
        final java.util.List<String> nine = new java.util.ArrayList<>(java.util.List.of("token", "--key-file", keyFile().toString(), "--site", "acme"));
        for (int i = 0; i < 9; i++)
        {
            nine.add("--ctx");
            nine.add("k" + i + "=v");
        }
        assertThat(run(nine.toArray(String[]::new)))
            .as("nine pairs").isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(err.toString()).contains("--ctx");
        assertThat(out.toString()).as("no token printed").isEmpty();
    }
}
