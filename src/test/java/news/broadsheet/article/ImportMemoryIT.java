package news.broadsheet.article;

import io.restassured.path.json.JsonPath;
import news.broadsheet.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.IntFunction;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, finding 3, against the packaged service with the heap the README recommends (256 MB): an import holds a
 * bounded number of bytes whatever its lines, so 300 valid lines of 1 MB bodies are all stored, and two million
 * refused lines give a report of the first 1,000 and the count; the service answers normally after each.
 */
class ImportMemoryIT {

    private static final String WORDS = "council river storm tram night market water bridge union minister court harbour ";

    private static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        ServiceProcess.Database database = ServiceProcess.Database.embeddedOrExternal("target/postgres-import-memory-it");
        service = ServiceProcess.start("import-memory", database.owningDatabase(true));
        service.editor().contentType("application/json").body(Map.of("slug", "news", "name", "News"))
                .put("/api/v1/sections/news").then().statusCode(201);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void threeHundredMegabyteBodiesAreAllStored() throws Exception {
        String body = WORDS.repeat(990_000 / WORDS.length());
        JsonPath report = importLines(300, line -> "{\"slug\":\"long-read-" + line + "\",\"title\":\"Long read " + line
                + "\",\"section\":\"news\",\"status\":\"PUBLISHED\",\"body\":\"" + body + line + "\"}\n");
        assertEquals(300, report.getInt("created"), report.prettify());
        service.anonymous().queryParam("section", "news").queryParam("count", true).queryParam("limit", 1)
                .get("/api/v1/articles").then().statusCode(200).body("total", equalTo(300));
    }

    @Test
    void twoMillionRefusedLinesGiveABoundedReport() throws Exception {
        JsonPath report = importLines(2_000_000, line -> "1\n");
        assertEquals(2_000_000L, report.getLong("rejectedCount"));
        assertEquals(1000, report.getList("rejected").size());
        assertEquals(1, report.getLong("rejected[0].line"));
        service.anonymous().get("/api/v1/sections").then().statusCode(200);
    }

    /** Streams the lines as they are made, as curl would send a file, and answers the import's report. */
    private static JsonPath importLines(int count, IntFunction<String> line) throws Exception {
        Enumeration<InputStream> lines = new Enumeration<>() {
            int next = 0;

            @Override
            public boolean hasMoreElements() {
                return next < count;
            }

            @Override
            public InputStream nextElement() {
                return new ByteArrayInputStream(line.apply(next++).getBytes(StandardCharsets.UTF_8));
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUri() + "/api/v1/articles/import"))
                .header("Authorization", "Bearer " + ServiceProcess.TOKEN).header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(lines))).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() == 200, answer.statusCode() + " " + answer.body());
        assertTrue(service.process().isAlive(), "the service is still running");
        return JsonPath.from(answer.body());
    }
}
