package news.broadsheet.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a hostile client sends (issue 19's findings): each is a clear 400 or a normal answer, never a 500. */
@QuarkusTest
class HostileInputTest {

    @Inject
    DataSource dataSource;

    private static String clientAddress() {
        return "203.0.113." + (1 + (int) (Math.random() * 250));
    }

    @Test
    void aSignUpWithMillionsOfValuesIsRefusedWhileItIsRead() {
        // 600,000 strings: built as a list before the 50-item limit could be checked, they ran the JVM out of memory
        String sections = IntStream.range(0, 600_000).mapToObj(i -> "\"s\"").collect(Collectors.joining(","));
        String body = "{\"email\": \"many@example.com\", \"consent\": true, \"sections\": [" + sections + "]}";
        given().header("X-Forwarded-For", clientAddress()).contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/subscriptions").then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("limits"));
    }

    @Test
    void aMergePatchNestedThousandsDeepIs400() {
        String slug = Api.create(Api.article(Api.section()));
        String patch = "{\"title\": ".repeat(1500) + "\"x\"" + "}".repeat(1500);
        editor().contentType("application/merge-patch+json").body(patch).patch("/api/v1/articles/" + slug)
                .then().statusCode(400).contentType("application/problem+json");
        editor().get("/api/v1/articles/" + slug).then().statusCode(200).body("title", equalTo("A story for the test"));
    }

    @Test
    void charactersXmlCannotCarryAreRefusedInEveryTextField() {
        String section = Api.section();
        Map<String, Object> samples = Map.of("title", "Bad \u0001 title", "summary", "Bad \u000B summary",
                "dateline", "Lone \uD800 surrogate", "authors", List.of("Bad \uFFFE name"), "body", "A \u0002forged\u0003 mark");
        samples.forEach((field, value) -> {
            Map<String, Object> article = new HashMap<>(Api.article(section));
            article.put(field, value);
            editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + article.get("slug"))
                    .then().statusCode(400).body("errors.field", hasItem(startsWith(field)))
                    .body("detail", containsString("U+"));
        });
        editor().contentType(ContentType.JSON).body(Map.of("name", "Bell \u0007 section")).post("/api/v1/sections")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        editor().contentType("text/markdown").body("---\ntitle: \"Front \\x01 matter\"\nsection: " + section + "\n---\nBody\n")
                .post("/api/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("title"));
        String line = "{\"slug\": \"" + Api.unique("ctl") + "\", \"title\": \"Import \\u0002 line\", \"section\": \"" + section + "\"}\n";
        editor().contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import")
                .then().statusCode(200).body("created", equalTo(0)).body("rejected[0].problem.errors[0].field", equalTo("title"));
        Map<String, Object> fine = new HashMap<>(Api.article(section));
        fine.put("body", "Tabs\tand\nline breaks\r\nstay, and so does 🚋.");
        Api.create(fine);
    }

    @Test
    void feedsServeRowsWrittenBeforeCharactersWereRefused() throws Exception {
        String section = Api.section();
        Map<String, Object> article = Api.article(section);
        String author = Api.unique("Old author");
        article.put("authors", List.of(author));
        String slug = Api.create(article);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update article set title = ?, summary = ? where slug = ?");
             PreparedStatement byline = connection.prepareStatement("update author set name = ? where name = ?")) {
            update.setString(1, "Old \u0001 title");
            update.setString(2, "Old \u000B summary");
            update.setString(3, slug);
            update.executeUpdate();
            byline.setString(1, "Old \uFFFE author");
            byline.setString(2, author);
            byline.executeUpdate();
        }
        for (String feed : List.of("rss.xml", "atom.xml")) {
            byte[] xml = anonymous().accept("*/*").get("/api/v1/feeds/" + feed + "?section=" + section).then().statusCode(200)
                    .extract().asByteArray();
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml)); // well-formed
            assertTrue(new String(xml, StandardCharsets.UTF_8).contains("Old  title"), feed);
        }
    }

    @Test
    void anonymousEditorsViewsAre401EvenWhenRevalidating() {
        String etag = anonymous().get("/api/v1/articles?limit=1").then().extract().header("ETag");
        anonymous().header("If-None-Match", etag).queryParam("status", "DRAFT").queryParam("limit", 1).get("/api/v1/articles")
                .then().statusCode(401);
        anonymous().header("If-None-Match", "*").queryParam("status", "DRAFT").get("/api/v1/articles").then().statusCode(401);
    }

    @Test
    void requestsWithoutHostAreAnswered() throws Exception {
        for (String path : List.of("/api/v1/articles", "/api/v1/tags", "/api/v1/sections", "/api/v1/feeds/rss.xml")) {
            String answer = raw("GET " + path + " HTTP/1.0\r\n\r\n");
            assertTrue(answer.matches("(?s)HTTP/1\\.[01] 200 .*"), path + ": " + answer.lines().findFirst().orElse(""));
            String http11 = raw("GET " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n");
            assertTrue(http11.startsWith("HTTP/1.1 200 "), path + ": " + http11.lines().findFirst().orElse(""));
        }
    }

    /** HTTP/2 read bodies past the limit (h2c, finding 6); the service speaks HTTP/1.1 only, where the limit holds. */
    @Test
    void aBodyStreamedWithoutLengthMeetsTheLimitAndHttp2IsLeftToTheEdge() throws Exception {
        URI base = URI.create("http://localhost:" + RestAssured.port);
        byte[] megabyte = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        HttpRequest twentyMegabytesChunked = HttpRequest.newBuilder(base.resolve("/api/v1/subscriptions"))
                .version(HttpClient.Version.HTTP_1_1).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                        Stream.generate(() -> (InputStream) new ByteArrayInputStream(megabyte)).limit(20).toList()))))
                .build();
        HttpResponse<String> refused = HttpClient.newHttpClient().send(twentyMegabytesChunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> read = http2.send(HttpRequest.newBuilder(base.resolve("/api/v1/sections")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, read.version(), "an h2c upgrade is declined");
    }

    @Test
    void feedsSayTheyVaryByAccept() {
        given().accept("text/xml").get("/api/v1/feeds/rss.xml").then().statusCode(200).header("Vary", containsString("Accept,"));
        given().get("/api/v1/feeds/feed.json").then().statusCode(200).header("Vary", containsString("Accept,"));
    }

    @Test
    void addressesMailServersRefuseAreRefusedAtSignUp() {
        for (String address : List.of("\"a,b\"@example.com", "ip@[127.0.0.1]", "an\u2028na@example.com", "anna@localhost",
                "anna..kowalska@example.com")) {
            given().header("X-Forwarded-For", clientAddress()).contentType(ContentType.JSON)
                    .body(Map.of("email", address, "consent", true)).post("/api/v1/subscriptions")
                    .then().statusCode(400).body("errors[0].field", equalTo("email"));
        }
        given().header("X-Forwarded-For", clientAddress()).contentType(ContentType.JSON)
                .body(Map.of("email", "zoë.martin@żółw.example", "consent", true)).post("/api/v1/subscriptions")
                .then().statusCode(202);
    }

    private static String raw(String request) throws Exception {
        int port = io.restassured.RestAssured.port;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
