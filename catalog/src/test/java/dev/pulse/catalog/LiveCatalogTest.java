package dev.pulse.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.compile.CompiledCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveCatalogTest
{
    @TempDir
    Path dir;

    private final CatalogLoader loader = new CatalogLoader();

    private LiveCatalog live(final Path file)
    {
        final LoadResult first = loader.load(file);
        assertThat(first.ok()).as(first.report()).isTrue();
        return new LiveCatalog(loader, first.catalog(), file);
    }

    @Test
    void shouldSwapInAValidNewVersion() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("catalog.yaml"), CatalogFixture.VALID);
        try (LiveCatalog live = live(file))
        {
            final CompiledCatalog before = live.current();
            Files.writeString(file, CatalogFixture.withLine(1, "version: 8"));
            final LoadResult result = live.reload();
            assertThat(result.ok()).isTrue();
            assertThat(live.current().version()).isEqualTo("8");
            assertThat(live.current().versionHash()).isNotEqualTo(before.versionHash());
            assertThat(live.byVersionHash(before.versionHash())).as("the old version stays reachable").isSameAs(before);
        }
    }

    @Test
    void shouldKeepServingTheOldCatalogWhenTheNewFileIsBroken() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("catalog.yaml"), CatalogFixture.VALID);
        try (LiveCatalog live = live(file))
        {
            final CompiledCatalog before = live.current();
            Files.writeString(file, CatalogFixture.withLine(13, "    detector: nonsense"));
            final LoadResult result = live.reload();
            assertThat(result.ok()).isFalse();
            assertThat(result.report()).contains("unknown detector 'nonsense'");
            assertThat(live.current()).isSameAs(before);
        }
    }

    @Test
    void shouldForgetVersionsBeyondTheLastFewWithoutACopyOfThem() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("catalog.yaml"), CatalogFixture.VALID);
        try (LiveCatalog live = live(file))
        {
            final long first = live.current().versionHash();
            for (int v = 100; v < 100 + LiveCatalog.VERSIONS_KEPT; v++)
            {
                Files.writeString(file, CatalogFixture.withLine(1, "version: " + v));
                assertThat(live.reload().ok()).isTrue();
            }
            assertThat(live.byVersionHash(first)).as("falls back to current").isSameAs(live.current());
        }
    }

    @Test
    void shouldKeepEveryVersionsTextBeforeItServes() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("catalog.yaml"), CatalogFixture.VALID);
        final CatalogArchive archive = new CatalogArchive(dir.resolve("data/catalogs"));
        final CompiledCatalog first = loader.load(file).catalog();
        try (LiveCatalog live = new LiveCatalog(loader, first, file, archive))
        {
            assertThat(archive.path(first.versionHash())).as("written before it serves").hasContent(CatalogFixture.VALID);
            assertThat(archive.path(first.versionHash()).getFileName().toString()).isEqualTo(first.versionHashHex() + ".yaml");
            Files.writeString(file, CatalogFixture.withLine(1, "version: 2"));
            assertThat(live.reload().ok()).isTrue();
            assertThat(archive.read(live.current().versionHash())).isEqualTo(CatalogFixture.withLine(1, "version: 2"));
            try (var files = Files.list(archive.dir()))
            {
                assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder(first.versionHashHex() + ".yaml", live.current().versionHashHex() + ".yaml");
            }
        }
    }

    @Test
    void shouldReadAnOldVersionAgainFromItsCopyAfterAnyNumberOfReloadsAndARestart() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("catalog.yaml"), CatalogFixture.VALID);
        final CatalogArchive archive = new CatalogArchive(dir.resolve("data/catalogs"));
        final long first;
        try (LiveCatalog live = new LiveCatalog(loader, loader.load(file).catalog(), file, archive))
        {
            first = live.current().versionHash();
            for (int v = 100; v < 100 + 2 * LiveCatalog.VERSIONS_KEPT; v++)
            {
                Files.writeString(file, CatalogFixture.withLine(1, "version: " + v));
                assertThat(live.reload().ok()).isTrue();
            }
            final CompiledCatalog old = live.byVersionHash(first);
            assertThat(old.versionHash()).as("read again from its copy").isEqualTo(first);
            assertThat(old.version()).isEqualTo(CatalogFixture.VALID.lines().findFirst().orElseThrow().substring("version: ".length()));
            assertThat(live.byVersionHash(first)).as("compiled once, then kept").isSameAs(old);
        }
        try (LiveCatalog restarted = new LiveCatalog(loader, loader.load(file).catalog(), file, archive))
        {
            assertThat(restarted.byVersionHash(first).versionHash()).isEqualTo(first);
            assertThat(restarted.byVersionHash(0x1234L)).as("a version never kept: the current one").isSameAs(restarted.current());
        }
    }

    @Test
    void shouldRefuseAVersionWhoseCopyCannotBeWritten() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("catalog.yaml"), CatalogFixture.VALID);
        final Path notADirectory = Files.writeString(dir.resolve("catalogs"), "a file where the directory should be");
        final CompiledCatalog first = loader.load(file).catalog();
        assertThatThrownBy(() -> new LiveCatalog(loader, first, file, new CatalogArchive(notADirectory)))
            .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("cannot keep a copy");

        final CatalogArchive archive = new CatalogArchive(dir.resolve("copies"));
        try (LiveCatalog live = new LiveCatalog(loader, first, file, archive))
        {
            Files.delete(archive.path(first.versionHash()));
            Files.delete(archive.dir());
            Files.writeString(archive.dir(), "now a file");
            Files.writeString(file, CatalogFixture.withLine(1, "version: 2"));
            final LoadResult result = live.reload();
            assertThat(result.ok()).isFalse();
            assertThat(result.report()).contains("cannot keep a copy of the new version");
            assertThat(live.current()).as("the old one keeps serving").isSameAs(first);
        }
    }

    /** Readers under reloads only ever see whole catalogs: each version's parts belong together. */
    @Test
    @Timeout(30)
    void shouldNeverShowAMixOfTwoVersionsToConcurrentReaders() throws Exception
    {
        final String small = CatalogFixture.VALID;
        final String large = CatalogFixture.withLine(1, "version: big").replace("    pages: [pricing, faq]\n    question: decide",
            "    pages: [pricing, faq]\n    question: decide\n  - id: leaving\n    detector: exit_intent\n    question: decide");
        final Path file = Files.writeString(dir.resolve("catalog.yaml"), small);
        try (LiveCatalog live = live(file))
        {
            final AtomicBoolean stop = new AtomicBoolean();
            final AtomicReference<String> torn = new AtomicReference<>();
            final AtomicLong reads = new AtomicLong();
            final List<Thread> readers = new ArrayList<>();
            final CountDownLatch started = new CountDownLatch(3);
            for (int r = 0; r < 3; r++)
            {
                final Thread reader = new Thread(() ->
                {
                    started.countDown();
                    while (!stop.get())
                    {
                        final CompiledCatalog catalog = live.current();
                        final int triggers = catalog.triggers().all().length;
                        final boolean consistent = catalog.version().equals("big") ? triggers == 2 : triggers == 1;
                        if (!consistent)
                        {
                            torn.set("version " + catalog.version() + " with " + triggers + " triggers");
                        }
                        reads.incrementAndGet();
                    }
                });
                reader.start();
                readers.add(reader);
            }
            started.await(5, TimeUnit.SECONDS);
            for (int i = 0; i < 200; i++)
            {
                Files.writeString(file, i % 2 == 0 ? large : small);
                assertThat(live.reload().ok()).isTrue();
            }
            stop.set(true);
            for (final Thread reader : readers)
            {
                reader.join();
            }
            assertThat(torn.get()).isNull();
            assertThat(reads.get()).isPositive();
        }
    }

    @Test
    @Timeout(20)
    void shouldReloadWhenTheFileChanges() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("catalog.yaml"), CatalogFixture.VALID);
        try (LiveCatalog live = live(file))
        {
            final CountDownLatch reloaded = new CountDownLatch(1);
            final AtomicReference<LoadResult> seen = new AtomicReference<>();
            live.watch(50, result ->
            {
                seen.set(result);
                reloaded.countDown();
            });
            Files.writeString(file, CatalogFixture.withLine(1, "version: watched-version"));
            assertThat(reloaded.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen.get().ok()).isTrue();
            assertThat(live.current().version()).isEqualTo("watched-version");
        }
    }
}
