package news.broadsheet.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One article in the formats that search engines, agencies and embeds read: schema.org NewsArticle (the properties
 * Google's article documentation lists), IPTC ninjs validated against IPTC's schema, and an oEmbed 1.0 card.
 */
@QuarkusTest
class DistributionFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema NINJS = ninjsSchema();
    /** The structured-data properties Google's article documentation lists (all are recommended, none required). */
    private static final List<String> GOOGLE_ARTICLE_PROPERTIES = List.of("headline", "image", "datePublished", "dateModified", "author");

    private static Schema ninjsSchema() {
        try (InputStream schema = DistributionFormatsTest.class.getResourceAsStream("/schemas/ninjs/ninjs-schema_3.1.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> fullArticle(String section) {
        Map<String, Object> article = Api.article(section);
        article.put("title", "Trams </script><script>alert(1)</script> & buses");
        article.put("subtitle", "Crews cleared the lines");
        article.put("summary", "All lines run.");
        article.put("authors", List.of("Hanna Łukasik", "Ola Nowak"));
        article.put("tags", List.of("transport", "lviv"));
        article.put("dateline", "Lviv");
        article.put("heroImage", Map.of("url", "https://images.example.org/tram.jpg", "alt", "A tram", "caption", "Monday", "credit", "H. Ł."));
        return article;
    }

    @Test
    void jsonLdIsANewsArticleWithWhatGoogleReadsAndIsSafeInsideAScriptElement() throws Exception {
        String section = Api.section();
        String slug = Api.create(fullArticle(section));
        Response answer = given().accept("application/ld+json").get("/api/v1/articles/" + slug);
        answer.then().statusCode(200).contentType("application/ld+json").header("Vary", containsString("Accept"));
        String body = answer.asString();
        assertFalse(body.contains("<") || body.contains(">") || body.contains("&"), "no markup characters, escaped: " + body);
        JsonNode ld = JSON.readTree(body);
        assertEquals("https://schema.org", ld.get("@context").asText());
        assertEquals("NewsArticle", ld.get("@type").asText());
        for (String property : GOOGLE_ARTICLE_PROPERTIES) {
            assertTrue(ld.hasNonNull(property), property + " in " + body);
        }
        assertEquals("Trams </script><script>alert(1)</script> & buses", ld.get("headline").asText(), "escaped, not changed");
        String page = "https://news.example/" + section + "/" + slug;
        assertEquals(page, ld.get("mainEntityOfPage").get("@id").asText());
        assertEquals("Person", ld.get("author").get(0).get("@type").asText());
        assertEquals("https://news.example/authors/hanna-lukasik", ld.get("author").get(0).get("url").asText());
        assertEquals("Ola Nowak", ld.get("author").get(1).get("name").asText());
        assertEquals("Organization", ld.get("publisher").get("@type").asText());
        assertEquals("https://news.example/logo.png", ld.get("publisher").get("logo").get("url").asText());
        assertEquals("Section " + section, ld.get("articleSection").asText());
        assertEquals(List.of("transport", "lviv"), JSON.convertValue(ld.get("keywords"), List.class));
        assertEquals("https://images.example.org/tram.jpg", ld.get("image").get(0).asText());
        assertTrue(ld.get("wordCount").isInt() && ld.get("isAccessibleForFree").asBoolean());
    }

    @Test
    void longHeadlinesAreCutTo110CharactersOnAWordBoundary() {
        String title = "Council approves the long-awaited plan to rebuild every tram line in the city centre before the "
                + "winter storms arrive again";
        String headline = NewsArticleLd.headline(title);
        assertTrue(headline.codePointCount(0, headline.length()) <= 110, headline);
        assertEquals("Council approves the long-awaited plan to rebuild every tram line in the city centre before the winter storms…", headline, "110 with the ellipsis");
        assertEquals("Short title", NewsArticleLd.headline("Short title"));
        String unbroken = "x".repeat(200);
        assertEquals(110, NewsArticleLd.headline(unbroken).length());
    }

    @Test
    void ninjsValidatesAgainstIptcsSchemaForPublishedDraftAndScheduledArticles() throws Exception {
        String section = Api.section();
        String published = Api.create(fullArticle(section));
        Map<String, Object> draft = Api.article(section);
        draft.put("status", "DRAFT");
        Api.create(draft);
        Map<String, Object> scheduled = Api.article(section);
        scheduled.put("publishedAt", "2999-01-01T00:00:00Z");
        Api.create(scheduled);

        JsonNode ninjs = ninjs(given(), published);
        assertEquals("3.1", ninjs.get("standard").get("version").asText());
        assertEquals("text", ninjs.get("type").asText());
        assertEquals("usable", ninjs.get("pubStatus").asText());
        assertEquals("Trams </script><script>alert(1)</script> & buses", ninjs.get("headlines").get(0).get("value").asText());
        assertEquals("text/html", ninjs.get("bodies").get(0).get("contentType").asText());
        assertEquals("Hanna Łukasik", ninjs.get("people").get(0).get("name").asText());
        assertEquals("transport", ninjs.get("subjects").get(1).get("name").asText());
        assertEquals("https://images.example.org/tram.jpg", ninjs.get("associations").get(0).get("renditions").get(0).get("href").asText());

        var editor = given().header("Authorization", "Bearer " + Api.TOKEN);
        assertEquals("withheld", ninjs(editor, (String) draft.get("slug")).get("pubStatus").asText());
        JsonNode embargoed = ninjs(given().header("Authorization", "Bearer " + Api.TOKEN), (String) scheduled.get("slug"));
        assertEquals("2999-01-01T00:00:00Z", embargoed.get("embargoedUntil").asText());
    }

    @Test
    void theSchemaCheckRefusesADocumentThatBreaksIt() throws Exception {
        List<Error> errors = NINJS.validate(JSON.readTree("{\"uri\": \"urn:x\", \"pubStatus\": \"published\", \"headline\": \"x\"}"));
        assertFalse(errors.isEmpty(), "an unknown pubStatus and a 2.x property name are refused");
    }

    @Test
    void acceptPicksTheBestSupportedTypeByQualityInAnyOrder() {
        String slug = Api.create(fullArticle(Api.section()));
        String path = "/api/v1/articles/" + slug;
        given().header("Accept", "application/ld+json;q=0.5, application/ninjs+json;q=0.9").get(path).then().contentType("application/ninjs+json");
        given().header("Accept", "application/json;q=0.1, application/ld+json").get(path).then().contentType("application/ld+json");
        given().header("Accept", "text/html, */*;q=0.1").get(path).then().statusCode(200).contentType("application/json");
        given().header("Accept", "*/*").get(path).then().contentType("application/json");
        given().get(path).then().contentType("application/json");
        given().header("Accept", "text/html, application/xml").get(path).then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void eachFormatHasItsOwnEtagAndRevalidates() {
        String slug = Api.create(fullArticle(Api.section()));
        String path = "/api/v1/articles/" + slug;
        String json = given().accept("application/json").get(path).then().extract().header("ETag");
        String ld = given().accept("application/ld+json").get(path).then().extract().header("ETag");
        String ninjs = given().accept("application/ninjs+json").get(path).then().extract().header("ETag");
        assertNotEquals(json, ld);
        assertNotEquals(ld, ninjs);
        for (int i = 0; i < 2; i++) { // the second time from the response cache
            given().accept("application/ld+json").header("If-None-Match", ld).get(path).then().statusCode(304);
            given().accept("application/ld+json").get(path).then().statusCode(200).contentType("application/ld+json").header("ETag", ld);
        }
        given().accept("application/json").header("If-None-Match", ld).get(path).then().statusCode(200);
    }

    @Test
    void oembedAnswersARichCardForAnArticlePage() throws Exception {
        String section = Api.section();
        String slug = Api.create(fullArticle(section));
        String page = "https://news.example/" + section + "/" + slug;
        for (int i = 0; i < 2; i++) {
            Response answer = given().queryParam("url", page).queryParam("format", "json").queryParam("maxwidth", "400")
                    .get("/api/v1/oembed");
            answer.then().statusCode(200).contentType("application/json");
            JsonNode card = JSON.readTree(answer.asString());
            for (String required : List.of("version", "type", "html", "width", "height")) {
                assertTrue(card.hasNonNull(required), required);
            }
            assertEquals("1.0", card.get("version").asText());
            assertEquals("rich", card.get("type").asText());
            assertEquals(400, card.get("width").asInt(), "never wider than maxwidth");
            String html = card.get("html").asText();
            assertFalse(html.contains("<script"), html);
            assertTrue(html.contains("Trams &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; buses"), html);
            assertTrue(html.contains("href=\"" + page + "\""), html);
            assertEquals("Broadsheet", card.get("provider_name").asText());
        }
        given().queryParam("url", page + "?utm_source=x").get("/api/v1/oembed").then().statusCode(200);
    }

    @Test
    void oembedRefusesWhatItCannotAnswer() {
        String section = Api.section();
        String slug = Api.create(fullArticle(section));
        String page = "https://news.example/" + section + "/" + slug;
        given().queryParam("url", page).queryParam("format", "xml").get("/api/v1/oembed").then().statusCode(501)
                .contentType("application/problem+json").body("type", equalTo("urn:broadsheet:problem:not-implemented"));
        for (String malformed : List.of("", "not a url", "ftp://news.example/x/y", "/europe/story", "https://")) {
            given().queryParam("url", malformed).get("/api/v1/oembed").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        }
        given().get("/api/v1/oembed").then().statusCode(400);
        given().queryParam("url", page).queryParam("maxwidth", "wide").get("/api/v1/oembed").then().statusCode(400)
                .body("errors[0].field", equalTo("maxwidth"));
        for (String unknown : List.of("https://news.example/" + section + "/no-such-story", "https://elsewhere.example/" + section + "/" + slug,
                "https://news.example/other-section/" + slug, "https://news.example/about")) {
            given().queryParam("url", unknown).get("/api/v1/oembed").then().statusCode(404).contentType("application/problem+json");
        }
        Map<String, Object> draft = Api.article(section);
        draft.put("status", "DRAFT");
        Api.create(draft);
        given().queryParam("url", "https://news.example/" + section + "/" + draft.get("slug")).get("/api/v1/oembed").then().statusCode(404)
                .body(not(containsString("A story for the test")));
    }

    private static JsonNode ninjs(io.restassured.specification.RequestSpecification request, String slug) throws Exception {
        String body = request.accept("application/ninjs+json").get("/api/v1/articles/" + slug).then().statusCode(200)
                .contentType("application/ninjs+json").extract().asString();
        JsonNode ninjs = JSON.readTree(body);
        List<Error> errors = NINJS.validate(ninjs);
        assertTrue(errors.isEmpty(), errors + " in " + body);
        return ninjs;
    }
}
