package dev.pulse.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.LiveCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/** Reloading the catalog on a running server: atomic, rejected when broken, and fair to questions already asked. */
@Timeout(60)
class CatalogReloadEndToEndTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> reload(final TestServer server, final String token) throws Exception
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/admin/catalog/reload"))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRouteAnAnswerByTheCatalogVersionThatAskedTheQuestion() throws Exception
    {
        try (TestServer server = new TestServer(dir); TestClient client = server.connect())
        {
            client.hello(null);
            client.send("search", "q", "a", "results", 0);
            client.send("search", "q", "b", "results", 0);
            final JsonNode question = client.next("question");

            final String original = Files.readString(server.catalogFile());
            Files.writeString(server.catalogFile(), original.replace("version: e2e-1", "version: e2e-2")
                .replace("title: Take your time", "title: A new title nobody approved for that question"));
            final HttpResponse<String> response = reload(server, "test-admin-token");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(TestClient.JSON.readTree(response.body()).get("version").asText()).isEqualTo("e2e-2");

            client.send("answer", "iid", question.get("iid").asText(), "choice", "gift");
            assertThat(client.next("response").get("title").asText()).as("the copy of the version that asked").isEqualTo("Take your time");

            client.send("search", "q", "c", "results", 0);
            client.send("search", "q", "d", "results", 0);
            client.assertNoQuestion(300);
        }
    }

    @Test
    void shouldRouteAnAnswerByTheVersionThatAskedAfterManyReloadsAndARestart() throws Exception
    {
        try (TestServer server = new TestServer(dir))
        {
            final String versionA = Files.readString(server.catalogFile());
            final String hashA = server.server().catalog().current().versionHashHex();
            final String sid;
            final String iid;
            try (TestClient client = server.connect())
            {
                client.hello(null);
                sid = client.sid();
                client.send("search", "q", "a", "results", 0);
                client.send("search", "q", "b", "results", 0);
                iid = client.next("question").get("iid").asText();
            }
            for (int v = 2; v <= 2 + LiveCatalog.VERSIONS_KEPT + 1; v++)
            {
                Files.writeString(server.catalogFile(), versionA.replace("version: e2e-1", "version: e2e-" + v)
                    .replace("title: Take your time", "title: Copy of version " + v));
                assertThat(reload(server, "test-admin-token").statusCode()).isEqualTo(200);
            }
            server.restart();
            assertThat(server.server().catalog().current().version()).isEqualTo("e2e-" + (2 + LiveCatalog.VERSIONS_KEPT + 1));

            try (TestClient client = server.connect())
            {
                client.hello(sid);
                client.send("answer", "iid", iid, "choice", "gift");
                assertThat(client.next("response").get("title").asText()).as("the copy of the version that asked").isEqualTo("Take your time");
            }
            final Path copy = server.dataDir().resolve("catalogs").resolve(hashA + ".yaml");
            assertThat(copy).as("version A's text, kept in the data directory").hasContent(versionA);

            final HttpResponse<String> report = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/admin/report?format=json"))
                .header("Authorization", "Bearer test-admin-token").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(report.statusCode()).isEqualTo(200);
            final JsonNode versions = TestClient.JSON.readTree(report.body()).get("totals").get("catalog_versions");
            assertThat(versions.findValuesAsText("copy")).as("every version named by its copy")
                .contains("catalogs/" + hashA + ".yaml").doesNotContain("");
            for (final JsonNode version : versions)
            {
                assertThat(server.dataDir().resolve(version.get("copy").asText())).exists();
            }
        }
    }

    @Test
    void shouldRejectABrokenCatalogAndKeepServingTheOldOne() throws Exception
    {
        try (TestServer server = new TestServer(dir))
        {
            Files.writeString(server.catalogFile(), Files.readString(server.catalogFile()).replace("detector: failed_search", "detector: failed_serach"));
            final HttpResponse<String> response = reload(server, "test-admin-token");
            assertThat(response.statusCode()).isEqualTo(422);
            final JsonNode errors = TestClient.JSON.readTree(response.body()).get("errors");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get("message").asText()).contains("unknown detector 'failed_serach'");
            assertThat(errors.get(0).get("line").asInt()).isPositive();
            assertThat(errors.get(0).get("hint").asText()).contains("failed_search");
            assertThat(reload(server, "wrong-token").statusCode()).isEqualTo(401);

            try (TestClient client = server.connect())
            {
                client.hello(null);
                client.send("search", "q", "a", "results", 0);
                client.send("search", "q", "b", "results", 0);
                assertThat(client.next("question").get("qid").asText()).as("the old catalog still serves").isEqualTo("cant-find");
            }
            assertThat(server.server().catalog().current().version()).isEqualTo("e2e-1");
        }
    }
}
