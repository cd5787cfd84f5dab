package dev.pulse.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-rolled HMAC is HMAC-SHA256 as javax.crypto computes it. */
class SearchTextHasherTest
{
    @TempDir
    Path dir;

    @Test
    void shouldMatchJavaxCryptoHmacSha256TruncatedTo64Bits() throws Exception
    {
        final SearchTextHasher hasher = new SearchTextHasher(JournalTesting.KEY);
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(JournalTesting.KEY, "HmacSHA256"));
        final String longQuery = "ß".repeat(3000); // past the initial scratch array: it grows
        for (final String query : new String[] {"", "shoes", "chaussures de randonnée", "日本語の検索", "\uD83D\uDE00 emoji", longQuery})
        {
            final byte[] expected = mac.doFinal(query.getBytes(StandardCharsets.UTF_8));
            final String hex = HexFormat.of().formatHex(expected, 0, 8);
            assertThat(hasher.hide(query).toString()).isEqualTo("len=" + query.length() + ";hmac=" + hex);
        }
    }

    @Test
    void shouldCreateTheKeyFileOnceAndReuseIt() throws Exception
    {
        final byte[] first = SearchHashKey.loadOrCreate(dir);
        final byte[] second = SearchHashKey.loadOrCreate(dir);
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(Files.readAllBytes(dir.resolve(SearchHashKey.FILE_NAME))).isEqualTo(first);
    }

    @Test
    void shouldRefuseAKeyFileOfTheWrongLength() throws Exception
    {
        Files.write(dir.resolve(SearchHashKey.FILE_NAME), new byte[5]);
        assertThatThrownBy(() -> SearchHashKey.loadOrCreate(dir)).hasMessageContaining("holds 5 bytes");
    }
}
