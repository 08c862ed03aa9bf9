package news.broadsheet.feed;

import io.quarkus.test.junit.QuarkusTest;
import news.broadsheet.Api;
import news.broadsheet.XmlAnswers;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.editor;
import static news.broadsheet.XmlAnswers.texts;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feeds parsed with a real XML parser: well-formed, required elements present, dates in each format's own syntax. */
@QuarkusTest
class FeedsTest {

    private static Document xml(String path) throws Exception {
        return XmlAnswers.parse(given().get(path).then().statusCode(200).extract().asByteArray());
    }

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private static List<String> itemTitles(Document feed, String namespace, String item) {
        NodeList items = feed.getElementsByTagNameNS(namespace, item);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            titles.add(texts((Element) items.item(i), namespace, "title").get(0));
        }
        return titles;
    }

    private static String sectionWithArticle() {
        String section = Api.section();
        Map<String, Object> article = Api.article(section);
        article.put("title", "Feed story & more");
        article.put("summary", "A summary");
        article.put("authors", List.of("Hanna Łukasik"));
        article.put("tags", List.of("transport"));
        Api.create(article);
        Map<String, Object> draft = Api.article(section);
        draft.put("status", "DRAFT");
        draft.put("title", "Secret draft");
        Api.create(draft);
        return section;
    }

    @Test
    void rssIsValidRss2WithAbsoluteLinksAndRfc822Dates() throws Exception {
        String section = sectionWithArticle();
        Document rss = xml("/api/v1/feeds/rss.xml?section=" + section);
        Element root = rss.getDocumentElement();
        assertEquals("rss", root.getNodeName());
        assertEquals("2.0", root.getAttribute("version"));
        Element channel = (Element) root.getElementsByTagName("channel").item(0);
        assertNotNull(channel);
        for (String required : List.of("title", "link", "description")) {
            assertFalse(channel.getElementsByTagName(required).item(0).getTextContent().isBlank(), required);
        }
        NodeList items = channel.getElementsByTagName("item");
        assertEquals(1, items.getLength(), "the draft is left out");
        Element item = (Element) items.item(0);
        assertEquals("Feed story & more", item.getElementsByTagName("title").item(0).getTextContent());
        String link = item.getElementsByTagName("link").item(0).getTextContent();
        assertTrue(link.startsWith("https://news.example/" + section + "/"), link);
        assertNotNull(item.getElementsByTagName("guid").item(0));
        String pubDate = item.getElementsByTagName("pubDate").item(0).getTextContent();
        ZonedDateTime.parse(pubDate, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(texts(item, "http://purl.org/rss/1.0/modules/content/", "encoded").get(0).contains("<strong>Markdown</strong>"));
    }

    @Test
    void atomIsValidAtom1WithRfc3339Dates() throws Exception {
        String section = sectionWithArticle();
        Document atom = xml("/api/v1/feeds/atom.xml?section=" + section);
        String ns = "http://www.w3.org/2005/Atom";
        Element feed = atom.getDocumentElement();
        assertEquals(ns, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        for (String required : List.of("id", "title", "updated")) {
            assertFalse(texts(feed, ns, required).isEmpty(), required);
        }
        NodeList entries = feed.getElementsByTagNameNS(ns, "entry");
        assertEquals(1, entries.getLength());
        Element entry = (Element) entries.item(0);
        assertTrue(texts(entry, ns, "id").get(0).startsWith("urn:uuid:"));
        OffsetDateTime.parse(texts(entry, ns, "updated").get(0));
        Element link = (Element) entry.getElementsByTagNameNS(ns, "link").item(0);
        assertTrue(link.getAttribute("href").startsWith("https://news.example/" + section + "/"));
        assertEquals("Hanna Łukasik", texts(entry, ns, "name").get(0));
    }

    @Test
    void jsonFeedIsVersion11() {
        String section = sectionWithArticle();
        given().get("/api/v1/feeds/feed.json?section=" + section).then().statusCode(200)
                .contentType(containsString("application/feed+json"))
                .body("version", equalTo("https://jsonfeed.org/version/1.1"))
                .body("title", containsString("Section " + section))
                .body("home_page_url", equalTo("https://news.example/"))
                .body("feed_url", containsString("/api/v1/feeds/feed.json"))
                .body("items.size()", equalTo(1))
                .body("items[0].id", containsString("urn:uuid:"))
                .body("items[0].url", containsString("https://news.example/" + section + "/"))
                .body("items[0].content_html", containsString("<strong>Markdown</strong>"))
                .body("items[0].authors[0].name", equalTo("Hanna Łukasik"))
                .body("items[0].tags", hasItem("transport"));
        String published = given().get("/api/v1/feeds/feed.json?section=" + section).then().extract().path("items[0].date_published");
        Instant.parse(published);
    }

    /** 51 published articles a minute apart: every format holds the 50 newest, newest first, and never the oldest. */
    @Test
    void feedsHoldTheFiftyLatestNewestFirst() throws Exception {
        String section = Api.section();
        Instant newest = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        StringBuilder file = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            String title = "Capped story " + i;
            if (i < 50) {
                expected.add(title);
            }
            file.append(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("slug", Api.unique("capped"),
                    "title", title, "section", section, "status", "PUBLISHED", "body", "Text.",
                    "publishedAt", newest.minusSeconds(60L * i).toString()))).append('\n');
        }
        editor().contentType("application/x-ndjson").body(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/articles/import").then()
                .statusCode(200).body("created", equalTo(51));
        assertEquals(expected, itemTitles(xml("/api/v1/feeds/rss.xml?section=" + section), "", "item"));
        assertEquals(expected, itemTitles(xml("/api/v1/feeds/atom.xml?section=" + section), ATOM_NS, "entry"));
        assertEquals(expected, given().get("/api/v1/feeds/feed.json?section=" + section).then().statusCode(200)
                .extract().jsonPath().getList("items.title"));
    }

    @Test
    void wholeSiteFeedsHoldAtMostFiftyLatest() throws Exception {
        sectionWithArticle();
        NodeList items = xml("/api/v1/feeds/rss.xml").getElementsByTagName("item");
        assertTrue(items.getLength() >= 1 && items.getLength() <= 50, "items: " + items.getLength());
        given().get("/api/v1/feeds/feed.json").then().body("items.title", not(hasItem("Secret draft")));
    }

    @Test
    void aParentSectionsFeedIsTitledAfterItInEveryFormat() throws Exception {
        String parent = Api.section();
        String child = Api.section(parent);
        Map<String, Object> inChild = Api.article(child);
        Api.create(inChild); // the newest article of the parent's feed is the child's
        String title = "Broadsheet: Section " + parent;
        assertEquals(title, texts(xml("/api/v1/feeds/rss.xml?section=" + parent).getDocumentElement(), "", "title").get(0));
        assertEquals(title, texts(xml("/api/v1/feeds/atom.xml?section=" + parent).getDocumentElement(),
                "http://www.w3.org/2005/Atom", "title").get(0));
        given().get("/api/v1/feeds/feed.json?section=" + parent).then().body("title", equalTo(title));
        String empty = Api.section();
        given().get("/api/v1/feeds/feed.json?section=" + empty).then().body("title", equalTo("Broadsheet: Section " + empty));
    }

    @Test
    void rssItemsNameEveryAuthorAsDcCreator() throws Exception {
        String section = Api.section();
        Map<String, Object> article = Api.article(section);
        article.put("authors", List.of("Hanna Łukasik", "Oleh Marchenko"));
        Api.create(article);
        Element item = (Element) xml("/api/v1/feeds/rss.xml?section=" + section).getElementsByTagName("item").item(0);
        assertEquals(List.of("Hanna Łukasik", "Oleh Marchenko"), texts(item, "http://purl.org/dc/elements/1.1/", "creator"));
    }

    @Test
    void atomEntriesWithoutAuthorsFallBackToThePublicationNotAnEmptyName() throws Exception {
        String section = Api.section();
        Api.create(Api.article(section)); // no authors
        String ns = "http://www.w3.org/2005/Atom";
        Element feed = xml("/api/v1/feeds/atom.xml?section=" + section).getDocumentElement();
        Element entry = (Element) feed.getElementsByTagNameNS(ns, "entry").item(0);
        assertEquals(0, entry.getElementsByTagNameNS(ns, "author").getLength());
        for (String name : texts(feed, ns, "name")) {
            assertFalse(name.isBlank(), "an empty author name");
        }
        // RFC 4287: an entry without an author takes the feed's
        NodeList feedAuthors = feed.getElementsByTagNameNS(ns, "author");
        assertEquals(1, feedAuthors.getLength());
        assertEquals("Broadsheet", texts((Element) feedAuthors.item(0), ns, "name").get(0));
    }

    /** Issue 19: fifty long reads must not make one feed answer hundreds of megabytes, so a body past 50,000 characters stays out. */
    @Test
    void aBodyTooLongForAFeedIsReplacedByItsSummaryAndALink() throws Exception {
        String section = Api.section();
        Map<String, Object> longRead = Api.article(section);
        longRead.put("summary", "A summary with <angle> & ampersand");
        longRead.put("body", "Every word of the long read. ".repeat(2_000));
        String slug = Api.create(longRead);
        given().get("/api/v1/feeds/feed.json?section=" + section).then().statusCode(200)
                .body("items[0].content_html", equalTo("<p>A summary with &lt;angle&gt; &amp; ampersand</p><p><a href=\"https://news.example/"
                        + section + "/" + slug + "\">Read the whole article</a></p>"));
        Element item = (Element) xml("/api/v1/feeds/rss.xml?section=" + section).getElementsByTagName("item").item(0);
        String content = texts(item, "http://purl.org/rss/1.0/modules/content/", "encoded").get(0);
        assertFalse(content.contains("Every word"), content);
        assertTrue(content.contains("Read the whole article"), content);
    }

    /** The same answer as a list or an upload naming a section that does not exist. */
    @Test
    void unknownSectionIsTheSameValidationProblemAsInListsAndWrites() {
        for (String path : List.of("/api/v1/feeds/rss.xml", "/api/v1/feeds/atom.xml", "/api/v1/feeds/feed.json", "/api/v1/articles")) {
            given().accept("*/*").get(path + "?section=no-such-section").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:broadsheet:problem:validation"))
                    .body("errors[0].field", equalTo("section"))
                    .body("errors[0].message", equalTo("must name an existing section; there is no 'no-such-section'"));
        }
    }
}
