package dev.pulse.server.e2e.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broken catalog file under load: while the driver sends steadily, the catalog file is replaced
 * by one with an unknown detector and a reload is asked for (and the file watch sees it too). The
 * reload is refused (422, the rejected-reloads metric, a rejected CATALOG_RELOAD record, the log
 * line), and the old catalog keeps serving: no error, no close, every message acked, questions
 * still asked, the same version on {@code /admin/catalog}.
 */
@Timeout(90)
class CatalogReloadUnderLoadEndToEndTest
{
    private static final int SESSIONS = 200;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern REJECTED = Pattern.compile("pulse_catalog_reloads_total\\{result=\"rejected\"} (\\d+)");

    @TempDir
    Path dir;

    @Test
    void shouldKeepServingTheOldCatalogWhenAReloadIsBrokenUnderLoad() throws Exception
    {
        try (ChildServer server = new ChildServer(dir, Map.of("PULSE_EXPECTED_SESSIONS", "2000"));
            LoadDriver driver = new LoadDriver(server.port(), SESSIONS, false))
        {
            server.start();
            driver.connectAll(30_000);
            driver.startSending(250);
            Thread.sleep(2_000);

            final String good = Files.readString(server.catalogFile());
            final Path broken = dir.resolve("broken.yaml");
            Files.writeString(broken, good.replaceFirst("detector: failed_search", "detector: failed_serach"));
            Files.move(broken, server.catalogFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            final long questionsAtReload = driver.tally().questions.sum();
            final HttpResponse<String> reload = admin(server, "/admin/catalog/reload", true);
            Thread.sleep(3_000);
            final long questionsAfter = driver.tally().questions.sum() - questionsAtReload;
            driver.stopSending();
            driver.awaitAll(DriverSession::allAcked, 10_000, "acked");

            final String catalog = admin(server, "/admin/catalog", false).body();
            final Matcher rejected = REJECTED.matcher(admin(server, "/metrics", false).body());
            assertThat(rejected.find()).as("the rejected-reloads metric").isTrue();
            final JournalScan journal = JournalScan.read(server.journalDir());
            System.out.printf("catalog reload under load: %d sessions, reload answered %d, rejected reloads %s (metric) %d (journal), "
                    + "questions %d before the reload and %d after it; driver %s%n",
                SESSIONS, reload.statusCode(), rejected.group(1), journal.rejectedReloads, questionsAtReload, questionsAfter, driver.tally());

            assertThat(reload.statusCode()).as("the reload of a broken file").isEqualTo(422);
            assertThat(reload.body()).contains("failed_serach");
            assertThat(Long.parseLong(rejected.group(1))).isPositive();
            assertThat(journal.rejectedReloads).as("rejected CATALOG_RELOAD records").isPositive();
            assertThat(server.output()).contains("catalog reload rejected");
            assertThat(catalog).as("the catalog still served").contains("faults-1");
            assertThat(questionsAfter).as("questions asked after the broken reload").isPositive();
            assertThat(driver.tally().errors.sum()).as("error messages").isZero();
            assertThat(driver.tally().closes.sum()).as("closes").isZero();
            assertThat(driver.count(DriverSession::connected)).as("connections still open").isEqualTo(SESSIONS);
            assertThat(server.terminate()).isZero();
        }
    }

    private static HttpResponse<String> admin(final ChildServer server, final String path, final boolean post) throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + ChildServer.ADMIN_TOKEN);
        return HTTP.send(post ? request.POST(HttpRequest.BodyPublishers.noBody()).build() : request.GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
