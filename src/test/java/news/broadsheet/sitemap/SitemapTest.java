package news.broadsheet.sitemap;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import news.broadsheet.MovableClock;
import news.broadsheet.XmlAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.editor;
import static news.broadsheet.XmlAnswers.texts;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sitemaps as crawlers read them: validated against the sitemaps.org schemas (and our schema of Google's News
 * extension), absolute public addresses, only public articles, months split in parts (broadsheet.site.sitemap-size is
 * 3 in tests), the News sitemap's 48 hours judged on the service's clock.
 */
@QuarkusTest
class SitemapTest {

    private static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    @Inject
    MovableClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void indexNamesSectionsNewsAndEveryMonthWithPublicArticlesAndValidates() throws Exception {
        String section = Api.section();
        publishedAt(section, "2011-04-10T08:00:00Z");
        Document index = valid("/sitemap.xml", "siteindex.xsd");
        List<String> sitemaps = texts(index.getDocumentElement(), SITEMAPS, "loc");
        assertTrue(sitemaps.get(0).startsWith("http://localhost:"), "the sitemaps are this API's own addresses: " + sitemaps);
        assertTrue(sitemaps.get(0).endsWith("/sitemaps/sections.xml"), sitemaps.toString());
        assertTrue(sitemaps.get(1).endsWith("/sitemaps/news.xml"), sitemaps.toString());
        assertTrue(sitemaps.stream().anyMatch(loc -> loc.endsWith("/sitemaps/articles-2011-04.xml")), sitemaps.toString());
        for (String loc : sitemaps) {
            given().get(loc).then().statusCode(200); // every sitemap named answers
        }
    }

    @Test
    void monthListsItsPublicArticlesOldestFirstWithTheirLastChange() throws Exception {
        String section = Api.section();
        String first = publishedAt(section, "2012-02-01T00:00:00Z");
        String second = publishedAt(section, "2012-02-29T23:59:59Z");
        publishedAt(section, "2012-03-01T00:00:00Z"); // the next month, in UTC
        Map<String, Object> draft = Api.article(section);
        draft.put("status", "DRAFT");
        draft.put("publishedAt", "2012-02-10T00:00:00Z");
        Api.create(draft);

        Document month = valid("/sitemaps/articles-2012-02.xml", "sitemap.xsd");
        List<String> pages = texts(month.getDocumentElement(), SITEMAPS, "loc");
        assertEquals(List.of("https://news.example/" + section + "/" + first, "https://news.example/" + section + "/" + second), pages);
        String updatedAt = Api.anonymous().get("/api/v1/articles/" + first).then().extract().path("updatedAt");
        assertEquals(Instant.parse(updatedAt).truncatedTo(ChronoUnit.SECONDS).toString(),
                texts(month.getDocumentElement(), SITEMAPS, "lastmod").get(0));
    }

    @Test
    void monthOfMoreThanOneSitemapIsSplitInPartsThatTheIndexNames() throws Exception {
        String section = Api.section();
        List<String> expected = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            expected.add("https://news.example/" + section + "/" + publishedAt(section, "2013-05-0" + day + "T12:00:00Z"));
        }
        List<String> listed = new ArrayList<>();
        for (String part : List.of("2013-05", "2013-05-2", "2013-05-3")) {
            listed.addAll(texts(valid("/sitemaps/articles-" + part + ".xml", "sitemap.xsd").getDocumentElement(), SITEMAPS, "loc"));
        }
        assertEquals(expected, listed, "three parts of 3, 3 and 1, in order, nothing twice");
        List<String> index = texts(valid("/sitemap.xml", "siteindex.xsd").getDocumentElement(), SITEMAPS, "loc");
        assertTrue(index.stream().anyMatch(loc -> loc.endsWith("/articles-2013-05-3.xml")), index.toString());
        assertFalse(index.stream().anyMatch(loc -> loc.endsWith("/articles-2013-05-4.xml")), index.toString());
    }

    @Test
    void monthsWithoutPublicArticlesAndMalformedNamesAreNotFound() {
        String section = Api.section();
        publishedAt(section, "2014-06-15T12:00:00Z");
        Map<String, Object> scheduled = Api.article(section);
        scheduled.put("publishedAt", "2999-01-01T00:00:00Z");
        Api.create(scheduled);
        for (String name : List.of("articles-1990-01.xml", "articles-2999-01.xml", "articles-2014-13.xml", "articles-2014-06-2.xml",
                "articles-2014-06-1.xml", "articles-2014-06-02.xml", "articles-2014-6.xml", "articles.xml")) {
            given().get("/sitemaps/" + name).then().statusCode(404).contentType("application/problem+json");
        }
        given().get("/sitemaps/articles-2014-06.xml").then().statusCode(200);
    }

    @Test
    void sectionsSitemapListsEverySectionPage() throws Exception {
        String section = Api.section();
        List<String> pages = texts(valid("/sitemaps/sections.xml", "sitemap.xsd").getDocumentElement(), SITEMAPS, "loc");
        assertTrue(pages.contains("https://news.example/" + section), pages.toString());
    }

    /** The News sitemap's "now" is the service's clock: set to a day in 2005 that only this test publishes around. */
    @Test
    void newsSitemapHoldsTheLastTwoDaysOnTheServicesClock() throws Exception {
        Instant now = Instant.parse("2005-03-10T12:00:00Z");
        String section = Api.section();
        String recent = publishedAt(section, now.minus(Duration.ofHours(1)).toString());
        String older = publishedAt(section, now.minus(Duration.ofHours(47)).toString());
        String tooOld = publishedAt(section, now.minus(Duration.ofHours(49)).toString());
        String later = publishedAt(section, now.plus(Duration.ofHours(1)).toString());
        Map<String, Object> draft = Api.article(section);
        draft.put("status", "DRAFT");
        draft.put("publishedAt", now.minus(Duration.ofHours(2)).toString());
        Api.create(draft);

        clock.setTo(now);
        Document news = valid("/sitemaps/news.xml", "sitemap.xsd");
        List<String> pages = texts(news.getDocumentElement(), SITEMAPS, "loc");
        assertEquals(List.of(page(section, recent), page(section, older)), pages, "newest first; not the draft, nor outside the 48 hours");
        Element first = (Element) news.getElementsByTagNameNS(NEWS, "news").item(0);
        assertEquals("Broadsheet", texts(first, NEWS, "name").get(0));
        assertEquals("en", texts(first, NEWS, "language").get(0));
        assertEquals("2005-03-10T11:00:00Z", texts(first, NEWS, "publication_date").get(0));
        assertEquals("A story for the test", texts(first, NEWS, "title").get(0));

        clock.setTo(now.plus(Duration.ofHours(2)));
        pages = texts(valid("/sitemaps/news.xml", "sitemap.xsd").getDocumentElement(), SITEMAPS, "loc");
        assertEquals(List.of(page(section, later), page(section, recent)), pages, "two hours on, the 47-hour-old story has aged out");
        assertFalse(pages.contains(page(section, tooOld)));
    }

    @Test
    void newsSitemapTakesTheNewestThousand() throws Exception {
        Instant now = Instant.parse("2006-06-20T12:00:00Z");
        String section = Api.section();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1_001; i++) {
            lines.append("{\"slug\":\"").append(section).append("-n").append(i).append("\",\"title\":\"News ").append(i)
                    .append("\",\"body\":\"Text\",\"section\":\"").append(section).append("\",\"status\":\"PUBLISHED\",\"publishedAt\":\"")
                    .append(now.minus(Duration.ofHours(40)).plusSeconds(i)).append("\"}\n");
        }
        editor().contentType("application/x-ndjson").body(lines.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles/import").then().statusCode(200).body("created", equalTo(1_001));
        clock.setTo(now);
        Document news = valid("/sitemaps/news.xml", "sitemap.xsd");
        List<String> pages = texts(news.getDocumentElement(), SITEMAPS, "loc");
        assertEquals(1_000, pages.size());
        assertEquals(page(section, section + "-n1000"), pages.get(0), "newest first");
        assertEquals(page(section, section + "-n1"), pages.get(999));
        assertFalse(pages.contains(page(section, section + "-n0")), "the oldest of 1,001 is left out");
    }

    @Test
    void sitemapsRevalidateCompressAndAreCachedPublicly() throws Exception {
        Response first = given().get("/sitemap.xml");
        first.then().statusCode(200).contentType("application/xml").header("ETag", notNullValue())
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=300"));
        given().header("If-None-Match", first.header("ETag")).get("/sitemap.xml").then().statusCode(304);
        String news = given().get("/sitemaps/news.xml").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", news).get("/sitemaps/news.xml").then().statusCode(304);
        byte[] gzipped = given().header("Accept-Encoding", "gzip").config(io.restassured.RestAssured.config()
                        .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()))
                .get("/sitemap.xml").then().header("Content-Encoding", "gzip").extract().asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertEquals(first.asString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String section = Api.section();
        publishedAt(section, "2015-07-07T07:00:00Z");
        Response changed = given().header("If-None-Match", first.header("ETag")).get("/sitemap.xml");
        changed.then().statusCode(200);
        assertTrue(changed.asString().contains("articles-2015-07.xml"), "a write moves the index past its old ETag");
    }

    private static String page(String section, String slug) {
        return "https://news.example/" + section + "/" + slug;
    }

    private static String publishedAt(String section, String time) {
        Map<String, Object> article = Api.article(section);
        article.put("publishedAt", time);
        return Api.create(article);
    }

    /** The document at the path, parsed, after validating it against the vendored schemas. */
    private static Document valid(String path, String schema) throws Exception {
        byte[] body = given().get(path).then().statusCode(200).contentType("application/xml").extract().asByteArray();
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Source[] sources = {new StreamSource(SitemapTest.class.getResource("/schemas/sitemaps/sitemap-news.xsd").toString()),
                new StreamSource(SitemapTest.class.getResource("/schemas/sitemaps/" + schema).toString())};
        schemas.newSchema(sources).newValidator().validate(new StreamSource(new ByteArrayInputStream(body)));
        return XmlAnswers.parse(body);
    }
}
