package dev.pulse.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** admin_token_file and report_token_file: the token read from a file, one way only, every bad file a clear error without the token. */
class TokenFilesTest
{
    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    @Test
    void shouldReadTheTokenWithoutOneTrailingNewline() throws Exception
    {
        final Path admin = Files.writeString(dir.resolve("admin.token"), "adm1n-T0ken\n");
        final Path report = Files.writeString(dir.resolve("report.token"), "rep0rt-token\r\n");
        final Path bare = Files.writeString(dir.resolve("bare.token"), "bare-token");

        final ServerConfig config = loader.load(null, Map.of("PULSE_ADMIN_TOKEN_FILE", admin.toString(),
            "PULSE_REPORT_TOKEN_FILE", report.toString()), Map.of());

        assertThat(TokenFiles.adminToken(config)).isEqualTo("adm1n-T0ken");
        assertThat(TokenFiles.reportToken(config)).isEqualTo("rep0rt-token");
        assertThat(TokenFiles.adminToken(loader.load(null, Map.of(), Map.of("admin_token_file", bare)))).isEqualTo("bare-token");
    }

    @Test
    void shouldGiveTheValueWhenNoFileIsSetAndNullWhenNeither() throws Exception
    {
        assertThat(TokenFiles.adminToken(loader.load(null, Map.of("PULSE_ADMIN_TOKEN", "given"), Map.of()))).isEqualTo("given");
        assertThat(TokenFiles.adminToken(ServerConfig.defaults())).isNull();
        assertThat(TokenFiles.reportToken(ServerConfig.defaults())).isNull();
    }

    @Test
    void shouldRefuseAValueAndAFileTogether() throws Exception
    {
        final Path admin = Files.writeString(dir.resolve("admin.token"), "from-file\n");

        assertThat(problems(Map.of("PULSE_ADMIN_TOKEN", "from-env", "PULSE_ADMIN_TOKEN_FILE", admin.toString())))
            .containsExactly("admin_token and admin_token_file are both set: give the token one way");
    }

    @Test
    void shouldRefuseAMissingEmptyOrMultiLineFileNamingTheSettingAndTheFileButNeverTheContent() throws Exception
    {
        final Path missing = dir.resolve("missing.token");
        final Path empty = Files.writeString(dir.resolve("empty.token"), "\n");
        final Path twoLines = Files.writeString(dir.resolve("two.token"), "s3cret-first\n\n");
        final Path spaced = Files.writeString(dir.resolve("spaced.token"), "s3cret with spaces");

        assertThat(problems(Map.of("PULSE_ADMIN_TOKEN_FILE", missing.toString())))
            .containsExactly("admin_token_file: " + missing + " does not exist");
        assertThat(problems(Map.of("PULSE_REPORT_TOKEN_FILE", empty.toString())))
            .containsExactly("report_token_file: " + empty + " is empty; write the token in it");
        assertThat(problems(Map.of("PULSE_ADMIN_TOKEN_FILE", twoLines.toString(), "PULSE_REPORT_TOKEN_FILE", spaced.toString())))
            .containsExactly(
                "admin_token_file: " + twoLines + " does not hold a token; expected a token of visible ASCII characters without spaces, on one line",
                "report_token_file: " + spaced + " does not hold a token; expected a token of visible ASCII characters without spaces, on one line")
            .allSatisfy(problem -> assertThat(problem).doesNotContain("s3cret"));
    }

    @Test
    void shouldRefuseADirectory()
    {
        assertThat(problems(Map.of("PULSE_ADMIN_TOKEN_FILE", dir.toString()))).singleElement().asString()
            .startsWith("admin_token_file: " + dir + " cannot be read");
    }

    @Test
    void shouldFailAtStartWhenTheFileWentAwayAfterTheCheck() throws Exception
    {
        final Path admin = Files.writeString(dir.resolve("admin.token"), "t\n");
        final ServerConfig config = loader.load(null, Map.of("PULSE_ADMIN_TOKEN_FILE", admin.toString()), Map.of());
        Files.delete(admin);

        assertThatThrownBy(() -> TokenFiles.adminToken(config))
            .isInstanceOf(ConfigException.class)
            .hasMessage("admin_token_file: " + admin + " does not exist");
    }

    private List<String> problems(final Map<String, String> environment)
    {
        return ConfigProblems.of(loader, environment);
    }
}
