package dev.pulse.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A small file replaced whole: the new content in place, no temporary left, a crashed write's leftover no obstacle. */
class DurableFileTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteThenReplaceTheWholeContentLeavingNoTemporary() throws Exception
    {
        final Path file = dir.resolve("position");
        DurableFile.write(file, "a much longer first content\n".getBytes(StandardCharsets.UTF_8), false);
        DurableFile.write(file, "short\n".getBytes(StandardCharsets.UTF_8), false);

        assertThat(Files.readString(file)).isEqualTo("short\n");
        assertThat(dir.resolve("position.tmp")).doesNotExist();
    }

    @Test
    void shouldWriteOverTheLeftoverOfAWriteThatCrashed() throws Exception
    {
        final Path file = dir.resolve("node-id");
        Files.writeString(dir.resolve("node-id.tmp"), "half of an old wr");

        DurableFile.write(file, "node-1\n".getBytes(StandardCharsets.UTF_8), false);

        assertThat(Files.readString(file)).isEqualTo("node-1\n");
        assertThat(dir.resolve("node-id.tmp")).doesNotExist();
    }

    @Test
    void shouldKeepAnOwnerOnlyFileFromOthers() throws Exception
    {
        final Path file = dir.resolve("secret.key");
        DurableFile.write(file, new byte[] {1, 2, 3}, true);

        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix"))
        {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}
