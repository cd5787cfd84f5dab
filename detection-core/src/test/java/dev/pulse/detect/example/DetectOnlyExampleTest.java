package dev.pulse.detect.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DetectOnlyExampleTest
{
    @Test
    void shouldSignalTheLoopOnTheThirdBackAndTheIdleAtItsDeadline()
    {
        assertThat(DetectOnlyExample.run()).containsExactly("pricing-faq-loop at +30s", "pricing-idle at +75s");
    }

    /** The README quotes the example: the two must not drift apart. */
    @Test
    void shouldBeQuotedInTheReadme() throws IOException
    {
        final String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        final String example = Files.readString(Path.of("src/test/java/dev/pulse/detect/example/DetectOnlyExample.java"),
            StandardCharsets.UTF_8);
        final String body = example.substring(example.indexOf("        final DetectorSite site"), example.indexOf("        return seen;"));
        assertThat(readme).contains(body);
    }
}
