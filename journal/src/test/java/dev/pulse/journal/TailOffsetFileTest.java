package dev.pulse.journal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reader's durable position: written whole or not at all, read back exactly, damage refused with the file's name. */
class TailOffsetFileTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadBackTheLastPositionWritten() throws Exception
    {
        final TailOffsetFile file = new TailOffsetFile(dir.resolve("kafka.offset"));
        assertThat(file.read()).as("none written yet").isNull();
        file.write(new TailPosition(3, 4096));
        file.write(new TailPosition(12, 77));
        assertThat(new TailOffsetFile(dir.resolve("kafka.offset")).read()).isEqualTo(new TailPosition(12, 77));
        assertThat(Files.exists(dir.resolve("kafka.offset.tmp"))).as("no temporary file left").isFalse();
    }

    @Test
    void shouldIgnoreATemporaryFileLeftByACrashBeforeTheRename() throws Exception
    {
        final TailOffsetFile file = new TailOffsetFile(dir.resolve("kafka.offset"));
        file.write(new TailPosition(1, 2));
        Files.writeString(dir.resolve("kafka.offset.tmp"), "pulse-tail v1 9 9");
        assertThat(file.read()).isEqualTo(new TailPosition(1, 2));
        file.write(new TailPosition(2, 0));
        assertThat(file.read()).isEqualTo(new TailPosition(2, 0));
    }

    @Test
    void shouldRefuseADamagedOrForeignFile() throws Exception
    {
        final Path path = dir.resolve("kafka.offset");
        final TailOffsetFile file = new TailOffsetFile(path);
        file.write(new TailPosition(5, 100));
        Files.writeString(path, Files.readString(path).replace(" 100 ", " 900 "));
        assertThatThrownBy(file::read).hasMessageContaining("damaged").hasMessageContaining(path.toString());
        Files.writeString(path, "hello");
        assertThatThrownBy(file::read).hasMessageContaining("is not a journal position");
    }
}
